#include "chimera/analyze/narrative.hpp"

#include <algorithm>
#include <array>
#include <map>

#include "chimera/analyze/format.hpp"

namespace chimera::analyze {
namespace {

std::string plural(std::size_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string median_text(const model::RankedConfig& r) {
  std::string text =
      format_value(r.summary.median, r.unit) + " (n = " + std::to_string(r.summary.n);
  if (r.summary.median_ci) {
    text += ", 95% CI " + format_number(r.summary.median_ci->first) + " to " +
            format_value(r.summary.median_ci->second, r.unit);
  }
  return text + ")";
}

void corpus_sentence(const model::Analysis& a, std::vector<std::string>& out) {
  const auto& inv = a.inventory;
  out.push_back("analysed " + plural(inv.tables, "table", "tables") + " with " +
                plural(inv.rows, "row", "rows") + " from " +
                plural(inv.files_total, "file", "files") + "; " +
                plural(inv.failed_rows, "failed run was", "failed runs were") +
                " excluded from the statistics");
}

void ranking_sentences(const model::Analysis& a, std::vector<std::string>& out) {
  if (a.ranking.empty()) {
    return;
  }
  const auto& best = a.ranking.front();
  const auto tied = static_cast<std::size_t>(std::count_if(
      a.ranking.begin() + 1, a.ranking.end(), [](const auto& r) { return r.rank == 1; }));
  std::string sentence =
      "best " + best.metric + " (" + std::string(model::to_string(best.direction)) +
      " is better): " + format_key(best.group) + " at a median of " + median_text(best);
  if (tied > 0) {
    sentence +=
        "; statistically tied with " + plural(tied, "other configuration", "other configurations");
  }
  if (!best.summary.median_ci) {
    sentence += "; too few runs for a 95% interval, so not yet conclusive";
  }
  out.push_back(sentence);
  if (a.ranking.size() >= 2) {
    const auto& worst = a.ranking.back();
    out.push_back(best.metric + " medians range from " +
                  format_value(best.summary.median, best.unit) + " (best) to " +
                  format_value(worst.summary.median, worst.unit) + " (" + format_key(worst.group) +
                  ") across " + plural(a.ranking.size(), "configuration", "configurations"));
  }
}

void pareto_sentence(const model::Analysis& a, std::vector<std::string>& out) {
  if (a.pareto.empty()) {
    return;
  }
  std::string list;
  for (std::size_t i = 0; i < a.pareto.size() && i < 3; ++i) {
    list += (i == 0 ? "" : "; ") + format_key(a.pareto[i].group) + " (" +
            format_value(a.pareto[i].throughput_tok_s, "tok/s") + ", " +
            format_value(a.pareto[i].ttft_ms, "ms") + ")";
  }
  if (a.pareto.size() > 3) {
    list += "; and " + std::to_string(a.pareto.size() - 3) + " more";
  }
  out.push_back(plural(a.pareto.size(), "configuration is", "configurations are") +
                " on the throughput/TTFT Pareto front: " + list);
}

void comparison_sentence(const model::Analysis& a, std::vector<std::string>& out) {
  if (a.comparisons.empty()) {
    return;
  }
  const auto significant = static_cast<std::size_t>(std::count_if(
      a.comparisons.begin(), a.comparisons.end(), [](const auto& c) { return c.significant; }));
  const auto small = static_cast<std::size_t>(std::count_if(
      a.comparisons.begin(), a.comparisons.end(), [](const auto& c) { return c.small_sample; }));
  out.push_back(std::to_string(significant) + " of " +
                plural(a.comparisons.size(), "comparison is", "comparisons are") +
                " significant at alpha 0.05 (two-sided Mann-Whitney U); " +
                plural(small, "has", "have") + " fewer than 4 runs on a side");
}

void quality_sentence(const model::Analysis& a, std::vector<std::string>& out) {
  std::array<std::size_t, 3> by_severity{};
  for (const auto& f : a.findings) {
    ++by_severity.at(static_cast<std::size_t>(f.severity));
  }
  std::string sentence = "data quality: " + plural(by_severity[2], "error", "errors") + ", " +
                         plural(by_severity[1], "warning", "warnings") + ", " +
                         plural(by_severity[0], "note", "notes");
  if (!a.findings.empty() && a.findings.front().severity != model::Severity::info) {
    sentence += "; most pressing: " + a.findings.front().message;
  }
  out.push_back(sentence);
}

// Recommendation templates by finding id, most urgent first; {n} is the summed count.
struct Advice {
  const char* id;
  const char* one;
  const char* many;
};

constexpr std::array<Advice, 14> k_advice{{
    {"malformed-file", "fix or remove the malformed file so its runs are counted",
     "fix or remove the {n} malformed files so their runs are counted"},
    {"unreadable-file", "make the unreadable data file readable or remove it",
     "make the {n} unreadable data files readable or remove them"},
    {"duplicate-file", "delete the duplicate file copy so no run is counted twice",
     "delete the {n} duplicate file copies so no run is counted twice"},
    {"failed-run", "fix the cause of the failed run and re-run it",
     "fix the causes of the {n} failed runs and re-run them"},
    {"single-sample", "re-run the single-sample configuration at least 6 times before ranking it",
     "re-run the {n} single-sample configurations at least 6 times before ranking them"},
    {"few-samples", "add runs to the configuration with 2 to 5 samples until it has at least 6",
     "add runs to the {n} configurations with 2 to 5 samples until each has at least 6"},
    {"cold-start", "drop the cold-start first run or report it separately before comparing",
     "drop the {n} cold-start first runs or report them separately before comparing"},
    {"duplicate-rows", "remove the repeated row or confirm it is a distinct run",
     "remove the {n} repeated rows or confirm they are distinct runs"},
    {"single-sample-summary", "do not read the single-run average as a mean; report the raw run",
     "do not read the {n} single-run averages and spreads as means; report the raw runs"},
    {"inconsistent-ttft", "check how ttft is measured: 1 row disagrees with load + prompt_eval",
     "check how ttft is measured: {n} rows disagree with load + prompt_eval by more than 10%"},
    {"inconsistent-throughput",
     "check how throughput is measured: 1 row disagrees with tokens / eval time",
     "check how throughput is measured: {n} rows disagree with tokens / eval time by more than "
     "10%"},
    {"unit-mismatch", "convert the metric recorded in two units to one unit",
     "convert each metric recorded in several units to one unit ({n} units involved)"},
    {"missing-metric", "record the missing metric for every configuration",
     "record every metric for every configuration ({n} gaps)"},
    {"input-warning", "check the input problem reported while reading",
     "check the {n} input problems reported while reading"},
}};

void advice(const model::Analysis& a, std::vector<std::string>& out) {
  std::map<std::string, std::size_t> counts;
  for (const auto& f : a.findings) {
    counts[f.id] += f.count;
  }
  for (const auto& entry : k_advice) {
    const auto it = counts.find(entry.id);
    if (it == counts.end() || it->second == 0) {
      continue;
    }
    std::string text = it->second == 1 ? entry.one : entry.many;
    const auto at = text.find("{n}");
    if (at != std::string::npos) {
      text.replace(at, 3, std::to_string(it->second));
    }
    out.push_back(text);
  }
  if (a.ranking.size() >= 2) {
    const auto top = static_cast<std::size_t>(std::count_if(
        a.ranking.begin(), a.ranking.end(), [](const auto& r) { return r.rank == 1; }));
    const auto& best = a.ranking.front();
    if (top > 1) {
      out.push_back("add runs to the " + std::to_string(top) +
                    " configurations tied for the best " + best.metric +
                    " before choosing between them");
    } else if (best.summary.median_ci && a.ranking[1].summary.median_ci) {
      out.push_back("prefer " + format_key(best.group) + " for " + best.metric +
                    ": its 95% median interval does not overlap the next best");
    }
  }
}

}  // namespace

Narrative write_narrative(const model::Analysis& analysis) {
  Narrative n;
  corpus_sentence(analysis, n.key_findings);
  ranking_sentences(analysis, n.key_findings);
  pareto_sentence(analysis, n.key_findings);
  comparison_sentence(analysis, n.key_findings);
  quality_sentence(analysis, n.key_findings);
  advice(analysis, n.recommendations);
  return n;
}

}  // namespace chimera::analyze
