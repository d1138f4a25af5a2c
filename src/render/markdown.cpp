#include <fmt/format.h>

#include <algorithm>
#include <map>

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
using detail::escape_prose;
using detail::marked;

bool pass_ran(const model::LlmOutcome& llm) {
  return !llm.passes.empty();
}

void header(std::string& out, const ReportInput& in) {
  out += "# Benchmark Analysis Report\n\n";
  out += fmt::format("- Generated: {}\n", in.generated_at);
  // The path has a line of its own: how the rest wraps does not depend on where the corpus is.
  out += fmt::format("- Corpus: {}\n", code_span(in.config.root.generic_string()));
  out += fmt::format("- Contents: {}\n", escape_inline(prompt::corpus_line(in.analysis)));
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

// Without a report pass, the summary is the computed key findings: the corpus, each
// experiment's best configuration and the factor that matters most, agreement across
// experiments and the data quality, one bullet each.
std::string deterministic_summary(const ReportInput& in) {
  const auto& a = in.analysis;
  std::string out;
  for (const auto& k : a.key_findings) {
    out += "- " + escape_prose(as_sentence(k)) + "\n";
  }
  if (out.empty()) {
    const auto& inv = a.inventory;
    out = fmt::format("chimera read {} files under {}: {} tables with {} rows.\n", inv.files_total,
                      code_span(in.config.root.generic_string()), inv.tables, inv.rows);
  }
  return out + "\n";
}

void executive_summary(std::string& out, const ReportInput& in) {
  out += "## Executive Summary\n\n";
  detail::baseline_lead(out, in);
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

// A finding as a list item: severity, id and message, then its first evidence items, one a line,
// and how many more the JSON report has.
void finding_item(std::string& out, const model::Finding& f) {
  constexpr std::size_t k_shown = 5;
  constexpr std::size_t k_item_chars = 200;
  out += fmt::format("- **{}** `{}`: {}\n", model::to_string(f.severity), f.id,
                     escape_prose(f.message));
  std::size_t shown = 0;
  for (const auto& e : f.evidence) {
    if (shown == k_shown) {
      break;
    }
    const auto& text = e.text;
    std::string item = text.size() > k_item_chars ? text.substr(0, k_item_chars) + "…" : text;
    out += "  - " + code_span(item) + "\n";
    ++shown;
  }
  const std::size_t total = std::max(f.evidence_total, f.evidence.size());
  if (shown > 0 && total > shown) {
    out += fmt::format("  - and {} more\n", total - shown);
  }
}

void key_findings(std::string& out, const ReportInput& in) {
  const auto& a = in.analysis;
  out += "## Key Findings\n\n";
  // Without an LLM summary the computed key findings are the Executive Summary already.
  if (in.narrative.summary && !a.key_findings.empty()) {
    out += "### Computed\n\n";
    for (const auto& k : a.key_findings) {
      out += "- " + escape_prose(k) + "\n";
    }
    out += '\n';
  }
  if (a.findings.empty()) {
    out += "No data problems were found.\n\n";
  } else {
    // A finding written once per file (document-drift) can come dozens of times: the first
    // k_same_id of an id are shown, the rest counted.
    constexpr std::size_t k_same_id = 3;
    std::map<std::string, std::size_t> seen;
    for (std::size_t i = 0; i < a.findings.size(); ++i) {
      const auto& f = a.findings[i];
      const std::size_t n = ++seen[f.id];
      if (n <= k_same_id) {
        finding_item(out, f);
      }
      const bool last_of_id = i + 1 == a.findings.size() || a.findings[i + 1].id != f.id;
      if (last_of_id && n > k_same_id) {
        out += fmt::format("- and {} more `{}` findings like these (all in `--format json`)\n",
                           n - k_same_id, f.id);
      }
    }
    out += "\nEvery finding's evidence is in `--format json` (`findings`).\n\n";
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
      out += "- " + escape_prose(r) + "\n";
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

// What each file was used for, in a few rows: a corpus of thousands of files would otherwise
// need a row each (the JSON report has them: `files`).
void appendix(std::string& out, const ReportInput& in) {
  constexpr std::size_t k_examples = 3;
  const auto& a = in.analysis;
  std::map<std::string, std::string> role;  // path -> role
  for (std::size_t i = 0; i < a.experiments.size(); ++i) {
    for (const auto& s : a.experiments[i].sources) {
      role.emplace(s, fmt::format("runs of experiment {}", i + 1));
    }
  }
  for (const auto& d : a.documents) {
    role.emplace(d.source, d.use == model::DocumentUse::restates ? "documents restating runs"
                           : d.use == model::DocumentUse::unverified
                               ? "documents with other numbers"
                               : "documents");
  }
  std::map<std::string, std::vector<const model::FileEntry*>> by_role;
  for (const auto& file : in.corpus.files) {
    const auto it = role.find(file.path);
    const std::string r = file.skipped                             ? "skipped: " + file.skip_reason
                          : it != role.end()                       ? it->second
                          : file.kind == model::FileKind::other    ? "not parsed (other kinds)"
                          : file.kind == model::FileKind::markdown ? "documents"
                                                                   : "no measurements";
    by_role[r].push_back(&file);
  }
  out += "## Appendix: Files\n\n| Use | Files | Bytes | Examples |\n|---|---:|---:|---|\n";
  for (const auto& [r, files] : by_role) {
    std::uint64_t bytes = 0;
    std::string examples;
    std::size_t listed = 0;
    for (std::size_t i = 0; i < files.size(); ++i) {
      bytes += files[i]->bytes;
      if (i < k_examples && examples.size() + files[i]->path.size() < 180) {
        examples += (examples.empty() ? "" : ", ") + code_span_in_cell(files[i]->path);
        ++listed;
      }
    }
    if (listed == 0) {
      examples = code_span_in_cell(detail::shortened(files[0]->path, 160));
      listed = 1;
    }
    if (files.size() > listed) {
      examples += fmt::format(" and {} more", files.size() - listed);
    }
    out += fmt::format("| {} | {} | {} | {} |\n", escape_cell(detail::shortened(r, 80)),
                       files.size(), bytes, examples);
  }
  out += "\nEvery file, with its size, time and content hash, is in `--format json` (`files`).\n\n";
  if (in.corpus.diagnostics.empty()) {
    return;
  }
  constexpr std::size_t k_diagnostics = 20;
  out += "### Diagnostics\n\n";
  for (std::size_t i = 0; i < in.corpus.diagnostics.size() && i < k_diagnostics; ++i) {
    const auto& d = in.corpus.diagnostics[i];
    std::string where = d.path.empty() ? "corpus" : d.path;
    if (d.line) {
      where += ":" + std::to_string(*d.line);
    }
    out += fmt::format("- {}: {}: {}\n", code_span(where), model::to_string(d.severity),
                       escape_inline(d.message));
  }
  if (in.corpus.diagnostics.size() > k_diagnostics) {
    out += fmt::format("\n_{} more diagnostics in `--format json` (`diagnostics`)._\n",
                       in.corpus.diagnostics.size() - k_diagnostics);
  }
  out += '\n';
}

}  // namespace

std::string render_markdown(const ReportInput& in) {
  return detail::markdown_report(in, in.config.charts == model::ChartStyle::mermaid
                                         ? detail::ChartMarks::mermaid
                                         : detail::ChartMarks::none);
}

std::string detail::markdown_report(const ReportInput& in, ChartMarks charts) {
  std::string out;
  header(out, in);
  executive_summary(out, in);
  detail::changes_section(out, in);
  ingestion_summary(out, in);
  detail::experiments_section(out, in, charts);
  detail::claims_section(out, in);
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
  return detail::wrap_long_lines(out, detail::k_wrap_width);
}

}  // namespace chimera::render
