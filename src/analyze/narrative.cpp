#include "chimera/analyze/narrative.hpp"

#include <algorithm>
#include <array>
#include <map>

#include "chimera/analyze/format.hpp"
#include "chimera/util/number.hpp"

namespace chimera::analyze {
namespace {

// Experiments the summary speaks of by name; the rest are counted.
constexpr std::size_t k_named_experiments = 5;

std::string plural(std::size_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string median_text(const model::Summary& s, const std::string& unit) {
  std::string text = format_value(s.median, unit) + " (n = " + std::to_string(s.n);
  if (s.median_ci) {
    text += ", 95% CI " + format_number(s.median_ci->first) + " to " +
            format_value(s.median_ci->second, unit);
  }
  return text + ")";
}

void corpus_sentence(const model::Analysis& a, std::vector<std::string>& out) {
  const auto& inv = a.inventory;
  std::size_t runs = 0;
  std::size_t failed = 0;
  for (const auto& e : a.experiments) {
    runs += e.runs;
    failed += e.failed_runs;
  }
  std::string sentence = "found " + plural(a.experiments.size(), "experiment", "experiments") +
                         " in " + plural(inv.files_total, "file", "files") + ": " +
                         plural(runs, "run", "runs") + ", " +
                         plural(failed, "failed run", "failed runs") + " excluded";
  std::size_t restated = 0;
  std::size_t unverified = 0;
  for (const auto& d : a.documents) {
    restated += d.use == model::DocumentUse::restates ? 1 : 0;
    unverified += d.use == model::DocumentUse::unverified ? 1 : 0;
  }
  if (restated + unverified > 0) {
    sentence += "; " + plural(restated + unverified, "Markdown table", "Markdown tables") +
                " about the measurements " + (restated + unverified == 1 ? "is" : "are") +
                " not counted as runs (" + std::to_string(restated) + " restate them, " +
                std::to_string(unverified) + " state numbers not found in them)";
  }
  out.push_back(sentence);
}

// The factor that matters most for the headline metric, if any does.
const model::FactorEffect* strongest_effect(const model::Experiment& e) {
  const model::FactorEffect* best = nullptr;
  for (const auto& effect : e.effects) {
    if (effect.metric != e.headline || effect.p_value >= 0.05) {
      continue;
    }
    if (best == nullptr || effect.spread > best->spread) {
      best = &effect;
    }
  }
  return best;
}

std::string effect_text(const model::Experiment& e, const model::FactorEffect& effect) {
  const auto& metric = e.metrics[effect.metric];
  const auto higher = metric.direction != model::Direction::lower;
  const auto* best = &effect.levels.front();
  const auto* worst = best;
  for (const auto& l : effect.levels) {
    if (higher ? l.median > best->median : l.median < best->median) {
      best = &l;
    }
    if (higher ? l.median < worst->median : l.median > worst->median) {
      worst = &l;
    }
  }
  // With thousands of runs a 0.4% difference is significant; say so rather than "matters".
  constexpr double k_practical = 0.05;
  const char* verdict =
      effect.spread < k_practical ? " has a significant but small effect (" : " matters (";
  return effect.factor + verdict + util::p_clause(effect.p_value) + "): median " + metric.column +
         " " + format_value(worst->median, metric.unit) + " at " + worst->level + " against " +
         format_value(best->median, metric.unit) + " at " + best->level + ", " +
         format_number(100 * effect.spread) + "% " + (higher ? "higher" : "lower");
}

void experiment_sentence(const model::Experiment& e, std::vector<std::string>& out) {
  if (e.runs > 0 && e.failed_runs == e.runs) {
    out.push_back("`" + e.name + "`: all " + plural(e.runs, "run", "runs") +
                  " failed; nothing to rank");
    return;
  }
  if (!e.headline || e.ranking.empty()) {
    out.push_back("`" + e.name + "`: " + plural(e.runs, "run", "runs") +
                  ", no ranked metric (no throughput or duration measured)");
    return;
  }
  const auto& metric = e.metrics[*e.headline];
  const auto& top = e.ranking.front();
  const auto* s = e.configurations[top.configuration].summary_of(*e.headline);
  std::string sentence = "`" + e.name + "`: ";
  if (e.ranking.size() == 1) {
    sentence += metric.column + " " + median_text(*s, metric.unit);
  } else {
    const auto tied = static_cast<std::size_t>(std::count_if(
        e.ranking.begin() + 1, e.ranking.end(), [](const auto& r) { return r.rank == 1; }));
    sentence += "best " + metric.column + " " + e.label(top.configuration) + " at " +
                median_text(*s, metric.unit) + " of " +
                plural(e.ranking.size(), "configuration", "configurations");
    if (tied > 0) {
      sentence += ", statistically tied with " + plural(tied, "other", "others");
    }
  }
  if (!s->median_ci) {
    sentence += " (too few runs for a 95% interval: not yet conclusive)";
  }
  if (const auto* effect = strongest_effect(e)) {
    sentence += "; " + effect_text(e, *effect);
  } else if (!e.factors.empty() && !e.effects.empty()) {
    sentence += "; no factor changes " + metric.column + " significantly";
  }
  out.push_back(sentence);
}

void agreement_sentences(const model::Analysis& a, std::vector<std::string>& out) {
  std::size_t agree = 0;
  const model::Agreement* worst = nullptr;
  for (const auto& g : a.agreements) {
    if (g.agree) {
      ++agree;
      continue;
    }
    const double gap = std::abs(g.median_second / g.median_first - 1);
    if (worst == nullptr || gap > std::abs(worst->median_second / worst->median_first - 1)) {
      worst = &g;
    }
  }
  if (a.agreements.empty()) {
    return;
  }
  std::string sentence = plural(a.agreements.size(), "configuration is", "configurations are") +
                         " measured in two experiments; " + std::to_string(agree) + " agree";
  if (worst != nullptr) {
    const auto& first = a.experiments[worst->first];
    const auto& second = a.experiments[worst->second];
    sentence += "; the largest disagreement: " + first.label(worst->first_configuration) + " at " +
                format_value(worst->median_first, worst->unit) + " in `" + first.name +
                "` against " + format_value(worst->median_second, worst->unit) + " in `" +
                second.name + "` (" + util::p_clause(worst->p_value) + ")";
  }
  out.push_back(sentence);
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

constexpr std::array<Advice, 13> k_advice{{
    {"malformed-file", "fix or remove the malformed file so its runs are counted",
     "fix or remove the {n} malformed files so their runs are counted"},
    {"unreadable-file", "make the unreadable data file readable or remove it",
     "make the {n} unreadable data files readable or remove them"},
    {"duplicate-file", "delete the duplicate file copy so no run is counted twice",
     "delete the {n} duplicate file copies so no run is counted twice"},
    {"failed-run", "fix the cause of the failed run and re-run it",
     "fix the causes of the {n} failed runs and re-run them"},
    {"single-sample", "re-run the single-run configuration at least 6 times before ranking it",
     "re-run the {n} single-run configurations at least 6 times before ranking them"},
    {"few-samples", "add runs to the configuration with 2 to 5 runs until it has at least 6",
     "add runs to the {n} configurations with 2 to 5 runs until each has at least 6"},
    {"cold-start", "drop the cold-start first run or report it separately before comparing",
     "drop the {n} cold-start first runs or report them separately before comparing"},
    {"duplicate-rows", "remove the repeated row or confirm it is a distinct run",
     "remove the {n} repeated rows or confirm they are distinct runs"},
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
  for (const auto& g : a.agreements) {
    if (!g.agree) {
      out.push_back("find out why " + a.experiments[g.first].label(g.first_configuration) +
                    " measures differently in `" + a.experiments[g.first].name + "` and `" +
                    a.experiments[g.second].name + "` before pooling or comparing them");
      break;
    }
  }
  std::size_t unverified = 0;
  for (const auto& d : a.documents) {
    unverified += d.use == model::DocumentUse::unverified ? 1 : 0;
  }
  if (unverified > 0) {
    out.push_back("check the " + plural(unverified, "Markdown table", "Markdown tables") +
                  " whose numbers are not among the measurements before quoting them");
  }
  std::size_t named = 0;
  for (const auto& e : a.experiments) {
    if (!e.headline || e.ranking.size() < 2 || named++ == k_named_experiments) {
      continue;
    }
    const auto top = static_cast<std::size_t>(std::count_if(
        e.ranking.begin(), e.ranking.end(), [](const auto& r) { return r.rank == 1; }));
    const auto& metric = e.metrics[*e.headline].column;
    const auto* best = e.configurations[e.ranking[0].configuration].summary_of(*e.headline);
    const auto* next = e.configurations[e.ranking[1].configuration].summary_of(*e.headline);
    if (top > 1) {
      out.push_back("in `" + e.name + "`, add runs to the " + std::to_string(top) +
                    " configurations tied for the best " + metric + " before choosing");
    } else if (best->median_ci && next->median_ci) {
      const double margin =
          next->median == 0 ? 0
                            : 100 * std::abs(best->median - next->median) / std::abs(next->median);
      out.push_back("in `" + e.name + "`, prefer " + e.label(e.ranking.front().configuration) +
                    " for " + metric + ": " + format_number(margin) +
                    "% ahead of the next best, and its 95% median interval does not overlap it");
    }
  }
}

}  // namespace

Narrative write_narrative(const model::Analysis& analysis) {
  Narrative n;
  corpus_sentence(analysis, n.key_findings);
  std::size_t named = 0;
  for (const auto& e : analysis.experiments) {
    if (named++ == k_named_experiments) {
      n.key_findings.push_back(plural(analysis.experiments.size() - k_named_experiments,
                                      "more experiment", "more experiments") +
                               " in the Experiments section");
      break;
    }
    experiment_sentence(e, n.key_findings);
  }
  agreement_sentences(analysis, n.key_findings);
  quality_sentence(analysis, n.key_findings);
  advice(analysis, n.recommendations);
  return n;
}

}  // namespace chimera::analyze
