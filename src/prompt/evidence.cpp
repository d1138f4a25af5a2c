#include "chimera/prompt/evidence.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "chimera/util/number.hpp"
#include "chimera/util/time.hpp"
#include "evidence_changes.hpp"
#include "evidence_claims.hpp"

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
  if (inv.data_first && inv.data_last) {
    s.lines.push_back(fmt::format("- time range {} to {} (from {})",
                                  util::iso8601_utc(*inv.data_first),
                                  util::iso8601_utc(*inv.data_last), inv.time_range_source));
  }
  std::size_t restates = 0;
  std::size_t unverified = 0;
  for (const auto& d : analysis.documents) {
    restates += d.use == model::DocumentUse::restates ? 1 : 0;
    unverified += d.use == model::DocumentUse::unverified ? 1 : 0;
  }
  if (restates + unverified > 0) {
    s.lines.push_back(fmt::format(
        "- Markdown tables are documents, not runs: {} restate the measurements, {} state numbers "
        "not found in them",
        restates, unverified));
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
        line += (i == 0 ? " (" : ", ") + f.evidence[i].text;
      }
      const std::size_t total = std::max(f.evidence_total, f.evidence.size());
      if (shown > 0) {
        line += total > shown ? fmt::format(", and {} more)", total - shown) : ")";
      }
      s.lines.push_back(std::move(line));
    }
  }
  return s;
}

std::string metric_title(const model::ExperimentMetric& m) {
  return metric_name(m.kind, m.unit) + " [" + m.column + "]";
}

// One experiment: what it is, its best configurations, what matters, and its front.
EvidenceSection experiment_section(const model::Experiment& e, std::size_t number) {
  constexpr std::size_t k_top = 10;
  EvidenceSection s{fmt::format("Experiment {}: {}", number, e.name), {}};
  s.lines.push_back(fmt::format("- {} files, {} runs ({} failed, excluded), {} configurations{}",
                                e.sources.size(), e.runs, e.failed_runs, e.configurations.size(),
                                e.origin == "summaries"   ? "; values are means, not single runs"
                                : e.origin == "documents" ? "; read from Markdown tables"
                                                          : ""));
  for (const auto& f : e.factors) {
    std::string levels;
    for (std::size_t i = 0; i < f.levels.size() && i < 12; ++i) {
      levels += (i == 0 ? "" : ", ") + f.levels[i];
    }
    if (f.levels.size() > 12) {
      levels += fmt::format(" and {} more", f.levels.size() - 12);
    }
    s.lines.push_back(fmt::format("- factor {}: {}", f.name, levels));
  }
  if (!e.fixed.empty()) {
    s.lines.push_back("- fixed: " + format_group(e.fixed));
  }
  if (!e.replicates.empty()) {
    std::string how;
    for (const auto& r : e.replicates) {
      how += (how.empty() ? "" : "; ") + r;
    }
    s.lines.push_back("- replicates told apart by " + how);
  }
  if (!e.headline) {
    s.lines.push_back("- no ranked metric");
    return s;
  }
  for (const auto& o : e.overall) {
    const auto& metric = e.metrics[o.metric];
    s.lines.push_back(fmt::format("- {} over all runs: {}", metric_title(metric),
                                  describe(o.summary, metric.unit)));
  }
  const auto& m = e.metrics[*e.headline];
  s.lines.push_back(fmt::format("- ranked on {} ({} is better); top {}:", metric_title(m),
                                model::to_string(m.direction), std::min(k_top, e.ranking.size())));
  for (std::size_t i = 0; i < e.ranking.size() && i < k_top; ++i) {
    const auto& r = e.ranking[i];
    const auto& c = e.configurations[r.configuration];
    std::string line = fmt::format("  - rank {} {}{}: {}", r.rank, e.label(r.configuration),
                                   r.tied_with_previous ? " (tied with the one above)" : "",
                                   describe(*c.summary_of(*e.headline), m.unit));
    if (e.secondary) {
      if (const auto* t = c.summary_of(*e.secondary)) {
        line += fmt::format("; {} median {}", e.metrics[*e.secondary].column,
                            with_unit(t->median, e.metrics[*e.secondary].unit));
      }
    }
    s.lines.push_back(std::move(line));
  }
  if (e.ranking.size() > k_top) {
    s.lines.push_back(
        fmt::format("  - {} more configurations not listed", e.ranking.size() - k_top));
  }
  for (const auto& effect : e.effects) {
    std::string levels;
    for (const auto& l : effect.levels) {
      levels += fmt::format("{}{}: {} (n={})", levels.empty() ? "" : ", ", l.level,
                            format_number(l.median), l.n);
    }
    s.lines.push_back(fmt::format("- effect of {} on {}: medians {}; {} {}{}", effect.factor,
                                  metric_title(e.metrics[effect.metric]), levels, effect.test,
                                  util::p_clause(effect.p_value),
                                  effect.p_value < 0.05 ? " (matters)" : " (not significant)"));
  }
  if (e.pareto.size() >= 2) {
    std::string front;
    for (std::size_t i = 0; i < e.pareto.size() && i < 5; ++i) {
      const auto& p = e.pareto[i];
      front +=
          fmt::format("{}{} ({} tok/s, {} ms)", front.empty() ? "" : "; ", e.label(p.configuration),
                      format_number(p.throughput_tok_s), format_number(p.ttft_ms));
    }
    s.lines.push_back("- Pareto front throughput against TTFT: " + front);
  }
  std::size_t listed = 0;
  for (const auto& c : e.comparisons) {
    if (!c.significant || listed++ == k_top) {
      continue;
    }
    s.lines.push_back(fmt::format("- {}: {} (n={}) vs {} (n={}): ratio {}x, {}, significant",
                                  metric_title(e.metrics[c.metric]), e.label(c.candidate),
                                  c.n_candidate, e.label(c.baseline), c.n_baseline,
                                  format_number(c.median_ratio), util::p_clause(c.p_value)));
  }
  return s;
}

EvidenceSection agreements_section(const model::Analysis& analysis) {
  EvidenceSection s{"Same configuration in two experiments", {}};
  for (const auto& g : analysis.agreements) {
    s.lines.push_back(fmt::format(
        "- {}: median {} (n={}) in {} and {} (n={}) in {}; {}, {}", format_group(g.setting),
        with_unit(g.median_first, g.unit), g.n_first, analysis.experiments[g.first].name,
        with_unit(g.median_second, g.unit), g.n_second, analysis.experiments[g.second].name,
        util::p_clause(g.p_value), g.agree ? "they agree" : "they disagree"));
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

}  // namespace

std::vector<EvidenceSection> evidence_sections(const model::Corpus& corpus,
                                               const model::Analysis& analysis) {
  // What changed since the baseline comes first: it is what a nightly reader needs most.
  std::vector<EvidenceSection> all{
      detail::changes_section(analysis),
      corpus_section(corpus, analysis),
      lines_section("Key findings (computed)", analysis.key_findings),
  };
  for (std::size_t i = 0; i < analysis.experiments.size(); ++i) {
    all.push_back(experiment_section(analysis.experiments[i], i + 1));
  }
  all.push_back(agreements_section(analysis));
  all.push_back(findings_section(analysis));
  all.push_back(detail::claims_section(analysis));
  all.push_back(lines_section("Recommendations (computed)", analysis.recommendations));
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
  // Room for the longest notes about what was cut (the first titles listed, the rest counted),
  // so adding them never breaks the budget.
  constexpr std::size_t k_named = 5;
  std::vector<std::size_t> title_bytes;
  for (const auto& section : sections) {
    title_bytes.push_back(std::min<std::size_t>(section.title.size(), 120) + 2);
  }
  std::sort(title_bytes.rbegin(), title_bytes.rend());
  std::size_t note_bytes = 128 + 24;  // the note's words and " and N more"
  for (std::size_t i = 0; i < title_bytes.size() && i < k_named; ++i) {
    note_bytes += title_bytes[i];
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
  std::size_t named = 0;
  std::size_t unnamed = 0;
  for (const auto& name : left_out) {
    if (name.empty()) {
      continue;
    }
    if (named == k_named) {
      ++unnamed;
      continue;
    }
    // A title is named whole up to 120 bytes, which the reserve above allows for.
    names += (names.empty() ? "" : "; ") + name.substr(0, 120);
    ++named;
  }
  if (unnamed > 0) {
    names += fmt::format(" and {} more", unnamed);
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
