#include "evidence_changes.hpp"

#include <fmt/format.h>

#include "chimera/model/changes.hpp"
#include "chimera/util/number.hpp"

namespace chimera::prompt::detail {
namespace {

constexpr std::size_t k_lines = 30;  // regressions and improvements given to the LLM

std::string value(double v, const std::string& unit) {
  return unit.empty() ? util::format_number(v) : util::format_number(v) + " " + unit;
}

std::string line(const model::Change& c) {
  return fmt::format("- {}: {} of {} in experiment {}: median {} (n={}) -> {} (n={}), {}{}%, {}",
                     model::to_string(c.verdict), c.column, format_group(c.config), c.experiment,
                     value(c.baseline_median, c.unit), c.baseline_n,
                     value(c.current_median, c.unit), c.current_n,
                     c.change_pct && *c.change_pct > 0 ? "+" : "",
                     c.change_pct ? util::format_number(*c.change_pct) : "n/a",
                     c.p_value ? util::p_clause(*c.p_value) : "no test");
}

}  // namespace

EvidenceSection changes_section(const model::Analysis& analysis) {
  EvidenceSection s{"Changes since baseline (regressions first; positive change is better)", {}};
  const auto* cmp = analysis.comparison.get();
  if (cmp == nullptr) {
    return s;
  }
  s.lines.push_back(fmt::format(
      "Baseline {}: {} regressed, {} improved, {} unchanged, {} not comparable (fewer than {} "
      "runs a side); verdicts need p < {} and a change of at least {}%.",
      cmp->path, cmp->count(model::Verdict::regressed), cmp->count(model::Verdict::improved),
      cmp->count(model::Verdict::unchanged), cmp->count(model::Verdict::not_comparable),
      model::k_min_comparable, util::format_number(cmp->alpha),
      util::format_number(cmp->threshold_pct)));
  for (const auto& c : cmp->changes) {
    if (s.lines.size() > k_lines ||
        (c.verdict != model::Verdict::regressed && c.verdict != model::Verdict::improved)) {
      break;  // regressions and improvements come first
    }
    s.lines.push_back(line(c));
  }
  if (!cmp->added.empty() || !cmp->removed.empty()) {
    s.lines.push_back(fmt::format("{} configurations are new since the baseline, {} are gone.",
                                  cmp->added.size(), cmp->removed.size()));
  }
  for (const auto& c : cmp->settings_changed) {
    if (s.lines.size() > k_lines + 10) {
      break;
    }
    s.lines.push_back(fmt::format("Setting {} changed in experiment {}: {} -> {}.", c.setting,
                                  c.experiment, c.baseline.empty() ? "unset" : c.baseline,
                                  c.current.empty() ? "unset" : c.current));
  }
  return s;
}

}  // namespace chimera::prompt::detail
