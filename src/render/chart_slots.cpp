#include "chart_slots.hpp"

#include <charconv>
#include <optional>

#include "chimera/render/charts.hpp"
#include "chimera/render/mermaid.hpp"
#include "chimera/render/svg.hpp"

namespace chimera::render::detail {
namespace {

// STX and ETX: util::printable shows them as "\x02" and "\x03" in every text the report takes
// from elsewhere, so only a slot written here holds them.
constexpr std::string_view k_open =
    "<p>\x02"
    "chart:";
constexpr std::string_view k_close = "\x03</p>\n";

void slot(std::string& out, std::string_view id) {
  out +=
      "\x02"
      "chart:";
  out += id;
  out += "\x03\n\n";
}

std::optional<std::size_t> read_number(std::string_view& text) {
  std::size_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || value == 0) {
    return std::nullopt;
  }
  text.remove_prefix(static_cast<std::size_t>(end - text.data()));
  return value;
}

bool consume(std::string_view& text, std::string_view prefix) {
  if (text.substr(0, prefix.size()) != prefix) {
    return false;
  }
  text.remove_prefix(prefix.size());
  return true;
}

// The chart an id names ("overview", "e2-ranking", "e2-pareto", "e2-effect-3"), drawn.
std::optional<std::string> draw(std::string_view id, const model::Analysis& a) {
  if (id == "overview") {
    const auto chart = charts::overview_chart(a);
    return chart ? std::optional(svg::bar_chart(*chart)) : std::nullopt;
  }
  if (!consume(id, "e")) {
    return std::nullopt;
  }
  const auto number = read_number(id);
  if (!number || *number > a.experiments.size()) {
    return std::nullopt;
  }
  const auto& e = a.experiments[*number - 1];
  if (id == "-ranking") {
    const auto chart = charts::ranking_chart(e, *number);
    return chart ? std::optional(svg::bar_chart(*chart)) : std::nullopt;
  }
  if (id == "-pareto") {
    const auto chart = charts::pareto_chart(e, *number);
    return chart ? std::optional(svg::scatter_chart(*chart)) : std::nullopt;
  }
  if (consume(id, "-effect-")) {
    const auto effect = read_number(id);
    if (!effect || !id.empty() || *effect > e.effects.size()) {
      return std::nullopt;
    }
    const auto chart = charts::effect_chart(e, *number, *effect - 1);
    return chart ? std::optional(svg::line_chart(*chart)) : std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

void overview_charts(std::string& out, const model::Analysis& a, ChartMarks marks) {
  // Mermaid draws the per-experiment charts only: runs per experiment say little in a doc.
  if (marks == ChartMarks::slots && charts::overview_chart(a)) {
    slot(out, "overview");
  }
}

void ranking_charts(std::string& out, const model::Experiment& e, std::size_t number,
                    ChartMarks marks) {
  if (marks == ChartMarks::none) {
    return;
  }
  const auto chart = charts::ranking_chart(e, number);
  if (!chart) {
    return;
  }
  if (marks == ChartMarks::mermaid) {
    out += mermaid::bar_block(*chart);
  } else {
    slot(out, chart->id);
  }
}

void effect_charts(std::string& out, const model::Experiment& e, std::size_t number,
                   ChartMarks marks) {
  if (marks == ChartMarks::none) {
    return;
  }
  for (std::size_t i = 0; i < e.effects.size(); ++i) {
    const auto chart = charts::effect_chart(e, number, i);
    if (!chart) {
      continue;
    }
    if (marks == ChartMarks::mermaid) {
      out += mermaid::line_block(*chart);
    } else {
      slot(out, chart->id);
    }
  }
}

void pareto_charts(std::string& out, const model::Experiment& e, std::size_t number,
                   ChartMarks marks) {
  if (marks != ChartMarks::slots) {
    return;
  }
  if (const auto chart = charts::pareto_chart(e, number)) {
    slot(out, chart->id);
  }
}

std::string fill_chart_slots(std::string_view html, const model::Analysis& a) {
  std::string out;
  out.reserve(html.size());
  std::size_t pos = 0;
  while (true) {
    const std::size_t start = html.find(k_open, pos);
    if (start == std::string_view::npos) {
      break;
    }
    const std::size_t id_start = start + k_open.size();
    const std::size_t end = html.find(k_close, id_start);
    if (end == std::string_view::npos) {
      break;
    }
    out.append(html.substr(pos, start - pos));
    if (const auto svg = draw(html.substr(id_start, end - id_start), a)) {
      out += "<figure class=\"chart\">\n" + *svg + "\n</figure>\n";
    }
    pos = end + k_close.size();
  }
  out.append(html.substr(pos));
  return out;
}

}  // namespace chimera::render::detail
