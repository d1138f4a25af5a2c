#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "chimera/util/number.hpp"
#include "markdown_sections.hpp"

namespace chimera::render::detail {
namespace {

using util::format_number;

constexpr std::size_t k_top_contradicted = 20;
constexpr std::size_t k_top_documents = 50;
constexpr std::size_t k_claim_chars = 90;

std::string with_claim_unit(double value, std::string_view unit) {
  return unit.empty() ? format_number(value) : fmt::format("{} {}", format_number(value), unit);
}

std::string sources_of(const model::ClaimData& data) {
  if (data.sources.empty()) {
    return "";
  }
  std::string out = code_span_in_cell(data.sources.front());
  if (data.sources.size() > 1) {
    out += fmt::format(" +{}", data.sources.size() - 1);
  }
  return out;
}

std::string config_of(const model::ClaimData& data) {
  std::string out;
  for (const auto& [name, value] : data.config) {
    out += fmt::format("{}{}={}", out.empty() ? "" : ", ", name, value);
  }
  return out.empty() ? "all runs" : out;
}

}  // namespace

void claims_section(std::string& out, const ReportInput& in) {
  const auto& claims = in.analysis.claims;
  if (claims.checked == 0) {
    return;
  }
  out += "## Documents vs data\n\n";
  out += fmt::format(
      "{} {} stated in {} {} {} checked against the runs: {} supported, {} contradicted, "
      "{} unmatched (no runs, or more than one configuration could be meant).\n\n",
      claims.checked, claims.checked == 1 ? "number" : "numbers", claims.documents.size(),
      claims.documents.size() == 1 ? "document" : "documents",
      claims.checked == 1 ? "was" : "were", claims.supported, claims.contradicted,
      claims.unmatched);
  // The documents with the most contradictions first, then by path.
  std::vector<const model::DocumentClaims*> docs;
  for (const auto& d : claims.documents) {
    docs.push_back(&d);
  }
  std::stable_sort(docs.begin(), docs.end(),
                   [](const auto* a, const auto* b) { return a->contradicted > b->contradicted; });
  out += "| Document | Supported | Contradicted | Unmatched |\n|---|---:|---:|---:|\n";
  for (std::size_t i = 0; i < docs.size() && i < k_top_documents; ++i) {
    out += fmt::format("| {} | {} | {} | {} |\n", code_span_in_cell(docs[i]->source),
                       docs[i]->supported, docs[i]->contradicted, docs[i]->unmatched);
  }
  if (docs.size() > k_top_documents) {
    out += fmt::format("\n_{} more documents in `--format json` (`claims.documents`)._\n",
                       docs.size() - k_top_documents);
  }
  out += '\n';
  std::vector<const model::Claim*> wrong;
  for (const auto& c : claims.items) {
    if (c.verdict == model::ClaimVerdict::contradicted) {
      wrong.push_back(&c);
    }
  }
  if (wrong.empty()) {
    return;
  }
  std::stable_sort(wrong.begin(), wrong.end(), [](const auto* a, const auto* b) {
    return std::fabs(a->diff_pct.value_or(0)) > std::fabs(b->diff_pct.value_or(0));
  });
  out += fmt::format(
      "Contradicted claims, largest difference first{}:\n\n",
      wrong.size() > k_top_contradicted
          ? fmt::format(" (top {} of {}; all in `--format json`)", k_top_contradicted, wrong.size())
          : "");
  out += "| Where | Claim | Stated | Data | Statistic | n | Diff | Why | Source |\n";
  out += "|---|---|---:|---:|---|---:|---:|---|---|\n";
  for (std::size_t i = 0; i < wrong.size() && i < k_top_contradicted; ++i) {
    const auto& c = *wrong[i];
    const auto& d = *c.data;
    const bool percent = d.statistic.find("change") != std::string::npos;
    const std::string stated =
        c.unit == "%" ? format_number(c.value) + "%" : with_claim_unit(c.value, c.unit);
    out += fmt::format("| {} | {} | {} | {} | {} ({}) | {} | {} | {} | {} |\n",
                       code_span_in_cell(fmt::format("{}:{}", c.source, c.line)),
                       escape_cell(shortened(c.text, k_claim_chars)), escape_cell(stated),
                       percent ? format_number(d.value) + "%" : with_claim_unit(d.value, c.unit),
                       escape_cell(d.statistic), escape_cell(config_of(d)), d.n,
                       c.diff_pct ? fmt::format("{:+.1f}%", *c.diff_pct) : "",
                       escape_cell(c.reason), sources_of(d));
  }
  out += '\n';
}

}  // namespace chimera::render::detail
