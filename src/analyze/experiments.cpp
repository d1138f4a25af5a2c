#include "chimera/analyze/experiments.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <optional>
#include <set>

#include "chimera/analyze/locations.hpp"
#include "chimera/analyze/names.hpp"
#include "chimera/util/parallel.hpp"
#include "experiment_factors.hpp"

namespace chimera::analyze {
namespace {

std::optional<double> as_number(const std::string& text) {
  double value = 0;
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || text.empty()) {
    return std::nullopt;
  }
  return value;
}

// A stable id: FNV-1a of the name, so that the same experiment has the same id in every report.
std::string stable_id(const std::string& name) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (const char c : name) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  return fmt::format("e{:08x}", static_cast<std::uint32_t>(hash ^ (hash >> 32)));
}

int origin_rank(const std::string& origin) {
  return origin == "measurements" ? 0 : origin == "summaries" ? 1 : 2;
}

// Sets that can be one experiment: same kind of file, same metrics, locations of one shape.
std::string group_key(const RecordSet& set) {
  std::string key =
      fmt::format("{}|{}|{}|{}|{}|", set.kind == model::FileKind::markdown, set.samples,
                  set.location.segments.size(), set.location.in_file, set.location.heading);
  for (const auto& s : set.series) {
    key += s.key;
    key += ',';
  }
  return key;
}

// Splits sets of one signature where a varying segment of their paths is a plain label ("sweep",
// "grid") and the sets under each label differ in every other varying segment: two harness
// trees, not one experiment with a factor. Sets under "hostA/" and "hostB/" with the same layout
// below stay one experiment, "hostA" and "hostB" its levels.
std::vector<std::vector<std::size_t>> split_by_label(const std::vector<RecordSet>& sets,
                                                     const std::vector<std::size_t>& members) {
  constexpr std::size_t k_max_labels = 8;
  std::vector<const Location*> locations;
  for (const auto i : members) {
    locations.push_back(&sets[i].location);
  }
  const auto pattern = common_pattern(locations);
  for (std::size_t v = 0; v < pattern.levels.size(); ++v) {
    const std::size_t part = pattern.part_of[v];
    if (part >= pattern.in_file) {
      continue;
    }
    const auto parsed = parse_levels(pattern.levels[v], part_context(pattern, part), false);
    if (parsed.replicate || parsed.settings.size() != 1 || parsed.settings[0].name != "variant") {
      continue;
    }
    std::map<std::string, std::vector<std::size_t>> by_label;
    for (std::size_t m = 0; m < members.size(); ++m) {
      by_label[pattern.levels[v][m]].push_back(m);
    }
    if (by_label.size() < 2 || by_label.size() > k_max_labels) {
      continue;
    }
    bool apart = false;
    for (std::size_t q = 0; q < pattern.levels.size() && !apart; ++q) {
      if (q == v) {
        continue;
      }
      std::map<std::string, std::string> label_of_level;
      bool disjoint = true;
      for (const auto& [label, indices] : by_label) {
        for (const auto m : indices) {
          const auto [it, added] = label_of_level.emplace(pattern.levels[q][m], label);
          disjoint = disjoint && (added || it->second == label);
        }
      }
      apart = disjoint;
    }
    if (!apart) {
      continue;
    }
    std::vector<std::vector<std::size_t>> out;
    for (const auto& [label, indices] : by_label) {
      std::vector<std::size_t> subset;
      for (const auto m : indices) {
        subset.push_back(members[m]);
      }
      for (auto& group : split_by_label(sets, subset)) {
        out.push_back(std::move(group));
      }
    }
    return out;
  }
  return {members};
}

}  // namespace

bool value_less(const std::string& a, const std::string& b) {
  if (a.empty() != b.empty()) {
    return b.empty();
  }
  const auto x = as_number(a);
  const auto y = as_number(b);
  if (x && y && *x != *y) {
    return *x < *y;
  }
  if (x.has_value() != y.has_value()) {
    return x.has_value();
  }
  return a < b;
}

std::vector<PlannedExperiment> plan_experiments(const model::Corpus& corpus,
                                                const std::vector<RecordSet>& sets,
                                                const std::vector<bool>& counts, unsigned jobs) {
  std::map<std::string, std::vector<std::size_t>> groups;
  for (std::size_t i = 0; i < sets.size(); ++i) {
    if (counts[i]) {
      groups[group_key(sets[i])].push_back(i);
    }
  }
  std::vector<std::vector<std::size_t>> split;
  for (const auto& [key, members] : groups) {
    for (auto& group : split_by_label(sets, members)) {
      split.push_back(std::move(group));
    }
  }
  std::vector<PlannedExperiment> out(split.size());
  util::parallel_for(split.size(), jobs,
                     [&](std::size_t g) { out[g] = detail::plan_group(corpus, sets, split[g]); });
  // Two experiments with one pattern (a harness that changed its columns) are told apart by
  // their metrics.
  std::map<std::string, std::size_t> names;
  for (const auto& p : out) {
    ++names[p.experiment.name];
  }
  for (auto& p : out) {
    if (names[p.experiment.name] > 1) {
      std::string metrics;
      for (const auto& m : p.experiment.metrics) {
        metrics += (metrics.empty() ? "" : ", ") + m.column;
      }
      p.experiment.name += " (" + metrics + ")";
    }
    p.experiment.id = stable_id(p.experiment.name);
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    const auto& x = a.experiment;
    const auto& y = b.experiment;
    if (origin_rank(x.origin) != origin_rank(y.origin)) {
      return origin_rank(x.origin) < origin_rank(y.origin);
    }
    if (x.runs != y.runs) {
      return x.runs > y.runs;
    }
    return x.name < y.name;
  });
  return out;
}

}  // namespace chimera::analyze
