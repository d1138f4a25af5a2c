#include <algorithm>

#include <fmt/format.h>

#include "chimera/prompt/evidence.hpp"
#include "chimera/render/report.hpp"
#include "chimera/util/number.hpp"
#include "chimera/util/time.hpp"
#include "markdown_sections.hpp"

namespace chimera::render {
namespace {

using detail::code_span;
using detail::code_span_in_cell;
using detail::escape_cell;
using detail::escape_inline;
using detail::marked;

bool pass_ran(const model::LlmOutcome& llm) {
  return !llm.passes.empty();
}

void header(std::string& out, const ReportInput& in) {
  out += "# Benchmark Analysis Report\n\n";
  out += fmt::format("- Generated: {}\n", in.generated_at);
  out += fmt::format("- Corpus: {}: {}\n", code_span(in.config.root.generic_string()),
                     escape_inline(prompt::corpus_line(in.analysis)));
  std::string server;
  if (!in.llm.server.version.empty()) {
    server += "server " + in.llm.server.version;
  }
  if (!in.llm.server.model_details.empty()) {
    server += (server.empty() ? "" : ", ") + in.llm.server.model_details;
  }
  out += fmt::format("- Model: {}{}\n", code_span(in.llm.model),
                     server.empty() ? "" : " (" + escape_inline(server) + ")");
  out += fmt::format("- Endpoint: {}\n", escape_inline(in.llm.endpoint));
  out += fmt::format("- Options{}: {}\n\n", pass_ran(in.llm) ? " sent" : " (not sent)",
                     in.llm.options.empty() ? "none" : escape_inline(in.llm.options));
  if (in.llm.status == model::LlmStatus::skipped) {
    out += fmt::format("> LLM narrative absent: {}.\n\n", escape_inline(in.llm.reason));
  } else if (in.llm.status == model::LlmStatus::failed) {
    out += fmt::format("> LLM narrative incomplete: {}.\n\n", escape_inline(in.llm.reason));
  }
  if (!in.narrative.report_problem.empty()) {
    out += fmt::format("> Note: {}; the computed parts are complete.\n\n",
                       in.narrative.report_problem);
  }
}

// A key finding as a sentence: capitalised and closed with a full stop.
std::string as_sentence(std::string text) {
  const auto word_end = std::min(text.find(' '), text.size());
  const bool plain_word = std::all_of(text.begin(), text.begin() + static_cast<long>(word_end),
                                      [](char c) { return c >= 'a' && c <= 'z'; });
  if (!text.empty() && plain_word) {  // "num_gpu=80 ..." keeps its spelling
    text.front() = static_cast<char>(text.front() - 'a' + 'A');
  }
  if (!text.empty() && text.back() != '.' && text.back() != '!' && text.back() != '?') {
    text += '.';
  }
  return text;
}

// Without a report pass, the summary is the computed key findings, which already cover the
// corpus, the best configuration, the spread of medians and the data quality.
std::string deterministic_summary(const ReportInput& in) {
  const auto& a = in.analysis;
  std::string out;
  for (const auto& k : a.key_findings) {
    out += (out.empty() ? "" : " ") + escape_inline(as_sentence(k));
  }
  if (out.empty()) {
    const auto& inv = a.inventory;
    out = fmt::format("chimera read {} files under {}: {} tables with {} rows.", inv.files_total,
                      code_span(in.config.root.generic_string()), inv.tables, inv.rows);
  }
  if (a.metrics.empty()) {
    out += " No numeric metrics were found in the ingested tables.";
  }
  return out + "\n\n";
}

void executive_summary(std::string& out, const ReportInput& in) {
  out += "## Executive Summary\n\n";
  if (in.narrative.summary) {
    out += marked(*in.narrative.summary) + "\n\n";
    return;
  }
  if (in.llm.status == model::LlmStatus::ok) {
    out += "The report pass returned no Executive Summary; this summary is computed.\n\n";
  }
  out += deterministic_summary(in);
}

void ingestion_summary(std::string& out, const ReportInput& in) {
  const auto& inv = in.analysis.inventory;
  out += "## Data Ingestion Summary\n\n";
  out += "| Kind | Files | Bytes | Latest modified (UTC) |\n|---|---:|---:|---|\n";
  for (const auto& [kind, totals] : inv.by_kind) {
    out +=
        fmt::format("| {} | {} | {} | {} |\n", model::to_string(kind), totals.files, totals.bytes,
                    totals.latest_modified ? util::iso8601_utc(*totals.latest_modified) : "-");
  }
  out += fmt::format("\n{} files in {} directories; {} tables, {} rows ingested", inv.files_total,
                     inv.directories.size(), inv.tables, inv.rows);
  out += inv.failed_rows > 0 ? fmt::format(", {} of them failed runs.\n", inv.failed_rows) : ".\n";
  if (inv.data_first && inv.data_last) {
    out += fmt::format("Data spans {} to {} ({}).\n", util::iso8601_utc(*inv.data_first),
                       util::iso8601_utc(*inv.data_last), escape_inline(inv.time_range_source));
  }
  out += '\n';
  if (inv.skipped.empty()) {
    out += "No files were skipped.\n\n";
    return;
  }
  out += "Skipped files:\n\n";
  for (const auto& [path, reason] : inv.skipped) {
    out += fmt::format("- {}: {}\n", code_span(path), escape_inline(reason));
  }
  out += '\n';
}

void key_findings(std::string& out, const ReportInput& in) {
  const auto& a = in.analysis;
  out += "## Key Findings\n\n### Computed\n\n";
  if (a.key_findings.empty()) {
    out += "No key findings were computed.\n\n";
  } else {
    for (const auto& k : a.key_findings) {
      out += "- " + escape_inline(k) + "\n";
    }
    out += '\n';
  }
  if (a.findings.empty()) {
    out += "No data problems were found.\n\n";
  } else {
    out += "| Severity | Finding | Message | Evidence |\n|---|---|---|---|\n";
    for (const auto& f : a.findings) {
      std::string evidence;
      for (const auto& e : f.evidence) {
        evidence += (evidence.empty() ? "" : ", ") + code_span_in_cell(e);
      }
      out += fmt::format("| {} | {} | {} | {} |\n", model::to_string(f.severity),
                         code_span_in_cell(f.id), escape_cell(f.message), evidence);
    }
    out += '\n';
  }
  if (in.narrative.findings) {
    out += "### From the analysis pass\n\n" + marked(*in.narrative.findings) + "\n\n";
  } else if (pass_ran(in.llm)) {
    out += "### From the analysis pass\n\nThe analysis pass returned no text.\n\n";
  }
}

void recommendations(std::string& out, const ReportInput& in) {
  out += "## Recommendations\n\n### Computed\n\n";
  if (in.analysis.recommendations.empty()) {
    out += "No recommendations were computed.\n\n";
  } else {
    for (const auto& r : in.analysis.recommendations) {
      out += "- " + escape_inline(r) + "\n";
    }
    out += '\n';
  }
  if (in.narrative.recommendations) {
    out += "### From the report pass\n\n" + marked(*in.narrative.recommendations) + "\n\n";
  } else if (pass_ran(in.llm)) {
    out += "### From the report pass\n\nThe report pass returned no recommendations.\n\n";
  }
}

void risks(std::string& out, const ReportInput& in) {
  out += "## Risks and Mitigations\n\n";
  if (in.narrative.risks) {
    out += marked(*in.narrative.risks) + "\n\n";
  } else if (pass_ran(in.llm)) {
    out += "The report pass returned no risk table.\n\n";
  } else {
    out += "Risks and mitigations come from the report pass, which did not run.\n\n";
  }
}

void appendix(std::string& out, const ReportInput& in) {
  out += "## Appendix: Files\n\n";
  out +=
      "| File | Kind | Bytes | Modified (UTC) | Tables | Status |\n|---|---|---:|---|---:|---|\n";
  for (const auto& file : in.corpus.files) {
    const std::string status = file.skipped ? "skipped: " + file.skip_reason
                               : file.kind == model::FileKind::other ? "not parsed"
                                                                     : "ingested";
    out += fmt::format("| {} | {} | {} | {} | {} | {} |\n", code_span_in_cell(file.path),
                       model::to_string(file.kind), file.bytes, util::iso8601_utc(file.modified),
                       file.tables, escape_cell(status));
  }
  out += '\n';
  if (in.corpus.diagnostics.empty()) {
    return;
  }
  out += "### Diagnostics\n\n";
  for (const auto& d : in.corpus.diagnostics) {
    std::string where = d.path.empty() ? "corpus" : d.path;
    if (d.line) {
      where += ":" + std::to_string(*d.line);
    }
    out += fmt::format("- {}: {}: {}\n", code_span(where), model::to_string(d.severity),
                       escape_inline(d.message));
  }
  out += '\n';
}

}  // namespace

std::string render_markdown(const ReportInput& in) {
  std::string out;
  header(out, in);
  executive_summary(out, in);
  ingestion_summary(out, in);
  detail::performance_analysis(out, in);
  key_findings(out, in);
  recommendations(out, in);
  risks(out, in);
  appendix(out, in);
  detail::workflow_summary(out, in);
  detail::run_metrics(out, in);
  detail::grounding_section(out, in);
  while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') {
    out.pop_back();
  }
  return out;
}

}  // namespace chimera::render
