#include "chimera/model/analysis.hpp"

#include <algorithm>

namespace chimera::model {

GroupKey Experiment::key(std::size_t configuration) const {
  GroupKey out;
  const auto& values = configurations.at(configuration).values;
  for (std::size_t f = 0; f < factors.size() && f < values.size(); ++f) {
    if (!values[f].empty()) {
      out.emplace_back(factors[f].name, values[f]);
    }
  }
  return out;
}

GroupKey Experiment::description(std::size_t configuration) const {
  GroupKey out = key(configuration);
  const auto& has = configurations.at(configuration).has_fixed;
  for (std::size_t i = 0; i < fixed.size(); ++i) {
    if (i < has.size() && has[i]) {
      out.push_back(fixed[i]);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string Experiment::label(std::size_t configuration) const {
  std::string out;
  for (const auto& [factor, value] : key(configuration)) {
    if (!out.empty()) {
      out += ", ";
    }
    out.append(factor).append("=").append(value);
  }
  return out.empty() ? "all runs" : out;
}

std::string_view to_string(ClaimVerdict verdict) {
  switch (verdict) {
    case ClaimVerdict::supported:
      return "supported";
    case ClaimVerdict::contradicted:
      return "contradicted";
    case ClaimVerdict::unmatched:
      return "unmatched";
  }
  return "unmatched";
}

std::string_view to_string(DocumentUse use) {
  switch (use) {
    case DocumentUse::restates:
      return "restates";
    case DocumentUse::unverified:
      return "unverified";
    case DocumentUse::measurement:
      return "measurement";
    case DocumentUse::no_metrics:
      return "no_metrics";
  }
  return "no_metrics";
}

}  // namespace chimera::model
