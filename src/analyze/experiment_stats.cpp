#include "chimera/analyze/experiment_stats.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include "buckets.hpp"
#include "chimera/analyze/mann_whitney.hpp"
#include "chimera/analyze/stats.hpp"
#include "chimera/util/parallel.hpp"
#include "effects.hpp"

namespace chimera::analyze {
namespace {

using detail::Buckets;

constexpr std::array<model::MetricKind, 10> k_headline_order{
    model::MetricKind::throughput,  model::MetricKind::ttft, model::MetricKind::latency,
    model::MetricKind::total,       model::MetricKind::eval, model::MetricKind::duration,
    model::MetricKind::prompt_eval, model::MetricKind::load, model::MetricKind::compile,
    model::MetricKind::memory};

// The metric of the first kind in `order` that the experiment measures, most values first. A
// mean stands in for its kind only when no column of the kind holds single runs.
std::optional<std::size_t> first_of(const model::Experiment& e,
                                    std::span<const model::MetricKind> order,
                                    const std::vector<std::size_t>& values) {
  for (const auto kind : order) {
    std::optional<std::size_t> best;
    for (std::size_t m = 0; m < e.metrics.size(); ++m) {
      const auto& metric = e.metrics[m];
      if (metric.kind != kind || values[m] == 0 || metric.direction == model::Direction::none) {
        continue;
      }
      const bool raw_first = best && e.metrics[*best].aggregate && !metric.aggregate;
      const bool same_rank = best && e.metrics[*best].aggregate == metric.aggregate;
      if (!best || raw_first || (same_rank && values[m] > values[*best])) {
        best = m;
      }
    }
    if (best) {
      return best;
    }
  }
  return std::nullopt;
}

bool better(model::Direction direction, double a, double b) {
  return direction == model::Direction::higher ? a > b : a < b;
}

std::pair<double, double> tie_interval(const model::Summary& s) {
  return s.median_ci.value_or(std::pair{s.min, s.max});
}

std::vector<model::Ranked> rank(const model::Experiment& e, std::size_t metric) {
  std::vector<std::size_t> chosen;
  for (std::size_t c = 0; c < e.configurations.size(); ++c) {
    if (e.configurations[c].summary_of(metric) != nullptr) {
      chosen.push_back(c);
    }
  }
  const auto direction = e.metrics[metric].direction;
  std::stable_sort(chosen.begin(), chosen.end(), [&](std::size_t a, std::size_t b) {
    const double x = e.configurations[a].summary_of(metric)->median;
    const double y = e.configurations[b].summary_of(metric)->median;
    return x != y && better(direction, x, y);
  });
  std::vector<model::Ranked> out;
  for (std::size_t i = 0; i < chosen.size(); ++i) {
    model::Ranked r;
    r.configuration = chosen[i];
    r.rank = i + 1;
    if (i > 0) {
      const auto [lo, hi] = tie_interval(*e.configurations[chosen[i]].summary_of(metric));
      const auto [prev_lo, prev_hi] =
          tie_interval(*e.configurations[chosen[i - 1]].summary_of(metric));
      r.tied_with_previous = lo <= prev_hi && prev_lo <= hi;
      if (r.tied_with_previous) {
        r.rank = out.back().rank;
      }
    }
    out.push_back(r);
  }
  return out;
}

std::optional<std::size_t> metric_of_kind(const model::Experiment& e, model::MetricKind kind) {
  for (const auto m : {e.headline, e.secondary}) {
    if (m && e.metrics[*m].kind == kind) {
      return m;
    }
  }
  for (std::size_t m = 0; m < e.metrics.size(); ++m) {
    if (e.metrics[m].kind == kind && !e.metrics[m].aggregate) {
      return m;
    }
  }
  return std::nullopt;
}

std::vector<model::ParetoEntry> pareto(const model::Experiment& e) {
  const auto t = metric_of_kind(e, model::MetricKind::throughput);
  const auto f = metric_of_kind(e, model::MetricKind::ttft);
  if (!t || !f) {
    return {};
  }
  std::vector<model::ParetoEntry> points;
  for (std::size_t c = 0; c < e.configurations.size(); ++c) {
    const auto* a = e.configurations[c].summary_of(*t);
    const auto* b = e.configurations[c].summary_of(*f);
    if (a != nullptr && b != nullptr) {
      points.push_back({c, a->median, b->median});
    }
  }
  // Highest throughput first: a point is on the front when it has the lowest TTFT of its
  // throughput and a lower TTFT than every point of higher throughput.
  std::stable_sort(points.begin(), points.end(), [](const auto& x, const auto& y) {
    return x.throughput_tok_s != y.throughput_tok_s ? x.throughput_tok_s > y.throughput_tok_s
                                                    : x.ttft_ms < y.ttft_ms;
  });
  std::vector<model::ParetoEntry> front;
  double best_above = std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i < points.size();) {
    std::size_t j = i;
    while (j < points.size() && points[j].throughput_tok_s == points[i].throughput_tok_s) {
      ++j;
    }
    const double lowest = points[i].ttft_ms;  // sorted by TTFT within a throughput
    for (std::size_t k = i; k < j && points[k].ttft_ms == lowest; ++k) {
      if (lowest < best_above) {
        front.push_back(points[k]);
      }
    }
    best_above = std::min(best_above, lowest);
    i = j;
  }
  return front;
}

model::Comparison compare(const model::Experiment& e, const Buckets& buckets, std::size_t metric,
                          std::size_t baseline, std::size_t candidate, std::string varies) {
  model::Comparison c;
  c.metric = metric;
  c.baseline = baseline;
  c.candidate = candidate;
  c.varies = std::move(varies);
  const auto a = buckets.of(baseline);
  const auto b = buckets.of(candidate);
  c.n_baseline = a.size();
  c.n_candidate = b.size();
  const double median_a = e.configurations[baseline].summary_of(metric)->median;
  const double median_b = e.configurations[candidate].summary_of(metric)->median;
  c.median_ratio = median_a == 0 ? 0 : median_b / median_a;
  c.p_value = mann_whitney_sorted(a, b).p_value;
  c.significant = c.p_value < k_alpha;
  c.small_sample = a.size() < k_small_sample || b.size() < k_small_sample;
  return c;
}

bool is_baseline_value(const std::string& value) {
  std::string lower;
  for (const char ch : value) {
    lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(ch))));
  }
  return lower == "baseline" || lower == "default" || lower == "defaults" || lower == "control";
}

void comparisons(model::Experiment& e, const Buckets& buckets, std::size_t metric,
                 const std::vector<model::Ranked>& ranking) {
  // Pairs that differ in one two-level factor only: the A/B pairs of an experiment.
  for (std::size_t f = 0; f < e.factors.size(); ++f) {
    const auto& levels = e.factors[f].levels;
    if (levels.size() != 2) {
      continue;
    }
    const std::size_t base_level = is_baseline_value(levels[1]) ? 1 : 0;
    std::map<std::vector<std::string>, std::array<std::optional<std::size_t>, 2>> pairs;
    for (std::size_t c = 0; c < e.configurations.size(); ++c) {
      if (buckets.of(c).size() < 2) {
        continue;
      }
      auto rest = e.configurations[c].values;
      const std::string level = rest[f];
      if (level.empty()) {
        continue;
      }
      rest[f].clear();
      pairs[rest][level == levels[base_level] ? 0 : 1] = c;
    }
    for (const auto& [rest, pair] : pairs) {
      if (pair[0] && pair[1]) {
        e.comparisons.push_back(compare(e, buckets, metric, *pair[0], *pair[1], e.factors[f].name));
      }
    }
  }
  // The best repeated configuration against the next ones.
  std::vector<std::size_t> repeated;
  for (const auto& r : ranking) {
    if (buckets.of(r.configuration).size() >= 2) {
      repeated.push_back(r.configuration);
    }
  }
  std::set<std::pair<std::size_t, std::size_t>> compared;
  for (const auto& c : e.comparisons) {
    if (c.metric == metric) {
      compared.emplace(std::min(c.baseline, c.candidate), std::max(c.baseline, c.candidate));
    }
  }
  for (std::size_t i = 1; i < repeated.size() && i <= k_best_comparisons; ++i) {
    const auto pair =
        std::pair{std::min(repeated.front(), repeated[i]), std::max(repeated.front(), repeated[i])};
    if (compared.insert(pair).second) {
      e.comparisons.push_back(compare(e, buckets, metric, repeated.front(), repeated[i], ""));
    }
  }
}

}  // namespace

void compute_statistics(const model::Corpus& corpus, const std::vector<RecordSet>& sets,
                        PlannedExperiment& planned, unsigned jobs) {
  auto& e = planned.experiment;
  std::vector<std::size_t> values(e.metrics.size(), 0);
  for (std::size_t m = 0; m < e.metrics.size(); ++m) {
    values[m] = detail::count_values(corpus, sets, planned, m);
  }
  e.headline = first_of(e, k_headline_order, values);
  if (e.headline) {
    if (e.metrics[*e.headline].kind == model::MetricKind::throughput) {
      static constexpr std::array<model::MetricKind, 3> k_beside{
          model::MetricKind::ttft, model::MetricKind::latency, model::MetricKind::total};
      e.secondary = first_of(e, k_beside, values);
    } else {
      static constexpr std::array<model::MetricKind, 1> k_beside{model::MetricKind::throughput};
      e.secondary = first_of(e, k_beside, values);
    }
  }
  // Metrics in parallel, each one's values read once; the headline and secondary ones are
  // sorted and kept for the rank tests, the others summarised by selection and let go.
  std::vector<std::unique_ptr<Buckets>> kept(e.metrics.size());
  std::vector<std::vector<std::pair<std::size_t, model::Summary>>> summaries(e.metrics.size());
  // The metrics that are only summarised first, so that the two kept ones are built last and
  // at most two metrics' values are held at a time.
  std::vector<std::size_t> order;
  for (std::size_t m = 0; m < e.metrics.size(); ++m) {
    if (e.headline != m && e.secondary != m) {
      order.push_back(m);
    }
  }
  for (const auto& m : {e.headline, e.secondary}) {
    if (m) {
      order.push_back(*m);
    }
  }
  util::parallel_for(order.size(), jobs, [&](std::size_t i) {
    const std::size_t m = order[i];
    if (values[m] == 0) {
      return;
    }
    const bool tested = e.headline == m || e.secondary == m;
    auto buckets = std::make_unique<Buckets>(corpus, sets, planned, m, tested);
    for (std::size_t c = 0; c < e.configurations.size(); ++c) {
      if (!buckets->of(c).empty()) {
        summaries[m].emplace_back(c, tested ? summarize_sorted(buckets->of(c))
                                            : summarize_in_place(buckets->mutable_of(c)));
      }
    }
    if (tested) {
      kept[m] = std::move(buckets);
    }
  });
  for (std::size_t m = 0; m < e.metrics.size(); ++m) {
    for (auto& [c, summary] : summaries[m]) {
      e.configurations[c].metrics.push_back({m, summary});
    }
  }
  std::unique_ptr<Buckets> headline = e.headline ? std::move(kept[*e.headline]) : nullptr;
  std::unique_ptr<Buckets> secondary = e.secondary ? std::move(kept[*e.secondary]) : nullptr;
  if (e.headline) {
    e.ranking = rank(e, *e.headline);
  }
  e.pareto = pareto(e);
  for (const auto& [m, buckets] :
       {std::pair{e.headline, headline.get()}, std::pair{e.secondary, secondary.get()}}) {
    if (!m || buckets == nullptr) {
      continue;
    }
    std::vector<std::span<const double>> parts;
    for (std::size_t c = 0; c < buckets->configurations(); ++c) {
      parts.push_back(buckets->of(c));
    }
    e.overall.push_back({*m, detail::summarize_pooled(parts)});
    comparisons(e, *buckets, *m, *m == e.headline ? e.ranking : rank(e, *m));
    if (e.factors.empty()) {
      continue;
    }
    const std::vector<bool> all(buckets->configurations(), true);
    const auto ranks = detail::pooled_ranks(*buckets, all);
    for (std::size_t f = 0; f < e.factors.size(); ++f) {
      if (auto effect = detail::factor_effect(e, f, *m, *buckets, ranks)) {
        e.effects.push_back(std::move(*effect));
      }
    }
  }
}

}  // namespace chimera::analyze
