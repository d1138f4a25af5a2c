#include "chimera/analyze/compare.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "chimera/analyze/mann_whitney.hpp"
#include "chimera/analyze/ranking.hpp"

namespace chimera::analyze {
namespace {

constexpr std::size_t k_min_samples = 2;
constexpr std::size_t k_small_sample = 4;
constexpr double k_alpha = 0.05;

bool is_baseline_name(std::string value) {
  std::transform(value.begin(), value.end(), value.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return value == "baseline";
}

const model::GroupStats* find_group(const std::vector<model::GroupStats>& groups,
                                    const std::string& metric, const std::string& unit,
                                    const model::GroupKey& key) {
  for (const auto& g : groups) {
    if (g.metric == metric && g.unit == unit && g.group == key) {
      return &g;
    }
  }
  return nullptr;
}

void compare_to_best(const std::vector<model::GroupStats>& groups, const std::string& metric,
                     std::vector<model::Comparison>& out) {
  // A single run cannot be tested, so the baseline is the best configuration that was repeated.
  std::vector<const model::GroupStats*> repeated;
  for (const auto& r : rank_configs(groups, metric)) {
    const auto* g = find_group(groups, metric, r.unit, r.group);
    if (g != nullptr && g->summary.n >= k_min_samples) {
      repeated.push_back(g);
    }
  }
  for (std::size_t i = 1; i < repeated.size(); ++i) {
    out.push_back(compare(*repeated.front(), *repeated[i]));
  }
}

// Groups that differ only in a two-valued dimension: the A/B pairs of a corpus, such as a
// baseline agent against a candidate one under the same configuration.
void compare_pairs(const std::vector<model::GroupStats>& groups, const std::string& metric,
                   std::vector<model::Comparison>& out) {
  std::map<std::string, std::set<std::string>> values;
  for (const auto& g : groups) {
    if (g.metric == metric) {
      for (const auto& [name, value] : g.group) {
        values[name].insert(value);
      }
    }
  }
  for (const auto& entry : values) {
    const std::string& dimension = entry.first;
    const std::set<std::string>& seen = entry.second;
    if (seen.size() != 2) {
      continue;
    }
    const bool second_is_baseline = is_baseline_name(*seen.rbegin());
    const std::string base_value = second_is_baseline ? *seen.rbegin() : *seen.begin();
    for (const auto& base : groups) {
      if (base.metric != metric || base.summary.n < k_min_samples) {
        continue;
      }
      auto key = base.group;
      const auto it = std::find_if(key.begin(), key.end(),
                                   [&](const auto& kv) { return kv.first == dimension; });
      if (it == key.end() || it->second != base_value) {
        continue;
      }
      it->second = base_value == *seen.begin() ? *seen.rbegin() : *seen.begin();
      const auto* candidate = find_group(groups, metric, base.unit, key);
      if (candidate != nullptr && candidate->summary.n >= k_min_samples) {
        out.push_back(compare(base, *candidate));
      }
    }
  }
}

}  // namespace

model::Comparison compare(const model::GroupStats& baseline, const model::GroupStats& candidate) {
  model::Comparison c;
  c.kind = baseline.kind;
  c.unit = baseline.unit;
  c.direction = effective_direction(baseline.kind, baseline.direction);
  c.metric = baseline.metric;
  c.baseline = baseline.group;
  c.candidate = candidate.group;
  c.n_baseline = baseline.summary.n;
  c.n_candidate = candidate.summary.n;
  c.median_ratio =
      baseline.summary.median == 0 ? 0 : candidate.summary.median / baseline.summary.median;
  const auto test = mann_whitney_u(candidate.samples, baseline.samples);
  c.u = test.u;
  c.exact = test.exact;
  c.p_value = test.p_value;
  c.significant = test.p_value < k_alpha;
  c.small_sample = c.n_baseline < k_small_sample || c.n_candidate < k_small_sample;
  return c;
}

std::vector<model::Comparison> sweep_comparisons(const std::vector<model::GroupStats>& groups,
                                                 const std::string& primary) {
  std::vector<std::string> metrics{primary};
  if (primary == "throughput") {
    metrics.emplace_back("ttft");
  } else if (primary == "ttft") {
    metrics.emplace_back("throughput");
  }
  std::vector<model::Comparison> all;
  for (const auto& metric : metrics) {
    compare_pairs(groups, metric, all);
    compare_to_best(groups, metric, all);
  }
  // A pair found both ways (the best configuration is also one side of an A/B pair) is kept once,
  // in its A/B orientation, which names the baseline the corpus itself chose.
  std::vector<model::Comparison> out;
  for (auto& c : all) {
    const bool seen = std::any_of(out.begin(), out.end(), [&](const model::Comparison& o) {
      return o.metric == c.metric && ((o.baseline == c.baseline && o.candidate == c.candidate) ||
                                      (o.baseline == c.candidate && o.candidate == c.baseline));
    });
    if (!seen) {
      out.push_back(std::move(c));
    }
  }
  return out;
}

}  // namespace chimera::analyze
