#include <fmt/format.h>

#include "chimera/render/report.hpp"
#include "chimera/util/time.hpp"

namespace chimera::render {
namespace {

std::string escape_cell(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

void ingestion_summary(std::string& out, const ReportInput& in) {
  const auto& inv = in.analysis.inventory;
  out += "## Data Ingestion Summary\n\n";
  out += "| Kind | Files | Bytes | Latest modified (UTC) |\n|---|---:|---:|---|\n";
  for (const auto& [kind, totals] : inv.by_kind) {
    out += fmt::format("| {} | {} | {} | {} |\n", model::to_string(kind), totals.files,
                       totals.bytes,
                       totals.latest_modified ? util::iso8601_utc(*totals.latest_modified) : "-");
  }
  out += fmt::format("\n{} files in {} directories; {} tables, {} rows ingested.\n", inv.files_total,
                     inv.directories.size(), inv.tables, inv.rows);
  if (!inv.skipped.empty()) {
    out += "\nSkipped files:\n\n";
    for (const auto& [path, reason] : inv.skipped) {
      out += fmt::format("- `{}`: {}\n", path, reason);
    }
  }
  out += '\n';
}

void appendix(std::string& out, const ReportInput& in) {
  out += "## Appendix: Files\n\n| File | Kind | Bytes | Tables | Status |\n|---|---|---:|---:|---|\n";
  for (const auto& file : in.corpus.files) {
    const std::string status = file.skipped ? "skipped: " + file.skip_reason
                               : file.kind == model::FileKind::other ? "not parsed"
                                                                     : "ingested";
    out += fmt::format("| `{}` | {} | {} | {} | {} |\n", escape_cell(file.path),
                       model::to_string(file.kind), file.bytes, file.tables, escape_cell(status));
  }
  out += '\n';
}

void workflow_summary(std::string& out, const ReportInput& in) {
  const auto& inv = in.analysis.inventory;
  out += "## Workflow Summary\n\n";
  std::string kinds;
  for (const auto& [kind, totals] : inv.by_kind) {
    kinds += fmt::format("{}{} {}", kinds.empty() ? "" : ", ", totals.files, model::to_string(kind));
  }
  out += fmt::format("- Files analysed: {} ({})\n", inv.files_total, kinds);
  const auto& t = in.timings;
  out += fmt::format("- Execution time: {:.2f}s (ingest {:.2f}s | analysis {:.2f}s | report {:.2f}s)\n\n",
                     t.total_s(), t.ingest_s, t.analysis_s, t.report_s);
}

}  // namespace

std::string render_markdown(const ReportInput& in) {
  std::string out;
  out += "# Benchmark Analysis Report\n\n";
  out += fmt::format("- Generated: {}\n- Corpus: `{}`\n\n", in.generated_at,
                     in.config.root.generic_string());
  if (in.llm.status != model::LlmStatus::ok) {
    out += fmt::format("> LLM narrative absent: {}\n\n", in.llm.reason);
  }
  ingestion_summary(out, in);
  appendix(out, in);
  workflow_summary(out, in);
  return out;
}

}  // namespace chimera::render
