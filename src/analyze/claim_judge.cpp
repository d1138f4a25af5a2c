#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "chimera/analyze/claim_context.hpp"
#include "chimera/analyze/claim_words.hpp"
#include "chimera/analyze/claims.hpp"
#include "chimera/analyze/names.hpp"

namespace chimera::analyze {
namespace {

constexpr std::size_t k_none = static_cast<std::size_t>(-1);
constexpr std::size_t k_max_pairs = 4000;

struct Candidate {
  std::size_t e = 0;
  std::size_t m = 0;
  std::size_t c = 0;
  const std::vector<NamedStat>* stats = nullptr;
};

// A claim's value in canonical units, and how far a statistic may be from it and still round
// to what was written.
struct Written {
  double low = 0;
  double high = 0;
  double tolerance = 0;
  double value = 0;
};

Written written(const TextClaim& claim, double factor) {
  const double step = std::pow(10.0, -claim.decimals) * factor;
  Written w;
  w.value = claim.value * factor;
  w.tolerance = step * 0.5 * (1 + 1e-9) + 1e-12;
  w.low = claim.value * factor - w.tolerance;
  w.high = claim.upper * factor + w.tolerance;
  return w;
}

bool equals(const Written& w, double stat) {
  return stat >= w.low && stat <= w.high;
}

// Whether a metric of kind `metric` measures what a claim of kind `claim` states: the same
// kind, or a total duration for a claim that says only "duration".
bool measures(model::MetricKind metric, model::MetricKind claim) {
  return metric == claim ||
         (claim == model::MetricKind::duration && metric == model::MetricKind::total);
}

bool wanted(const TextClaim& claim, const NamedStat& s) {
  const bool warm = s.name.starts_with("warm ");
  const std::string_view name = warm ? std::string_view(s.name).substr(5) : s.name;
  if (warm != claim.warm) {
    return false;
  }
  switch (claim.stat) {
    case ClaimStat::stddev:
      return name == "stddev";
    case ClaimStat::cv:
      return name == "cv";
    case ClaimStat::relative:
      return false;
    case ClaimStat::any:
      break;
  }
  return name != "stddev" && name != "cv";
}

// The units a claim may be in: as written, else the canonical one, and seconds for a duration
// written without a unit.
std::vector<double> factors_of(const TextClaim& claim) {
  if (!claim.unit.empty() && claim.unit != "%") {
    return {to_canonical(claim.unit)};
  }
  if (claim.unit.empty() && unit_fits("s", claim.kind) && claim.stat != ClaimStat::cv) {
    return {1.0, 1000.0};
  }
  return {1.0};
}

double diff_pct(double claim, double stat) {
  return stat == 0 ? 0 : (claim - stat) / std::fabs(stat) * 100.0;
}

model::ClaimData data_of(const model::Experiment& e, std::size_t m, std::size_t c,
                         const NamedStat& s, double factor, std::string_view scope) {
  model::ClaimData d;
  d.experiment = e.name;
  d.config = e.key(c);
  d.metric = e.metrics[m].column;
  d.statistic = s.name;
  d.value = s.value / factor;
  d.n = s.n;
  for (const auto& source : e.configurations[c].sources) {
    if (source.starts_with(scope)) {
      d.sources.push_back(source);
    }
  }
  return d;
}

// The nearest directory above `source` under which one of `experiments` has runs: "a/" or ""
// for the root. Reports sit beside or below the data they describe.
std::string scope_of(std::string_view source, const std::vector<const model::Experiment*>& es) {
  std::string dir = directory_of(source);
  while (!dir.empty() && dir != ".") {
    const std::string prefix = dir + "/";
    for (const auto* e : es) {
      const auto it = std::lower_bound(e->sources.begin(), e->sources.end(), prefix);
      if (it != e->sources.end() && it->starts_with(prefix)) {
        return prefix;
      }
    }
    dir = directory_of(dir);
  }
  return "";
}

bool in_scope(const model::Configuration& config, const std::string& scope) {
  if (scope.empty()) {
    return true;
  }
  const auto it = std::lower_bound(config.sources.begin(), config.sources.end(), scope);
  return it != config.sources.end() && it->starts_with(scope);
}

const NamedStat* stat_named(const std::vector<NamedStat>& stats, std::string_view name) {
  for (const auto& s : stats) {
    if (s.name == name) {
      return &s;
    }
  }
  return nullptr;
}

// A percentage: the change between two configurations that differ in one factor.
void judge_relative(const TextClaim& claim, const ClaimContext& words,
                    const std::vector<model::Experiment>& experiments,
                    const std::vector<Candidate>& candidates, const std::string& scope,
                    model::Claim& out) {
  const Written w = written(claim, 1.0);
  double nearest = std::numeric_limits<double>::infinity();
  std::size_t pairs = 0;
  std::size_t named_factor = k_none;
  // The factor the words name, per experiment: read once, not per pair.
  std::vector<std::size_t> named_in(experiments.size(), k_none - 1);
  for (std::size_t i = 0; i < candidates.size() && pairs < k_max_pairs; ++i) {
    for (std::size_t j = 0; j < candidates.size() && pairs < k_max_pairs; ++j) {
      const auto& a = candidates[i];
      const auto& b = candidates[j];
      if (i == j || a.e != b.e || a.m != b.m) {
        continue;
      }
      const auto& e = experiments[a.e];
      const auto& va = e.configurations[a.c].values;
      const auto& vb = e.configurations[b.c].values;
      std::size_t differ = 0;
      std::size_t which = k_none;
      for (std::size_t f = 0; f < va.size() && f < vb.size(); ++f) {
        if (!va[f].empty() && !vb[f].empty() && !same_level(va[f], vb[f])) {
          ++differ;
          which = f;
        }
      }
      if (named_in[a.e] == k_none - 1) {
        named_in[a.e] = factor_named(e, words);
      }
      named_factor = named_in[a.e];
      if (differ != 1 || (named_factor != k_none && which != named_factor)) {
        continue;
      }
      ++pairs;
      for (const std::string_view stat : {"mean", "median"}) {
        const auto* sa = stat_named(*a.stats, stat);
        const auto* sb = stat_named(*b.stats, stat);
        if (sa == nullptr || sb == nullptr || sa->value == 0) {
          continue;
        }
        const double change = std::fabs(sb->value / sa->value - 1.0) * 100.0;
        NamedStat s{fmt::format("{} change, {} {} -> {}", stat, e.factors[which].name, va[which],
                                vb[which]),
                    change, sa->n + sb->n};
        if (equals(w, change)) {
          out.verdict = model::ClaimVerdict::supported;
          out.data = data_of(e, b.m, b.c, s, 1.0, scope);
          out.diff_pct.reset();
          return;
        }
        const double distance =
            std::min(std::fabs(change - w.value), std::fabs(change - claim.upper));
        if (distance < nearest) {
          nearest = distance;
          out.data = data_of(e, b.m, b.c, s, 1.0, scope);
          out.diff_pct = change == 0 ? 0 : (w.value - change) / change * 100.0;
        }
      }
    }
  }
  if (pairs == 0) {
    out.data.reset();
    out.diff_pct.reset();
    out.reason = "no two configurations that differ in one factor to compare";
    return;
  }
  if (named_factor != k_none || pairs <= 2) {
    out.verdict = model::ClaimVerdict::contradicted;
    out.reason = fmt::format("no change between configurations is {}%", claim.value);
    return;
  }
  out.data.reset();
  out.diff_pct.reset();
  out.reason = fmt::format("{} pairs of configurations could be meant", pairs / 2);
}

// Whether configuration `c` ranks first by mean among the configurations in scope: "" when it
// does, else why not, with the best configuration's mean in `best`.
std::string rank_check(const model::Experiment& e, std::size_t ei, std::size_t m, std::size_t c,
                       const std::string& scope, const StatsOf& stats, double& best) {
  const bool lower_better = e.metrics[m].direction == model::Direction::lower;
  std::vector<std::pair<double, std::size_t>> means;
  for (std::size_t k = 0; k < e.configurations.size(); ++k) {
    if (!in_scope(e.configurations[k], scope)) {
      continue;
    }
    const auto& s = stats(ei, m, k, scope);
    if (const auto* mean = stat_named(s, "mean")) {
      means.emplace_back(lower_better ? mean->value : -mean->value, k);
    }
  }
  std::sort(means.begin(), means.end());
  for (std::size_t r = 0; r < means.size(); ++r) {
    if (means[r].second != c) {
      continue;
    }
    if (means[r].first == means[0].first) {
      return "";
    }
    best = std::fabs(means[0].first);
    return fmt::format("ranked {} of {} by mean {}; the best is {} at {}", r + 1, means.size(),
                       e.metrics[m].column, e.label(means[0].second), best);
  }
  return "";
}

}  // namespace

PlaceContext place_context(const ClaimPlace& place) {
  PlaceContext out;
  const auto below_title = place.heading.find(" > ");
  if (below_title != std::string::npos) {
    out.heading = context_of_text(std::string_view(place.heading).substr(below_title + 3));
  }
  out.path = context_of_text(place.source);
  const auto slash = place.source.rfind('/');
  out.path.words =
      context_of_text(slash == std::string::npos ? place.source : place.source.substr(slash + 1))
          .words;
  return out;
}

model::Claim judge_claim(const TextClaim& claim, const ClaimPlace& place,
                         const PlaceContext& context,
                         const std::vector<model::Experiment>& experiments, const StatsOf& stats) {
  model::Claim out;
  out.source = place.source;
  out.value = claim.value;
  out.unit = claim.unit;
  out.metric = claim.kind;
  if (claim.unmeasurable) {
    out.reason = "no run measures this quantity";
    return out;
  }
  std::vector<const model::Experiment*> measuring;
  for (const auto& e : experiments) {
    if (e.origin == "documents") {
      continue;  // a document's own tables: what is checked, not what it is checked against
    }
    if (std::any_of(e.metrics.begin(), e.metrics.end(), [&](const model::ExperimentMetric& m) {
          return measures(m.kind, claim.kind);
        })) {
      measuring.push_back(&e);
    }
  }
  if (measuring.empty()) {
    out.reason = fmt::format("no run measures {}", model::to_string(claim.kind));
    return out;
  }
  const std::string scope = place.source.empty() ? "" : scope_of(place.source, measuring);
  if (!scope.empty()) {
    measuring.erase(std::remove_if(measuring.begin(), measuring.end(),
                                   [&](const model::Experiment* e) {
                                     const auto it = std::lower_bound(e->sources.begin(),
                                                                      e->sources.end(), scope);
                                     return it == e->sources.end() || !it->starts_with(scope);
                                   }),
                    measuring.end());
  }
  const std::vector<const ClaimContext*> layers{&claim.context, &context.heading, &context.path};
  const bool relative = claim.stat == ClaimStat::relative;
  std::vector<Candidate> candidates;
  bool ambiguous = false;
  std::string why_not;
  for (const auto* ep : measuring) {
    const auto& e = *ep;
    const std::size_t ei = static_cast<std::size_t>(ep - experiments.data());
    const auto k = constraints_for(e, layers, relative);
    if (!k.compatible) {
      why_not = k.why_not;
      continue;
    }
    ambiguous = ambiguous || k.ambiguous;
    if (out.context.empty()) {
      out.context = k.named;
    }
    // The measured columns of the kind, before any averaged one.
    std::vector<std::size_t> metrics;
    for (const bool aggregate : {false, true}) {
      for (std::size_t m = 0; m < e.metrics.size(); ++m) {
        if (measures(e.metrics[m].kind, claim.kind) && e.metrics[m].aggregate == aggregate) {
          metrics.push_back(m);
        }
      }
      if (!metrics.empty()) {
        break;
      }
    }
    for (std::size_t c = 0; c < e.configurations.size(); ++c) {
      if (!in_scope(e.configurations[c], scope) || !satisfies(e, c, k)) {
        continue;
      }
      for (const auto m : metrics) {
        const auto& s = stats(ei, m, c, scope);
        if (!s.empty()) {
          candidates.push_back({ei, m, c, &s});
        }
      }
    }
  }
  if (claim.warm) {
    out.context.emplace_back("runs", "warm");
  }
  if (candidates.empty()) {
    out.reason = why_not.empty()
                     ? fmt::format("no {} runs match what it names", model::to_string(claim.kind))
                     : fmt::format("{} has no runs", why_not);
    return out;
  }
  if (relative) {
    judge_relative(claim, claim.context, experiments, candidates, scope, out);
    return out;
  }
  const auto factors = factors_of(claim);
  double nearest = std::numeric_limits<double>::infinity();
  // Statistics of several runs first, so that a mean is named before the one run equal to it.
  for (const bool singles : {false, true}) {
    for (const auto& cand : candidates) {
      for (const auto& s : *cand.stats) {
        if (!wanted(claim, s) || (s.name.ends_with("single run") && s.n > 1) != singles) {
          continue;
        }
        for (const double factor : factors) {
          const Written w = written(claim, factor);
          if (equals(w, s.value)) {
            out.verdict = model::ClaimVerdict::supported;
            out.data = data_of(experiments[cand.e], cand.m, cand.c, s, factor, scope);
            out.diff_pct.reset();
            double best = 0;
            if (claim.best && candidates.size() == 1 && !ambiguous && !out.context.empty()) {
              if (auto why =
                      rank_check(experiments[cand.e], cand.e, cand.m, cand.c, scope, stats, best);
                  !why.empty()) {
                out.verdict = model::ClaimVerdict::contradicted;
                out.reason = "named best, but " + why;
                out.diff_pct = diff_pct(w.value, best);
              }
            }
            return out;
          }
          // The nearest of the statistic the claim names, else of any but a single run of many.
          const bool single = s.name.ends_with("single run") && s.n > 1;
          const bool named = claim.named_stat.empty() || s.name == claim.named_stat ||
                             s.name == "warm " + claim.named_stat;
          if (!single && named && std::fabs(w.value - s.value) < nearest) {
            nearest = std::fabs(w.value - s.value);
            out.data = data_of(experiments[cand.e], cand.m, cand.c, s, factor, scope);
            out.diff_pct = diff_pct(w.value, s.value);
          }
        }
      }
    }
  }
  // "Duration" alone does not say which: a total, a wall time, an execution time.
  const bool one =
      candidates.size() == 1 && !ambiguous && claim.kind != model::MetricKind::duration;
  const bool pooled = (claim.best || claim.peak) &&
                      std::all_of(candidates.begin(), candidates.end(), [&](const Candidate& c) {
                        return c.e == candidates.front().e && c.m == candidates.front().m;
                      });
  if (!one && !pooled) {
    out.data.reset();
    out.diff_pct.reset();
    out.reason = ambiguous ? "it names two levels of one factor"
                 : claim.kind == model::MetricKind::duration && candidates.size() == 1
                     ? "\"duration\" does not say which duration (total, wall, execution)"
                     : fmt::format("{} configurations could be meant", candidates.size());
    return out;
  }
  if (!out.data) {
    out.reason = "no statistic of this kind";
    return out;
  }
  out.verdict = model::ClaimVerdict::contradicted;
  if (pooled && !one) {
    out.reason = "no configuration reaches it";
  } else if (claim.warm) {
    // Say so when it is a statistic of every run, the cold one included.
    TextClaim cold = claim;
    cold.warm = false;
    const auto& cand = candidates.front();
    for (const auto& s : *cand.stats) {
      if (wanted(cold, s) && equals(written(claim, factors.front()), s.value)) {
        out.reason = fmt::format("it is the {} with the cold first run included", s.name);
        break;
      }
    }
  }
  if (out.reason.empty()) {
    out.reason = fmt::format("no statistic of {} {} matches", out.data->n,
                             out.data->n == 1 ? "run" : "runs");
  }
  return out;
}

}  // namespace chimera::analyze
