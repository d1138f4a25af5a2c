#include "location_factors.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "chimera/analyze/names.hpp"

namespace chimera::analyze::detail {
namespace {

bool same_value(const std::string& a, const std::string& b) {
  double x = 0;
  double y = 0;
  const auto rx = std::from_chars(a.data(), a.data() + a.size(), x);
  const auto ry = std::from_chars(b.data(), b.data() + b.size(), y);
  if (rx.ec == std::errc() && rx.ptr == a.data() + a.size() && ry.ec == std::errc() &&
      ry.ptr == b.data() + b.size()) {
    return x == y || std::fabs(x - y) <= 1e-6 * std::max(std::fabs(x), std::fabs(y));
  }
  return normalize_name(a) == normalize_name(b);
}

// Whether a location's setting says what a data setting says: one name and equal values, or
// two names whose values map one to one ("arm" baseline/chimera and agent_type
// Baseline/Chimera) in every set that has both.
bool said_by_data(const Candidate& candidate, const std::string& name,
                  const std::vector<MemberData>& data) {
  std::map<std::string, std::set<std::string>> forward;
  std::map<std::string, std::set<std::string>> backward;
  bool covered = true;
  bool equal = true;
  for (std::size_t m = 0; m < data.size(); ++m) {
    const auto& p = candidate.values[m];
    if (p.empty()) {
      continue;
    }
    const auto it = data[m].distinct.find(name);
    if (it == data[m].distinct.end() || it->second.empty()) {
      covered = false;
      continue;
    }
    for (const auto& d : it->second) {
      forward[p].insert(d);
      backward[d].insert(p);
      equal = equal && same_value(p, d);
    }
  }
  if (forward.empty()) {
    return false;
  }
  if (candidate.name == name) {
    return equal;
  }
  const auto one = [](const auto& map) {
    return std::all_of(map.begin(), map.end(),
                       [](const auto& kv) { return kv.second.size() == 1; });
  };
  // One value on each side says nothing about the other ("backend-vllm/" and model=llama3).
  return covered && forward.size() >= 2 && one(forward) && one(backward);
}

bool one_to_one(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::map<std::string, std::string> forward;
  std::map<std::string, std::string> backward;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].empty() != b[i].empty()) {
      return false;
    }
    if (a[i].empty()) {
      continue;
    }
    const auto [f, f_added] = forward.emplace(a[i], b[i]);
    const auto [r, r_added] = backward.emplace(b[i], a[i]);
    if ((!f_added && f->second != b[i]) || (!r_added && r->second != a[i])) {
      return false;
    }
  }
  return forward.size() >= 2;  // one value each says nothing about the other
}

}  // namespace

std::vector<Candidate> location_settings(const LocationPattern& pattern,
                                         const std::vector<MemberData>& data,
                                         const std::set<std::string>& data_names,
                                         std::vector<std::string>& replicates,
                                         std::vector<std::string>& path_replicates) {
  std::vector<Candidate> found;
  // Settings spelled in the fixed parts of the path: "gpu80_ctx512/", "_temp0p8" beside a
  // varying part, "backend-vllm/". File extensions are not settings.
  for (std::size_t part = 0; part < pattern.in_file && part < pattern.parts.size(); ++part) {
    const auto& p = pattern.parts[part];
    for (std::string literal : {p.prefix, p.suffix}) {
      if (part + 1 == pattern.in_file) {
        if (const auto dot = literal.rfind('.'); dot != std::string::npos) {
          literal.erase(dot);
        }
      }
      for (auto& [name, value] : settings_in(literal)) {
        found.push_back({name, "path", std::vector<std::string>(data.size(), value)});
      }
    }
  }
  for (std::size_t v = 0; v < pattern.levels.size(); ++v) {
    const std::size_t part = pattern.part_of[v];
    const bool in_file = part >= pattern.in_file;
    const auto parsed = parse_levels(pattern.levels[v], part_context(pattern, part), in_file);
    if (parsed.replicate) {
      (in_file ? replicates : path_replicates)
          .push_back(parsed.replicate_note + (in_file ? " inside the files" : " in the path"));
      continue;
    }
    for (const auto& setting : parsed.settings) {
      found.push_back({setting.name, in_file ? "arm" : "path", setting.values});
    }
  }
  std::vector<Candidate> kept;
  for (auto& candidate : found) {
    const bool said = std::any_of(data_names.begin(), data_names.end(), [&](const auto& name) {
      return said_by_data(candidate, name, data);
    });
    const bool repeated = std::any_of(kept.begin(), kept.end(), [&](const Candidate& k) {
      return k.name == candidate.name || one_to_one(k.values, candidate.values);
    });
    if (said || repeated) {
      continue;
    }
    if (data_names.count(candidate.name) != 0) {
      candidate.name += "_" + candidate.origin;
    }
    kept.push_back(std::move(candidate));
  }
  return kept;
}

}  // namespace chimera::analyze::detail
