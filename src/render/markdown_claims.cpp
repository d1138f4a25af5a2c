#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>
#include <vector>

#include "chimera/util/number.hpp"
#include "markdown_sections.hpp"

namespace chimera::render::detail {
namespace {

using util::format_number;

constexpr std::size_t k_top_contradicted = 20;
constexpr std::size_t k_top_documents = 10;
constexpr std::size_t k_claim_chars = 36;

std::string with_claim_unit(double value, std::string_view unit) {
  return unit.empty() ? format_number(value) : fmt::format("{} {}", format_number(value), unit);
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
      claims.documents.size() == 1 ? "document" : "documents", claims.checked == 1 ? "was" : "were",
      claims.supported, claims.contradicted, claims.unmatched);
  // The documents that contradict the runs, most contradictions first; the others are counted.
  std::vector<const model::DocumentClaims*> docs;
  std::size_t quiet = 0;
  std::size_t quiet_supported = 0;
  for (const auto& d : claims.documents) {
    if (d.contradicted > 0) {
      docs.push_back(&d);
    } else {
      ++quiet;
      quiet_supported += d.supported;
    }
  }
  std::stable_sort(docs.begin(), docs.end(),
                   [](const auto* a, const auto* b) { return a->contradicted > b->contradicted; });
  if (!docs.empty()) {
    out += "| Document | Supported | Contradicted | Unmatched |\n|---|---:|---:|---:|\n";
    for (std::size_t i = 0; i < docs.size() && i < k_top_documents; ++i) {
      out += fmt::format("| {} | {} | {} | {} |\n", code_span_in_cell(docs[i]->source),
                         docs[i]->supported, docs[i]->contradicted, docs[i]->unmatched);
    }
    if (docs.size() > k_top_documents) {
      out += fmt::format(
          "\n_{} more documents with contradictions in `--format json` "
          "(`claims.documents`)._\n",
          docs.size() - k_top_documents);
    }
    out += '\n';
  }
  if (quiet > 0) {
    out += fmt::format("{} {} no contradiction ({} supported numbers).\n\n", quiet,
                       quiet == 1 ? "document has" : "documents have", quiet_supported);
  }
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
  // One row per claim as written: a generated report copied into every run directory states
  // the same wrong number in each; the row names the first place and counts the others.
  std::vector<std::pair<const model::Claim*, std::size_t>> rows;
  std::map<std::tuple<std::string, double, std::string>, std::size_t> row_of;
  for (const auto* c : wrong) {
    const auto [it, fresh] = row_of.try_emplace({c->text, c->value, c->unit}, rows.size());
    if (fresh) {
      rows.emplace_back(c, 0);
    } else {
      ++rows[it->second].second;
    }
  }
  out += fmt::format("Contradicted claims, largest difference first{}:\n\n",
                     rows.size() > k_top_contradicted
                         ? fmt::format(" (top {} of {} distinct; all {} in `--format json`)",
                                       k_top_contradicted, rows.size(), wrong.size())
                         : "");
  out += "| Where | Claim | Stated | Data | Statistic | n | Diff | Why |\n";
  out += "|---|---|---:|---:|---|---:|---:|---|\n";
  for (std::size_t i = 0; i < rows.size() && i < k_top_contradicted; ++i) {
    const auto& c = *rows[i].first;
    const auto& d = *c.data;
    const bool percent = d.statistic.find("change") != std::string::npos;
    const std::string stated =
        c.unit == "%" ? format_number(c.value) + "%" : with_claim_unit(c.value, c.unit);
    const std::string also = rows[i].second == 0 ? "" : fmt::format(" +{}", rows[i].second);
    out +=
        fmt::format("| {}{} | {} | {} | {} | {} ({}) | {} | {} | {} |\n",
                    code_span_in_cell(fmt::format("{}:{}", c.source, c.line)), also,
                    escape_cell(shortened(c.text, k_claim_chars)), escape_cell(stated),
                    percent ? format_number(d.value) + "%" : with_claim_unit(d.value, c.unit),
                    escape_cell(d.statistic), escape_cell(config_of(d)), d.n,
                    c.diff_pct ? fmt::format("{:+.1f}%", *c.diff_pct) : "", escape_cell(c.reason));
  }
  out += '\n';
}

}  // namespace chimera::render::detail
