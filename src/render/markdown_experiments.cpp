#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <string_view>
#include <vector>

#include "chimera/util/number.hpp"
#include "markdown_sections.hpp"

namespace chimera::render::detail {
namespace {

using util::format_number;

// Rows of each per-experiment table in Markdown; the JSON report has them all.
constexpr std::size_t k_top = 10;
// Experiments given a section of their own; the rest are in the overview and the JSON report.
constexpr std::size_t k_sections = 12;
// Longest list of values or settings written on one line.
constexpr std::size_t k_list_chars = 200;
// Longest name or label in a table cell; lines of a report stay under 300 characters.
constexpr std::size_t k_cell_chars = 80;

std::string metric_title(const model::ExperimentMetric& m) {
  return with_unit(m.column, m.unit);
}

// What a metric whose values are themselves statistics holds, read from the words of its name:
// "a median per run" for `ttft_p50_ms`, "a mean per run" for `avg_tps`, "a stated mean or total"
// when only the file or its container says so (a summary).
std::string aggregate_note(std::string_view column) {
  std::vector<std::string> words{""};
  for (const char c : column) {
    if (std::isalnum(static_cast<unsigned char>(c)) != 0) {
      words.back().push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    } else if (!words.back().empty()) {
      words.emplace_back();
    }
  }
  for (const auto& w : words) {
    if (w == "mean" || w == "average" || w == "avg" || w == "averaged") {
      return "a mean per run";
    }
    if (w == "median" || w == "p50") {
      return "a median per run";
    }
    if (w.size() == 3 && w[0] == 'p' && std::isdigit(static_cast<unsigned char>(w[1])) != 0 &&
        std::isdigit(static_cast<unsigned char>(w[2])) != 0) {
      return "a " + w + " per run";
    }
    if (w == "min" || w == "max") {
      return "a " + w + " per run";
    }
  }
  return "a stated mean or total";
}

std::string kind_title(const model::ExperimentMetric& m) {
  return with_unit(model::to_string(m.kind), m.unit);
}

std::string interval(const model::Summary& s) {
  if (!s.median_ci) {
    return "-";
  }
  return format_number(s.median_ci->first) + " – " + format_number(s.median_ci->second);
}

// Items joined by ", " up to k_list_chars, then "and N more".
std::string short_list(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (!out.empty() && out.size() + items[i].size() > k_list_chars) {
      return out + fmt::format(" and {} more", items.size() - i);
    }
    out += (out.empty() ? "" : ", ") + items[i];
  }
  return out;
}

std::string settings_list(const model::GroupKey& key) {
  std::vector<std::string> items;
  for (const auto& [name, value] : key) {
    items.push_back(name + "=" + value);
  }
  return short_list(items);
}

std::string headline_text(const model::Experiment& e, std::size_t configuration) {
  const auto& m = e.metrics[*e.headline];
  const auto* s = e.configurations[configuration].summary_of(*e.headline);
  std::string out = format_number(s->median);
  if (!m.unit.empty()) {
    out += " " + m.unit;
  }
  out += fmt::format(" (n = {}", s->n);
  if (s->median_ci) {
    out += ", CI " + interval(*s);
  }
  return out + ")";
}

void overview(std::string& out, const model::Analysis& a) {
  out +=
      "An experiment is the output of one harness: tables with the same metrics, in files whose "
      "paths differ only in settings or run numbers. Configurations are ranked and compared "
      "within an experiment, never across.\n\n"
      "| # | Experiment | Files | Runs (failed) | Factors | Best configuration | Headline median "
      "|\n"
      "|---:|---|---:|---:|---|---|---|\n";
  for (std::size_t i = 0; i < a.experiments.size(); ++i) {
    const auto& e = a.experiments[i];
    std::vector<std::string> factors;
    for (const auto& f : e.factors) {
      factors.push_back(fmt::format("{} ({})", f.name, f.levels.size()));
    }
    std::string best = "-";
    std::string median = "-";
    if (e.headline && !e.ranking.empty()) {
      best = e.label(e.ranking.front().configuration);
      median = std::string(model::to_string(e.metrics[*e.headline].kind)) + " " +
               headline_text(e, e.ranking.front().configuration);
    }
    out += fmt::format(
        "| {} | {} | {} | {} ({}) | {} | {} | {} |\n", i + 1,
        code_span_in_cell(shortened(e.name, k_cell_chars)), e.sources.size(), e.runs, e.failed_runs,
        factors.empty() ? "-" : escape_cell(shortened(short_list(factors), k_cell_chars)),
        escape_cell(shortened(best, k_cell_chars)), escape_cell(median));
  }
  out += '\n';
}

void agreements(std::string& out, const model::Analysis& a) {
  if (a.agreements.empty()) {
    return;
  }
  out +=
      "Configurations measured in two experiments (same model and settings), on the first "
      "experiment's headline metric; they agree unless a two-sided Mann-Whitney U test finds a "
      "difference (p < 0.05) of more than 5%.\n\n"
      "| Configuration | Experiments | Medians | n | p | Agree |\n|---|---|---|---|---:|---|\n";
  for (std::size_t i = 0; i < a.agreements.size() && i < k_top; ++i) {
    const auto& g = a.agreements[i];
    out += fmt::format("| {} | {} and {} | {} / {} {} | {} / {} | {} | {} |\n",
                       escape_cell(shortened(settings_list(g.setting), k_cell_chars)), g.first + 1,
                       g.second + 1, format_number(g.median_first), format_number(g.median_second),
                       g.unit, g.n_first, g.n_second, util::format_p(g.p_value),
                       g.agree ? "yes" : "**no**");
  }
  if (a.agreements.size() > k_top) {
    out += fmt::format("\n_{} more in `--format json` (`agreements`)._\n",
                       a.agreements.size() - k_top);
  }
  out += '\n';
}

void documents(std::string& out, const model::Analysis& a) {
  std::size_t restates = 0;
  std::vector<std::string> unverified;
  for (const auto& d : a.documents) {
    if (d.use == model::DocumentUse::restates) {
      ++restates;
    } else if (d.use == model::DocumentUse::unverified) {
      unverified.push_back(code_span(d.source + "#" + (d.title.empty() ? d.locator : d.title)));
    }
  }
  if (restates + unverified.size() == 0) {
    return;
  }
  out += fmt::format(
      "Markdown documents are read as documents, not runs: {} of their tables restate the "
      "measurements above (numbers found in the runs or their statistics), and {} state numbers "
      "of measured metrics that are not among them{}\n\n",
      restates, unverified.size(), unverified.empty() ? "." : ": " + short_list(unverified) + ".");
}

void ranking_table(std::string& out, const model::Experiment& e) {
  if (!e.headline || e.ranking.empty()) {
    return;
  }
  const auto& m = e.metrics[*e.headline];
  out += fmt::format(
      "Ranked on {}{}:\n\n| Rank |", code_span(m.column),
      m.direction == model::Direction::higher ? " (higher is better)" : " (lower is better)");
  std::string rule = "|---:|";
  for (const auto& f : e.factors) {
    out += " " + escape_cell(f.name) + " |";
    rule += "---|";
  }
  out += fmt::format(" n | {} | 95% CI |", with_unit("Median", m.unit));
  rule += "---:|---:|---|";
  if (e.secondary) {
    out += " " +
           escape_cell(with_unit(e.metrics[*e.secondary].column + " median",
                                 e.metrics[*e.secondary].unit)) +
           " |";
    rule += "---:|";
  }
  out += " Tied |\n" + rule + "---|\n";
  for (std::size_t i = 0; i < e.ranking.size() && i < k_top; ++i) {
    const auto& r = e.ranking[i];
    const auto& c = e.configurations[r.configuration];
    const auto* s = c.summary_of(*e.headline);
    out += fmt::format("| {} |", r.rank);
    for (const auto& v : c.values) {
      out += " " + (v.empty() ? std::string("-") : escape_cell(v)) + " |";
    }
    out += fmt::format(" {} | {} | {} |", s->n, format_number(s->median), interval(*s));
    if (e.secondary) {
      const auto* t = c.summary_of(*e.secondary);
      out += " " + (t == nullptr ? std::string("-") : format_number(t->median)) + " |";
    }
    out += r.tied_with_previous ? " yes |\n" : " no |\n";
  }
  if (e.ranking.size() > k_top) {
    out +=
        fmt::format("\n_{} more configurations in `--format json`._\n", e.ranking.size() - k_top);
  }
  out += '\n';
}

void effects_table(std::string& out, const model::Experiment& e) {
  if (e.effects.empty()) {
    return;
  }
  out +=
      "Factor effects: the median per level over every run at that level; Mann-Whitney U for "
      "two levels, Kruskal-Wallis H for more; `~` when p >= 0.05.\n\n"
      "| Factor | Metric | Median per level (n) | Test | p | Best vs worst |\n"
      "|---|---|---|---|---:|---:|\n";
  for (const auto& effect : e.effects) {
    std::vector<std::string> levels;
    for (const auto& l : effect.levels) {
      levels.push_back(fmt::format("{}: {} ({})", l.level, format_number(l.median), l.n));
    }
    out += fmt::format("| {} | {} | {} | {} | {}{} | {}% |\n", escape_cell(effect.factor),
                       escape_cell(kind_title(e.metrics[effect.metric])),
                       escape_cell(short_list(levels)), effect.test, util::format_p(effect.p_value),
                       effect.p_value < 0.05 ? "" : " ~", format_number(100 * effect.spread));
  }
  out += '\n';
}

void pareto_table(std::string& out, const model::Experiment& e) {
  if (e.pareto.size() < 2) {
    return;
  }
  out +=
      "Pareto front, throughput (higher) against TTFT (lower):\n\n| Configuration | "
      "Median throughput (tok/s) | Median TTFT (ms) |\n|---|---:|---:|\n";
  for (std::size_t i = 0; i < e.pareto.size() && i < k_top; ++i) {
    const auto& p = e.pareto[i];
    out += fmt::format("| {} | {} | {} |\n",
                       escape_cell(shortened(e.label(p.configuration), k_cell_chars)),
                       format_number(p.throughput_tok_s), format_number(p.ttft_ms));
  }
  if (e.pareto.size() > k_top) {
    out += fmt::format("\n_{} more on the front in `--format json`._\n", e.pareto.size() - k_top);
  }
  out += '\n';
}

void comparisons_table(std::string& out, const model::Experiment& e) {
  if (e.comparisons.empty()) {
    return;
  }
  std::vector<const model::Comparison*> shown;
  for (const bool significant : {true, false}) {
    for (const auto& c : e.comparisons) {
      if (c.significant == significant && shown.size() < k_top) {
        shown.push_back(&c);
      }
    }
  }
  out +=
      "Comparisons (median ratio candidate / baseline, two-sided Mann-Whitney U; `~` when "
      "p >= 0.05), significant ones first:\n\n"
      "| Metric | Candidate | Baseline | n | Median ratio | p | |\n"
      "|---|---|---|---|---:|---:|---|\n";
  for (const auto* c : shown) {
    out +=
        fmt::format("| {} | {} | {} | {} / {} | {} | {} | {}{} |\n",
                    escape_cell(kind_title(e.metrics[c->metric])),
                    escape_cell(shortened(e.label(c->candidate), k_cell_chars)),
                    escape_cell(shortened(e.label(c->baseline), k_cell_chars)), c->n_candidate,
                    c->n_baseline, format_number(c->median_ratio), util::format_p(c->p_value),
                    c->significant ? "significant" : "~", c->small_sample ? ", small sample" : "");
  }
  if (e.comparisons.size() > shown.size()) {
    out += fmt::format("\n_{} more comparisons in `--format json`._\n",
                       e.comparisons.size() - shown.size());
  }
  out += '\n';
}

void experiment_section(std::string& out, const model::Experiment& e, std::size_t number,
                        ChartMarks charts) {
  out += fmt::format("### Experiment {}: {}\n\n", number, code_span(e.name));
  std::vector<std::string> sources;
  for (const auto& s : e.sources) {
    sources.push_back(code_span(s));
  }
  out +=
      fmt::format("- {} from {} file{} ({} table{}): {}\n",
                  e.origin == "summaries"   ? "Means and totals"
                  : e.origin == "documents" ? "Markdown tables, the only source of their numbers,"
                                            : "Runs",
                  e.sources.size(), e.sources.size() == 1 ? "" : "s", e.tables,
                  e.tables == 1 ? "" : "s", short_list(sources));
  out +=
      fmt::format("- {} run{}, {} failed; {} configuration{}", e.runs, e.runs == 1 ? "" : "s",
                  e.failed_runs, e.configurations.size(), e.configurations.size() == 1 ? "" : "s");
  if (!e.replicates.empty()) {
    out += "; replicates told apart by " + short_list(e.replicates);
  }
  out += ".\n";
  if (!e.factors.empty()) {
    std::vector<std::string> factors;
    for (const auto& f : e.factors) {
      std::vector<std::string> levels(f.levels.begin(), f.levels.end());
      factors.push_back(f.name + " (" + short_list(levels) + ")");
    }
    out += "- Factors: " + escape_inline(short_list(factors)) + ".\n";
  }
  if (!e.fixed.empty()) {
    std::vector<std::string> fixed;
    for (std::size_t i = 0; i < e.fixed.size(); ++i) {
      const bool everywhere =
          std::all_of(e.configurations.begin(), e.configurations.end(),
                      [&](const auto& c) { return i < c.has_fixed.size() && c.has_fixed[i]; });
      fixed.push_back(e.fixed[i].first + "=" + e.fixed[i].second +
                      (everywhere ? "" : " (some runs)"));
    }
    out += "- Fixed: " + escape_inline(short_list(fixed)) + ".\n";
  }
  std::vector<std::string> metrics;
  for (const auto& m : e.metrics) {
    metrics.push_back(metric_title(m) + (m.aggregate ? " (" + aggregate_note(m.column) + ")" : ""));
  }
  out += "- Metrics: " + escape_inline(short_list(metrics)) + ".\n\n";
  ranking_table(out, e);
  ranking_charts(out, e, number, charts);
  effects_table(out, e);
  effect_charts(out, e, number, charts);
  pareto_table(out, e);
  pareto_charts(out, e, number, charts);
  comparisons_table(out, e);
}

}  // namespace

void experiments_section(std::string& out, const ReportInput& in, ChartMarks charts) {
  const auto& a = in.analysis;
  out += "## Experiments\n\n";
  if (a.experiments.empty()) {
    out +=
        "No experiment was found: no table of the corpus measures a run (a throughput, a "
        "duration, tokens or memory).\n\n";
    documents(out, a);
    return;
  }
  overview(out, a);
  overview_charts(out, a, charts);
  agreements(out, a);
  documents(out, a);
  for (std::size_t i = 0; i < a.experiments.size() && i < k_sections; ++i) {
    experiment_section(out, a.experiments[i], i + 1, charts);
  }
  if (a.experiments.size() > k_sections) {
    out +=
        fmt::format("_{} more experiments are in the overview above and in `--format json`._\n\n",
                    a.experiments.size() - k_sections);
  }
}

}  // namespace chimera::render::detail
