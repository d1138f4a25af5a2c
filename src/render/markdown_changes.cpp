#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "chimera/model/changes.hpp"
#include "chimera/prompt/evidence.hpp"
#include "chimera/util/number.hpp"
#include "markdown_sections.hpp"

namespace chimera::render::detail {
namespace {

constexpr std::size_t k_rows = 20;    // per table; the JSON report has every change
constexpr std::size_t k_listed = 10;  // added or removed configurations named

std::string signed_pct(const std::optional<double>& pct) {
  if (!pct) {
    return "n/a";
  }
  return (*pct > 0 ? "+" : "") + util::format_number(*pct) + "%";
}

std::string with_unit_text(double value, const std::string& unit) {
  return unit.empty() ? util::format_number(value) : util::format_number(value) + " " + unit;
}

// "`throughput_tok_s` of num_gpu=80 in `sweeps/*.csv`"
std::string what_changed(const model::Change& c) {
  return fmt::format("{} of {} in {}", code_span(c.column),
                     escape_inline(prompt::format_group(c.config)), code_span(c.experiment));
}

void change_table(std::string& out, const std::vector<const model::Change*>& rows,
                  std::size_t total, const char* what) {
  out +=
      "| Experiment | Configuration | Metric | Baseline n | Baseline median | Current n | "
      "Current median | Change | p |\n|---|---|---|---:|---:|---:|---:|---:|---:|\n";
  for (const auto* c : rows) {
    out += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} | {} |\n",
                       code_span_in_cell(shortened(c->experiment, 60)),
                       escape_cell(shortened(prompt::format_group(c->config), 80)),
                       code_span_in_cell(shortened(c->column, 40)), c->baseline_n,
                       with_unit_text(c->baseline_median, c->unit), c->current_n,
                       with_unit_text(c->current_median, c->unit), signed_pct(c->change_pct),
                       c->p_value ? util::format_p(*c->p_value) : "-");
  }
  if (total > rows.size()) {
    out +=
        fmt::format("\n_{} more {} in `--format json` (`changes`)._\n", total - rows.size(), what);
  }
  out += '\n';
}

void configuration_list(std::string& out, const std::vector<model::ConfigurationRef>& refs,
                        const char* title) {
  if (refs.empty()) {
    return;
  }
  out += fmt::format("{} ({}):\n\n", title, refs.size());
  for (std::size_t i = 0; i < refs.size() && i < k_listed; ++i) {
    out += fmt::format("- {} in {}\n", escape_inline(prompt::format_group(refs[i].config)),
                       code_span(refs[i].experiment));
  }
  if (refs.size() > k_listed) {
    out += fmt::format("- and {} more in `--format json` (`baseline`)\n", refs.size() - k_listed);
  }
  out += '\n';
}

void experiment_list(std::string& out, const std::vector<std::string>& names, const char* title) {
  if (names.empty()) {
    return;
  }
  std::string list;
  for (std::size_t i = 0; i < names.size() && i < k_listed; ++i) {
    list += (i == 0 ? "" : ", ") + code_span(names[i]);
  }
  if (names.size() > k_listed) {
    list += fmt::format(" and {} more", names.size() - k_listed);
  }
  out += fmt::format("{} ({}): {}.\n\n", title, names.size(), list);
}

}  // namespace

void baseline_lead(std::string& out, const ReportInput& in) {
  const auto* cmp = in.analysis.comparison.get();
  if (cmp == nullptr) {
    return;
  }
  const std::size_t regressed = cmp->count(model::Verdict::regressed);
  if (regressed == 0) {
    out += fmt::format(
        "**No regressions since the baseline** ({}): {} improved, {} unchanged, "
        "{} not comparable.\n\n",
        code_span(cmp->path), cmp->count(model::Verdict::improved),
        cmp->count(model::Verdict::unchanged), cmp->count(model::Verdict::not_comparable));
    return;
  }
  // Regressions come first in `changes`, worst first.
  const auto& worst = cmp->changes.front();
  out += fmt::format(
      "**{} {} since the baseline** ({}); the worst: {}, {} ({} → {}). See Changes since "
      "baseline.\n\n",
      regressed, regressed == 1 ? "regression" : "regressions", code_span(cmp->path),
      what_changed(worst), signed_pct(worst.change_pct),
      with_unit_text(worst.baseline_median, worst.unit),
      with_unit_text(worst.current_median, worst.unit));
}

void changes_section(std::string& out, const ReportInput& in) {
  const auto* cmp = in.analysis.comparison.get();
  if (cmp == nullptr) {
    return;
  }
  out += "## Changes since baseline\n\n";
  out += fmt::format("- Baseline: {}{}\n", code_span(cmp->path),
                     cmp->generated_at ? " (newest input " + *cmp->generated_at + ")" : "");
  out += fmt::format(
      "- A change is a verdict when the Mann-Whitney U test gives p < {} and it is at least {}% "
      "(`--alpha`, `--threshold`); positive is better in the metric's direction.\n\n",
      util::format_number(cmp->alpha), util::format_number(cmp->threshold_pct));
  std::vector<const model::Change*> regressions;
  std::vector<const model::Change*> improvements;
  for (const auto& c : cmp->changes) {
    if (c.verdict == model::Verdict::regressed) {
      regressions.push_back(&c);
    } else if (c.verdict == model::Verdict::improved) {
      improvements.push_back(&c);
    }
  }
  const std::size_t n_regressed = regressions.size();
  const std::size_t n_improved = improvements.size();
  regressions.resize(std::min(n_regressed, k_rows));
  improvements.resize(std::min(n_improved, k_rows));
  if (n_regressed == 0) {
    out += "### Regressions\n\nNone.\n\n";
  } else {
    out += fmt::format("### Regressions ({})\n\n", n_regressed);
    change_table(out, regressions, n_regressed, "regressions");
  }
  if (n_improved == 0) {
    out += "### Improvements\n\nNone.\n\n";
  } else {
    out += fmt::format("### Improvements ({})\n\n", n_improved);
    change_table(out, improvements, n_improved, "improvements");
  }
  out += fmt::format("Unchanged (`~`): {}. Not comparable (fewer than {} runs on a side): {}.\n\n",
                     cmp->count(model::Verdict::unchanged), model::k_min_comparable,
                     cmp->count(model::Verdict::not_comparable));
  configuration_list(out, cmp->added, "Configurations new since the baseline");
  configuration_list(out, cmp->removed, "Configurations in the baseline only");
  if (!cmp->settings_changed.empty()) {
    out += fmt::format(
        "Settings that are not factors but changed since the baseline ({}); the "
        "configurations were matched without them:\n\n",
        cmp->settings_changed.size());
    for (std::size_t i = 0; i < cmp->settings_changed.size() && i < k_listed; ++i) {
      const auto& c = cmp->settings_changed[i];
      out +=
          fmt::format("- {}: {} → {} in {}\n", code_span(c.setting),
                      c.baseline.empty() ? "unset" : code_span(c.baseline),
                      c.current.empty() ? "unset" : code_span(c.current), code_span(c.experiment));
    }
    if (cmp->settings_changed.size() > k_listed) {
      out += fmt::format("- and {} more in `--format json` (`baseline`)\n",
                         cmp->settings_changed.size() - k_listed);
    }
    out += '\n';
  }
  experiment_list(out, cmp->experiments_added, "Experiments new since the baseline");
  experiment_list(out, cmp->experiments_removed, "Experiments in the baseline only");
}

}  // namespace chimera::render::detail
