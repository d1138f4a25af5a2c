#include <fmt/format.h>

#include <algorithm>
#include <string_view>

#include "chimera/prompt/evidence.hpp"
#include "chimera/util/number.hpp"
#include "markdown_sections.hpp"

namespace chimera::render::detail {
namespace {

using util::format_number;

struct MetricHeading {
  model::MetricKind kind;
  std::string unit;
  bool operator==(const MetricHeading&) const = default;
};

// The (kind, unit) pairs of `items` in first-seen order, so tables follow the data's order.
template <typename T>
std::vector<MetricHeading> headings(const std::vector<T>& items) {
  std::vector<MetricHeading> out;
  for (const auto& item : items) {
    const MetricHeading h{item.kind, item.unit};
    if (std::find(out.begin(), out.end(), h) == out.end()) {
      out.push_back(h);
    }
  }
  return out;
}

std::string title(const MetricHeading& h) {
  return with_unit(model::to_string(h.kind), h.unit);
}

std::string interval(const model::Summary& s) {
  if (!s.median_ci) {
    return "-";
  }
  return format_number(s.median_ci->first) + " – " + format_number(s.median_ci->second);
}

std::string cv(const model::Summary& s) {
  return s.n >= 2 && s.mean != 0 ? format_number(s.cv) : "-";
}

// A corpus of many small tables has a row per table and metric here: 1.5 million rows, 230 MB of
// Markdown, for the bench corpus's 247,000 Markdown tables. Each table keeps its first rows and
// says how many it leaves out; the JSON report has them all.
constexpr std::size_t k_max_rows = 200;

// The line under a table cut at k_max_rows.
void cut_note(std::string& out, std::size_t left_out, std::string_view json_key) {
  if (left_out > 0) {
    out += fmt::format(
        "\n_{} more rows are left out of this table, which shows the first {}; `--format json` "
        "has all {} under `{}`._\n",
        left_out, k_max_rows, k_max_rows + left_out, json_key);
  }
}

void metrics_table(std::string& out, const model::Analysis& a) {
  out += "### By file and column\n\n";
  for (const auto& h : headings(a.metrics)) {
    out += "#### " + title(h) + "\n\n";
    out += fmt::format(
        "| Source | Column | n | Failed excluded | {} | {} | {} | {} | CV | {} | {} |\n"
        "|---|---|---:|---:|---:|---|---:|---:|---:|---|---|\n",
        with_unit("Median", h.unit), with_unit("Median 95% CI", h.unit), with_unit("Mean", h.unit),
        with_unit("Std dev", h.unit), with_unit("Min – max", h.unit),
        with_unit("p05 – p95", h.unit));
    std::size_t shown = 0;
    std::size_t left_out = 0;
    for (const auto& m : a.metrics) {
      if (!(MetricHeading{m.kind, m.unit} == h)) {
        continue;
      }
      if (shown == k_max_rows) {
        ++left_out;
        continue;
      }
      ++shown;
      const auto& s = m.summary;
      const std::string source = m.locator.empty() ? m.source : m.source + "#" + m.locator;
      if (s.n == 0) {
        out += fmt::format("| `{}` | {} | 0 | {} | - | - | - | - | - | - | - |\n",
                           escape_cell(source), escape_cell(m.column), m.failed_excluded);
        continue;
      }
      out += fmt::format("| `{}` | {} | {} | {} | {} | {} | {} | {} | {} | {} – {} | {} – {} |\n",
                         escape_cell(source), escape_cell(m.column), s.n, m.failed_excluded,
                         format_number(s.median), interval(s), format_number(s.mean),
                         s.n >= 2 ? format_number(s.stddev) : "-", cv(s), format_number(s.min),
                         format_number(s.max), format_number(s.p05), format_number(s.p95));
    }
    cut_note(out, left_out, "metrics");
    out += '\n';
  }
}

void groups_table(std::string& out, const model::Analysis& a) {
  out += "### By configuration\n\n";
  if (a.groups.empty()) {
    out += "No configurations were found (no dimension columns such as num_gpu or model).\n\n";
    return;
  }
  for (const auto& h : headings(a.groups)) {
    out += "#### " + title(h) + "\n\n";
    out += fmt::format(
        "| Configuration | n | {} | {} | {} | {} | CV |\n|---|---:|---:|---|---:|---:|---:|\n",
        with_unit("Median", h.unit), with_unit("Median 95% CI", h.unit), with_unit("p05", h.unit),
        with_unit("p95", h.unit));
    std::size_t shown = 0;
    std::size_t left_out = 0;
    for (const auto& g : a.groups) {
      if (!(MetricHeading{g.kind, g.unit} == h)) {
        continue;
      }
      if (shown == k_max_rows) {
        ++left_out;
        continue;
      }
      ++shown;
      const auto& s = g.summary;
      out += fmt::format("| {} | {} | {} | {} | {} | {} | {} |\n",
                         escape_cell(prompt::format_group(g.group)), s.n, format_number(s.median),
                         interval(s), format_number(s.p05), format_number(s.p95), cv(s));
    }
    cut_note(out, left_out, "groups");
    out += '\n';
  }
}

void ranking_table(std::string& out, const model::Analysis& a) {
  if (a.ranking.empty()) {
    return;
  }
  out +=
      "### Ranking\n\nConfigurations ranked by median; a tie means the median intervals "
      "overlap.\n\n| Rank | Configuration | Metric | Median | Median 95% CI | n | Tied |\n"
      "|---:|---|---|---:|---|---:|---|\n";
  for (const auto& r : a.ranking) {
    out += fmt::format("| {} | {} | {} | {} | {} | {} | {} |\n", r.rank,
                       escape_cell(prompt::format_group(r.group)), title({r.kind, r.unit}),
                       format_number(r.summary.median), interval(r.summary), r.summary.n,
                       r.tied_with_previous ? "yes" : "no");
  }
  out += '\n';
}

void pareto_table(std::string& out, const model::Analysis& a) {
  if (a.pareto.empty()) {
    return;
  }
  out +=
      "### Pareto front (throughput against TTFT)\n\n"
      "| Configuration | Median throughput (tok/s) | Median TTFT (ms) |\n|---|---:|---:|\n";
  for (const auto& p : a.pareto) {
    out += fmt::format("| {} | {} | {} |\n", escape_cell(prompt::format_group(p.group)),
                       format_number(p.throughput_tok_s), format_number(p.ttft_ms));
  }
  out += '\n';
}

void comparisons_table(std::string& out, const model::Analysis& a) {
  if (a.comparisons.empty()) {
    return;
  }
  out +=
      "### Comparisons\n\nMedian ratio candidate / baseline; p from a two-sided Mann-Whitney "
      "U test; `~` marks a difference that is not significant (p >= 0.05).\n\n"
      "| Metric | Candidate | Baseline | n | Median ratio | p | |\n"
      "|---|---|---|---|---:|---:|---|\n";
  for (const auto& c : a.comparisons) {
    out += fmt::format("| {} | {} | {} | {} / {} | {} | {} | {}{} |\n", title({c.kind, c.unit}),
                       escape_cell(prompt::format_group(c.candidate)),
                       escape_cell(prompt::format_group(c.baseline)), c.n_candidate, c.n_baseline,
                       format_number(c.median_ratio), format_number(c.p_value),
                       c.significant ? "significant" : "~", c.small_sample ? ", small sample" : "");
  }
  out += '\n';
}

}  // namespace

void performance_analysis(std::string& out, const ReportInput& in) {
  const auto& a = in.analysis;
  out += "## Performance Analysis\n\n";
  if (a.metrics.empty()) {
    out += "No numeric metrics were found in the ingested tables.\n\n";
    return;
  }
  out +=
      "Failed runs are excluded; the median interval is a 95% confidence interval, shown when "
      "n >= 6.\n\n";
  if (!a.shared_dimensions.empty()) {
    out += "Every run shares " + prompt::format_group(a.shared_dimensions) +
           "; configurations below differ in the rest.\n\n";
  }
  ranking_table(out, a);
  pareto_table(out, a);
  comparisons_table(out, a);
  groups_table(out, a);
  metrics_table(out, a);
}

}  // namespace chimera::render::detail
