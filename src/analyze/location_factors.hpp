#pragma once

// The settings an experiment's locations spell (varying path parts, arms of wide records), minus
// those the data already says or that only number replicates. Internal to analyze/.

#include <map>
#include <set>
#include <string>
#include <vector>

#include "chimera/analyze/locations.hpp"
#include "chimera/analyze/records.hpp"

namespace chimera::analyze::detail {

// A setting read off the locations: a varying part of the path or an arm of a wide record.
struct Candidate {
  std::string name;
  std::string origin;               // "path" or "arm"
  std::vector<std::string> values;  // per member, "" when its location does not set it
};

// What one record set holds of the experiment's settings.
struct MemberData {
  std::map<std::string, std::vector<const SettingRef*>> refs;  // data settings by name
  std::map<std::string, std::set<std::string>> distinct;       // their values over its runs
  std::size_t rows = 0;
};

// The location settings of `pattern` (one value per member), minus those that only number
// replicates (their notes go to `replicates`, inside files, or `path_replicates`, in the path)
// or that a data setting of `data_names` says too.
[[nodiscard]] std::vector<Candidate> location_settings(const LocationPattern& pattern,
                                                       const std::vector<MemberData>& data,
                                                       const std::set<std::string>& data_names,
                                                       std::vector<std::string>& replicates,
                                                       std::vector<std::string>& path_replicates);

}  // namespace chimera::analyze::detail
