#include "markdown_sections.hpp"

#include <fmt/format.h>

#include <optional>

#include "chimera/util/number.hpp"

namespace chimera::render::detail {
namespace {

template <typename T>
std::string cell(const std::optional<T>& value) {
  if (!value) {
    return "-";
  }
  if constexpr (std::is_floating_point_v<T>) {
    return util::format_number(*value);
  } else {
    return std::to_string(*value);
  }
}

// The sum of a field over the passes that report it; unset when none does.
template <typename T>
std::optional<T> sum(const std::vector<model::PassResult>& passes,
                     std::optional<T> model::PassMetrics::*field) {
  std::optional<T> total;
  for (const auto& p : passes) {
    if (p.metrics.*field) {
      total = total.value_or(T{}) + *(p.metrics.*field);
    }
  }
  return total;
}

}  // namespace

std::string shortened(std::string_view text, std::size_t max) {
  if (text.size() <= max) {
    return std::string(text);
  }
  std::size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
    --cut;  // not inside a UTF-8 sequence
  }
  return std::string(text.substr(0, cut)) + "…";
}

namespace {

// The indentation that continues a line: a list item's text column, a quote's marker.
std::string continuation(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && line[i] == ' ') {
    ++i;
  }
  if (line.substr(i).starts_with("> ")) {
    return std::string(line.substr(0, i + 2));
  }
  if (line.substr(i).starts_with("- ") || line.substr(i).starts_with("* ")) {
    return std::string(i + 2, ' ');
  }
  std::size_t digits = i;
  while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') {
    ++digits;
  }
  if (digits > i && line.substr(digits).starts_with(". ")) {
    return std::string(digits + 2, ' ');
  }
  return std::string(i, ' ');
}

void wrap_line(std::string_view line, std::size_t width, std::string& out) {
  const std::string indent = continuation(line);
  bool first = true;
  while (line.size() > width) {
    std::size_t cut = line.rfind(' ', width);
    if (cut == std::string_view::npos || cut <= indent.size()) {
      cut = line.find(' ', width);  // a word longer than the width stays whole
      if (cut == std::string_view::npos) {
        break;
      }
    }
    out.append(line.substr(0, cut));
    out += '\n';
    line.remove_prefix(cut + 1);
    while (!line.empty() && line.front() == ' ') {
      line.remove_prefix(1);
    }
    out += indent;
    if (first) {
      width -= std::min(width / 2, indent.size());
      first = false;
    }
  }
  out.append(line);
}

}  // namespace

std::string wrap_long_lines(std::string_view markdown, std::size_t width) {
  std::string out;
  out.reserve(markdown.size() + markdown.size() / 50);
  bool fenced = false;
  std::size_t start = 0;
  while (start < markdown.size()) {
    std::size_t end = markdown.find('\n', start);
    const bool last = end == std::string_view::npos;
    end = last ? markdown.size() : end;
    const std::string_view line = markdown.substr(start, end - start);
    std::size_t lead = 0;
    while (lead < line.size() && line[lead] == ' ') {
      ++lead;
    }
    const std::string_view body = line.substr(lead);
    if (body.starts_with("```") || body.starts_with("~~~")) {
      fenced = !fenced;
    }
    if (fenced || line.size() <= width || body.starts_with("|") || body.starts_with("#") ||
        lead >= 4) {
      out.append(line);
    } else {
      wrap_line(line, width, out);
    }
    if (!last) {
      out += '\n';
    }
    start = end + 1;
  }
  return out;
}

std::string with_unit(std::string_view header, std::string_view unit) {
  return unit.empty() ? std::string(header) : fmt::format("{} ({})", header, unit);
}

std::string marked(const NarrativePart& part) {
  std::string text = grounding::mark_unsupported(part.text, part.mentions, part.first_ref);
  if (!part.cut_off.empty()) {
    text += "\n\n> Cut off: " + escape_inline(part.cut_off) +
            ". The text above is what the server had sent.";
  }
  return text;
}

void workflow_summary(std::string& out, const ReportInput& in) {
  const auto& inv = in.analysis.inventory;
  out += "## Workflow Summary\n\n";
  std::string kinds;
  for (const auto& [kind, totals] : inv.by_kind) {
    kinds +=
        fmt::format("{}{} {}", kinds.empty() ? "" : ", ", totals.files, model::to_string(kind));
  }
  out += fmt::format("- Files analysed: {} ({})\n", inv.files_total, kinds);
  const auto& t = in.timings;
  out += fmt::format(
      "- Execution time: {:.2f}s (ingest {:.2f}s | analysis {:.2f}s | report {:.2f}s)\n\n",
      t.total_s(), t.ingest_s, t.analysis_s, t.report_s);
}

void run_metrics(std::string& out, const ReportInput& in) {
  const auto& passes = in.llm.passes;
  out += "## Metrics\n\n";
  if (passes.empty()) {
    out += fmt::format("No LLM pass ran: {}.\n\n", escape_inline(in.llm.reason));
    return;
  }
  using M = model::PassMetrics;
  const auto eval_count = sum(passes, &M::eval_count);
  const auto eval_ms = sum(passes, &M::eval_ms);
  std::optional<double> throughput;
  if (eval_count && eval_ms && *eval_ms > 0) {
    throughput = static_cast<double>(*eval_count) / (*eval_ms / 1000.0);
  }
  std::optional<double> ttft;
  std::size_t ttft_n = 0;
  for (const auto& p : passes) {
    if (p.metrics.ttft_ms) {
      ttft = ttft.value_or(0) + *p.metrics.ttft_ms;
      ++ttft_n;
    }
  }
  if (ttft) {
    *ttft /= static_cast<double>(ttft_n);
  }
  const auto total_ms = sum(passes, &M::total_ms);
  out +=
      "Whole run: throughput is tokens generated over decode time, both summed over the passes; "
      "TTFT is the mean of the passes' TTFT; durations and token counts are summed.\n\n";
  out += fmt::format("- Throughput: {} tok/s\n", cell(throughput));
  out += fmt::format("- TTFT: {} ms\n", cell(ttft));
  out += fmt::format("- Total duration: {} s\n",
                     total_ms ? util::format_number(*total_ms / 1000.0) : "-");
  out += fmt::format("- Tokens generated: {}\n", cell(eval_count));
  out += fmt::format("- Prompt eval: {} tokens, {} ms\n", cell(sum(passes, &M::prompt_eval_count)),
                     cell(sum(passes, &M::prompt_eval_ms)));
  out += fmt::format("- Eval duration: {} ms\n", cell(eval_ms));
  out += fmt::format("- Load duration: {} ms\n\n", cell(sum(passes, &M::load_ms)));
  out +=
      "| Pass | Status | TTFT (ms) | Throughput (tok/s) | Tokens generated | Prompt tokens | "
      "Prompt eval (ms) | Eval (ms) | Load (ms) | Total (ms) | Done reason | Truncated |\n"
      "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n";
  for (const auto& p : passes) {
    const auto& m = p.metrics;
    out += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n",
                       escape_cell(p.name),
                       p.ok ? "ok" : escape_cell("failed: " + p.error), cell(m.ttft_ms),
                       cell(m.tokens_per_second), cell(m.eval_count), cell(m.prompt_eval_count),
                       cell(m.prompt_eval_ms), cell(m.eval_ms), cell(m.load_ms), cell(m.total_ms),
                       m.done_reason.empty() ? "-" : escape_cell(m.done_reason),
                       m.truncated ? escape_cell("yes: " + m.truncation_note) : "no");
  }
  out += '\n';
  bool noted = false;
  for (const auto& p : passes) {
    if (!p.metrics.refit_note.empty()) {
      out += fmt::format("- The {} pass was asked twice: {}.\n", p.name,
                         escape_inline(p.metrics.refit_note));
      noted = true;
    }
    if (!p.metrics.implausible.empty()) {
      out += fmt::format("- The server reported values for the {} pass that cannot be right; "
                         "they are shown as `-`: {}.\n",
                         p.name, p.metrics.implausible);
      noted = true;
    }
  }
  if (noted) {
    out += '\n';
  }
}

void grounding_section(std::string& out, const ReportInput& in) {
  const auto& n = in.narrative;
  out += "## Grounding\n\n";
  if (!n.has_text) {
    out += "No LLM text to check: the report has no LLM narrative.\n\n";
    return;
  }
  const auto& g = n.grounding;
  out += fmt::format(
      "Every number in the LLM's text was checked against the evidence it was given: {} checked, "
      "{} supported, {} unsupported.\n\n",
      g.checked, g.supported, g.unsupported.size());
  if (g.unsupported.empty()) {
    out += "Every number is supported by the evidence.\n\n";
  } else {
    out +=
        "Unsupported numbers are marked `[U<n>]` where they stand in the text.\n\n"
        "| Ref | Number | Section | Why |\n|---|---|---|---|\n";
    for (std::size_t i = 0; i < g.unsupported.size(); ++i) {
      out += fmt::format("| U{} | {} | {} | {} |\n", i + 1, escape_cell(g.unsupported[i].text),
                         escape_cell(g.unsupported[i].section),
                         escape_cell(g.unsupported[i].why));
    }
    out += '\n';
  }
  out +=
      "A number is supported when its sentence names what it measures (metric, and "
      "configuration when named) and a statistic of those runs rounds to it at the digits "
      "written; a number about something no run measures (utilisation, accuracy, cost) is "
      "not. A number whose sentence does not say what it measures is supported when a number "
      "of the evidence rounds to it, allowing s/ms/min and fraction/percent conversions. "
      "Exempt: list and section numbering, "
      "numbers in headings, numbers inside names (gemma3, run_001), versions, dates and clock "
      "times.\n\n";
}

}  // namespace chimera::render::detail
