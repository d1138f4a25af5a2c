#include "chimera/prompt/evidence.hpp"

#include <fmt/format.h>

#include <cmath>

#include "chimera/util/number.hpp"
#include "chimera/util/time.hpp"

namespace chimera::prompt {
namespace {

using util::format_number;

std::string with_unit(double value, const std::string& unit) {
  return unit.empty() ? format_number(value) : format_number(value) + " " + unit;
}

std::string describe(const model::Summary& s, const std::string& unit) {
  std::string out = fmt::format("n={}, median {}", s.n, with_unit(s.median, unit));
  if (s.median_ci) {
    out += fmt::format(" (95% interval of the median {} to {})", format_number(s.median_ci->first),
                       with_unit(s.median_ci->second, unit));
  }
  out += fmt::format(", mean {}", with_unit(s.mean, unit));
  if (s.n >= 2) {
    out += fmt::format(", stddev {}, cv {}", with_unit(s.stddev, unit), format_number(s.cv));
  }
  out += fmt::format(", min {}, max {}, p05 {}, p95 {}", with_unit(s.min, unit),
                     with_unit(s.max, unit), with_unit(s.p05, unit), with_unit(s.p95, unit));
  return out;
}

std::string metric_name(model::MetricKind kind, const std::string& unit) {
  const std::string name(model::to_string(kind));
  return unit.empty() ? name : fmt::format("{} ({})", name, unit);
}

EvidenceSection corpus_section(const model::Corpus& corpus, const model::Analysis& analysis) {
  const auto& inv = analysis.inventory;
  EvidenceSection s{"Corpus", {}};
  s.lines.push_back(corpus_line(analysis));
  for (const auto& [kind, totals] : inv.by_kind) {
    s.lines.push_back(fmt::format("- {}: {} files, {} bytes", model::to_string(kind), totals.files,
                                  totals.bytes));
  }
  if (!analysis.shared_dimensions.empty()) {
    s.lines.push_back("- every run shares " + format_group(analysis.shared_dimensions));
  }
  if (inv.failed_rows > 0) {
    s.lines.push_back(
        fmt::format("- {} rows are failed runs, excluded from the statistics", inv.failed_rows));
  }
  if (inv.data_first && inv.data_last) {
    s.lines.push_back(fmt::format("- time range {} to {} (from {})",
                                  util::iso8601_utc(*inv.data_first),
                                  util::iso8601_utc(*inv.data_last), inv.time_range_source));
  }
  for (const auto& [path, reason] : inv.skipped) {
    s.lines.push_back(fmt::format("- skipped {}: {}", path, reason));
  }
  std::size_t errors = 0;
  for (const auto& d : corpus.diagnostics) {
    errors += d.severity == model::Severity::error ? 1 : 0;
  }
  if (!corpus.diagnostics.empty()) {
    s.lines.push_back(fmt::format("- {} diagnostics ({} errors) while reading the files",
                                  corpus.diagnostics.size(), errors));
  }
  return s;
}

EvidenceSection findings_section(const model::Analysis& analysis) {
  EvidenceSection s{"Data findings", {}};
  for (const auto sev : {model::Severity::error, model::Severity::warning, model::Severity::info}) {
    for (const auto& f : analysis.findings) {
      if (f.severity != sev) {
        continue;
      }
      std::string line =
          fmt::format("- [{}] {}: {}", model::to_string(f.severity), f.id, f.message);
      const std::size_t shown = std::min<std::size_t>(f.evidence.size(), 4);
      for (std::size_t i = 0; i < shown; ++i) {
        line += (i == 0 ? " (" : ", ") + f.evidence[i];
      }
      if (shown > 0) {
        line += f.evidence.size() > shown ? fmt::format(", and {} more)", f.evidence.size() - shown)
                                          : ")";
      }
      s.lines.push_back(std::move(line));
    }
  }
  return s;
}

EvidenceSection ranking_section(const model::Analysis& analysis) {
  EvidenceSection s{"Configurations ranked by median", {}};
  for (const auto& r : analysis.ranking) {
    s.lines.push_back(fmt::format(
        "- rank {} {}{}: {} {}, {}", r.rank, format_group(r.group),
        r.tied_with_previous ? " (tied with the one above)" : "", model::to_string(r.kind),
        r.direction == model::Direction::lower ? "(lower is better)" : "(higher is better)",
        describe(r.summary, r.unit)));
  }
  return s;
}

EvidenceSection pareto_section(const model::Analysis& analysis) {
  EvidenceSection s{"Pareto front: throughput (higher) against TTFT (lower)", {}};
  for (const auto& p : analysis.pareto) {
    s.lines.push_back(fmt::format("- {}: median {} tok/s, median TTFT {} ms", format_group(p.group),
                                  format_number(p.throughput_tok_s), format_number(p.ttft_ms)));
  }
  return s;
}

EvidenceSection comparisons_section(const model::Analysis& analysis) {
  EvidenceSection s{"Comparisons (median ratio candidate / baseline, Mann-Whitney U)", {}};
  // Significant differences first; a sweep compares its best configuration with every other,
  // and a page of "not significant" rows would crowd out the statistics.
  constexpr std::size_t k_most = 12;
  std::vector<const model::Comparison*> chosen;
  for (const bool significant : {true, false}) {
    for (const auto& c : analysis.comparisons) {
      if (c.significant == significant && (significant || chosen.size() < k_most)) {
        chosen.push_back(&c);
      }
    }
  }
  for (const auto* cp : chosen) {
    const auto& c = *cp;
    s.lines.push_back(fmt::format(
        "- {}: {} (n={}) vs {} (n={}): ratio {}x ({:+.1f}%), p={}{}{}", metric_name(c.kind, c.unit),
        format_group(c.candidate), c.n_candidate, format_group(c.baseline), c.n_baseline,
        format_number(c.median_ratio), (c.median_ratio - 1) * 100, format_number(c.p_value),
        c.significant ? ", significant" : ", not significant",
        c.small_sample ? ", small sample" : ""));
  }
  if (chosen.size() < analysis.comparisons.size()) {
    s.lines.push_back(fmt::format("- {} more comparisons, none significant, not listed",
                                  analysis.comparisons.size() - chosen.size()));
  }
  return s;
}

EvidenceSection groups_section(const model::Analysis& analysis) {
  EvidenceSection s{"Metrics by configuration", {}};
  for (const auto& g : analysis.groups) {
    s.lines.push_back(fmt::format("- {} for {}: {}", metric_name(g.kind, g.unit),
                                  format_group(g.group), describe(g.summary, g.unit)));
  }
  return s;
}

EvidenceSection metrics_section(const model::Analysis& analysis) {
  EvidenceSection s{"Metrics by file and column", {}};
  for (const auto& m : analysis.metrics) {
    const std::string where = m.locator.empty() ? m.source : m.source + "#" + m.locator;
    s.lines.push_back(fmt::format(
        "- {} {} ({}): {}{}", where, m.column, metric_name(m.kind, m.unit),
        describe(m.summary, m.unit),
        m.failed_excluded > 0 ? fmt::format(", {} failed runs excluded", m.failed_excluded) : ""));
  }
  return s;
}

EvidenceSection lines_section(std::string title, const std::vector<std::string>& items) {
  EvidenceSection s{std::move(title), {}};
  for (const auto& item : items) {
    s.lines.push_back("- " + item);
  }
  return s;
}

EvidenceSection files_section(const model::Corpus& corpus) {
  EvidenceSection s{"Files", {}};
  for (const auto& f : corpus.files) {
    s.lines.push_back(fmt::format("- {} ({}, {} bytes, {} tables){}", f.path,
                                  model::to_string(f.kind), f.bytes, f.tables,
                                  f.skipped ? ", skipped: " + f.skip_reason : ""));
  }
  return s;
}

}  // namespace

std::vector<EvidenceSection> evidence_sections(const model::Corpus& corpus,
                                               const model::Analysis& analysis) {
  std::vector<EvidenceSection> all{
      corpus_section(corpus, analysis),
      lines_section("Key findings (computed)", analysis.key_findings),
      ranking_section(analysis),
      pareto_section(analysis),
      comparisons_section(analysis),
      findings_section(analysis),
      metrics_section(analysis),
      groups_section(analysis),
      lines_section("Recommendations (computed)", analysis.recommendations),
      files_section(corpus),
  };
  std::vector<EvidenceSection> out;
  for (auto& s : all) {
    if (!s.lines.empty()) {
      out.push_back(std::move(s));
    }
  }
  return out;
}

std::string to_text(const EvidenceSection& section) {
  std::string out = "## " + section.title + "\n";
  for (const auto& line : section.lines) {
    out += line + "\n";
  }
  return out;
}

std::int64_t TokenEstimator::estimate(std::size_t bytes) const {
  return static_cast<std::int64_t>(std::ceil(static_cast<double>(bytes) / 3.0 * m_ratio));
}

void TokenEstimator::calibrate(std::int64_t estimated, std::int64_t actual) {
  if (estimated <= 0 || actual <= 0) {
    return;
  }
  const double r = static_cast<double>(actual) / static_cast<double>(estimated);
  if (r >= 0.25 && r <= 4.0) {
    m_ratio *= r;
  }
}

std::string fit_evidence(const std::vector<EvidenceSection>& sections, std::int64_t max_tokens,
                         const TokenEstimator& estimator) {
  // Room for the longest notes about what was cut (every title listed), so adding them never
  // breaks the budget.
  std::size_t note_bytes = 128;
  for (const auto& section : sections) {
    note_bytes += section.title.size() + 2;
  }
  const std::int64_t reserve = estimator.estimate(note_bytes);
  std::string out;
  std::vector<std::string> left_out;
  for (const auto& section : sections) {
    if (!left_out.empty()) {
      left_out.push_back(section.title);
      continue;
    }
    std::string block = (out.empty() ? "## " : "\n## ") + section.title + "\n";
    if (estimator.estimate(out.size() + block.size()) + reserve > max_tokens) {
      left_out.push_back(section.title);
      continue;
    }
    std::size_t kept = 0;
    for (const auto& line : section.lines) {
      if (estimator.estimate(out.size() + block.size() + line.size() + 1) + reserve > max_tokens) {
        break;
      }
      block += line + "\n";
      ++kept;
    }
    if (kept == 0) {
      left_out.push_back(section.title);
      continue;
    }
    out += block;
    if (kept < section.lines.size()) {
      out += fmt::format("({} more lines of this section left out to fit the context)\n",
                         section.lines.size() - kept);
      left_out.emplace_back();  // later sections are left out too
    }
  }
  std::string names;
  for (const auto& name : left_out) {
    if (!name.empty()) {
      names += (names.empty() ? "" : "; ") + name;
    }
  }
  if (!names.empty()) {
    out += "\n(Sections left out to fit the context: " + names + ")\n";
  }
  return out;
}

std::string format_group(const model::GroupKey& group) {
  if (group.empty()) {
    return "all rows";
  }
  std::string out;
  for (const auto& [name, value] : group) {
    out += (out.empty() ? "" : ", ") + name + "=" + value;
  }
  return out;
}

std::string corpus_line(const model::Analysis& analysis) {
  const auto& inv = analysis.inventory;
  std::string kinds;
  for (const auto& [kind, totals] : inv.by_kind) {
    kinds +=
        fmt::format("{}{} {}", kinds.empty() ? "" : ", ", totals.files, model::to_string(kind));
  }
  return fmt::format("{} files ({}), {} tables, {} rows", inv.files_total, kinds, inv.tables,
                     inv.rows);
}

}  // namespace chimera::prompt
