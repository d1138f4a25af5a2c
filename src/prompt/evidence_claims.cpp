#include "evidence_claims.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "chimera/util/number.hpp"

namespace chimera::prompt::detail {
namespace {

constexpr std::size_t k_contradictions = 20;
constexpr std::size_t k_text_chars = 100;

}  // namespace

EvidenceSection claims_section(const model::Analysis& analysis) {
  EvidenceSection s{"Documents vs data", {}};
  const auto& claims = analysis.claims;
  if (claims.checked == 0) {
    return s;
  }
  s.lines.push_back(fmt::format(
      "- {} {} stated in the corpus's documents checked against the runs: {} supported, "
      "{} contradicted, {} unmatched",
      claims.checked, claims.checked == 1 ? "number" : "numbers", claims.supported,
      claims.contradicted, claims.unmatched));
  std::vector<const model::Claim*> wrong;
  for (const auto& c : claims.items) {
    if (c.verdict == model::ClaimVerdict::contradicted) {
      wrong.push_back(&c);
    }
  }
  std::stable_sort(wrong.begin(), wrong.end(), [](const auto* a, const auto* b) {
    return std::fabs(a->diff_pct.value_or(0)) > std::fabs(b->diff_pct.value_or(0));
  });
  for (std::size_t i = 0; i < wrong.size() && i < k_contradictions; ++i) {
    const auto& c = *wrong[i];
    const auto& d = *c.data;
    std::string config;
    for (const auto& [name, value] : d.config) {
      config += fmt::format("{}{}={}", config.empty() ? "" : ", ", name, value);
    }
    std::string text = c.text.substr(0, k_text_chars);
    s.lines.push_back(
        fmt::format("- {}:{} states \"{}\"; the runs give {} {}{} (n={}{}){}: {}", c.source, c.line,
                    text, d.statistic, util::format_number(d.value),
                    c.unit.empty() ? "" : " " + c.unit, d.n, config.empty() ? "" : ", " + config,
                    c.diff_pct ? fmt::format(", {:+.1f}%", *c.diff_pct) : "", c.reason));
  }
  return s;
}

}  // namespace chimera::prompt::detail
