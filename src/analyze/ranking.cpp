#include "chimera/analyze/ranking.hpp"

#include <algorithm>
#include <array>
#include <map>

#include "chimera/analyze/metrics.hpp"

namespace chimera::analyze {
namespace {

// The unit most configurations of a metric share: ranking across units would compare apples
// with oranges, and a unit disagreement is reported as a finding instead.
std::string majority_unit(const std::vector<model::GroupStats>& groups, const std::string& metric) {
  std::map<std::string, std::size_t> counts;
  for (const auto& g : groups) {
    if (g.metric == metric) {
      ++counts[g.unit];
    }
  }
  std::string best;
  std::size_t best_count = 0;
  for (const auto& [unit, count] : counts) {
    if (count > best_count) {
      best = unit;
      best_count = count;
    }
  }
  return best;
}

bool better(model::Direction direction, double a, double b) {
  return direction == model::Direction::higher ? a > b : a < b;
}

}  // namespace

model::Direction effective_direction(model::MetricKind kind, model::Direction direction) {
  if (direction != model::Direction::none) {
    return direction;
  }
  switch (kind) {
    case model::MetricKind::throughput:
      return model::Direction::higher;
    case model::MetricKind::ttft:
    case model::MetricKind::latency:
    case model::MetricKind::load:
    case model::MetricKind::prompt_eval:
    case model::MetricKind::eval:
    case model::MetricKind::total:
    case model::MetricKind::compile:
    case model::MetricKind::duration:
      return model::Direction::lower;
    default:
      return model::Direction::none;
  }
}

std::optional<std::string> primary_metric(const std::vector<model::GroupStats>& groups) {
  static constexpr std::array<const char*, 5> k_order{"throughput", "ttft", "latency", "total",
                                                      "eval"};
  for (const char* metric : k_order) {
    const auto count = std::count_if(groups.begin(), groups.end(), [&](const auto& g) {
      return g.metric == metric &&
             effective_direction(g.kind, g.direction) != model::Direction::none;
    });
    if (count >= 2) {
      return std::string(metric);
    }
  }
  return std::nullopt;
}

std::pair<double, double> tie_interval(const model::Summary& summary) {
  return summary.median_ci.value_or(std::pair{summary.min, summary.max});
}

std::vector<model::RankedConfig> rank_configs(const std::vector<model::GroupStats>& groups,
                                              const std::string& metric) {
  const std::string unit = majority_unit(groups, metric);
  std::vector<const model::GroupStats*> chosen;
  for (const auto& g : groups) {
    if (g.metric == metric && g.unit == unit && g.summary.n > 0) {
      chosen.push_back(&g);
    }
  }
  if (chosen.empty()) {
    return {};
  }
  const auto direction = effective_direction(chosen.front()->kind, chosen.front()->direction);
  std::stable_sort(chosen.begin(), chosen.end(), [&](const auto* a, const auto* b) {
    if (a->summary.median != b->summary.median) {
      return better(direction, a->summary.median, b->summary.median);
    }
    return key_less(a->group, b->group);
  });
  std::vector<model::RankedConfig> out;
  for (std::size_t i = 0; i < chosen.size(); ++i) {
    model::RankedConfig r;
    r.group = chosen[i]->group;
    r.kind = chosen[i]->kind;
    r.unit = chosen[i]->unit;
    r.direction = direction;
    r.summary = chosen[i]->summary;
    r.metric = metric;
    r.rank = i + 1;
    if (i > 0) {
      const auto [lo, hi] = tie_interval(r.summary);
      const auto [prev_lo, prev_hi] = tie_interval(out.back().summary);
      r.tied_with_previous = lo <= prev_hi && prev_lo <= hi;
      if (r.tied_with_previous) {
        r.rank = out.back().rank;
      }
    }
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<model::ParetoPoint> pareto_front(const std::vector<model::GroupStats>& groups) {
  std::map<model::GroupKey, std::pair<const model::GroupStats*, const model::GroupStats*>> both;
  for (const auto& g : groups) {
    if (g.summary.n == 0) {
      continue;
    }
    if (g.metric == "throughput" && g.unit == "tok/s") {
      both[g.group].first = &g;
    } else if (g.metric == "ttft" && g.unit == "ms") {
      both[g.group].second = &g;
    }
  }
  std::vector<model::ParetoPoint> points;
  for (const auto& [key, pair] : both) {
    if (pair.first != nullptr && pair.second != nullptr) {
      points.push_back({key, pair.first->summary.median, pair.second->summary.median});
    }
  }
  std::vector<model::ParetoPoint> front;
  for (const auto& p : points) {
    const bool dominated = std::any_of(points.begin(), points.end(), [&](const auto& q) {
      return q.throughput_tok_s >= p.throughput_tok_s && q.ttft_ms <= p.ttft_ms &&
             (q.throughput_tok_s > p.throughput_tok_s || q.ttft_ms < p.ttft_ms);
    });
    if (!dominated) {
      front.push_back(p);
    }
  }
  std::stable_sort(front.begin(), front.end(), [](const auto& a, const auto& b) {
    if (a.throughput_tok_s != b.throughput_tok_s) {
      return a.throughput_tok_s > b.throughput_tok_s;
    }
    if (a.ttft_ms != b.ttft_ms) {
      return a.ttft_ms < b.ttft_ms;
    }
    return key_less(a.group, b.group);
  });
  return front;
}

}  // namespace chimera::analyze
