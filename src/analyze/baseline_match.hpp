#pragma once

// Which configuration of a baseline experiment is which of the current one. Internal to analyze/.

#include <vector>

#include "chimera/model/analysis.hpp"
#include "chimera/model/changes.hpp"

namespace chimera::analyze::detail {

struct ConfigurationMatch {
  std::vector<model::GroupKey> configs;  // per current configuration: Experiment::description
  std::vector<const model::BaselineConfiguration*> match;  // its counterpart, or nullptr
  std::vector<model::ConfigurationRef> added;
  std::vector<model::ConfigurationRef> removed;
  std::vector<model::SettingChange> settings_changed;
};

// Matches configurations by the values of the settings that are factors on either side (a
// setting is a factor of the baseline when its configurations give it two or more values, unset
// counting as one). The other settings are fixed on both sides: a configuration matches whatever
// their values, and a fixed setting whose value differs is listed in settings_changed.
[[nodiscard]] ConfigurationMatch match_configurations(const model::Experiment& e,
                                                      const model::BaselineExperiment& old);

}  // namespace chimera::analyze::detail
