#pragma once

// Collects the records of an export into a Baseline. Internal to ingest/.

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "chimera/model/changes.hpp"

namespace chimera::ingest::detail {

// One record's fields as read, before they are checked.
struct RecordFields {
  std::string_view experiment;
  model::GroupKey config;  // any order
  std::string_view column;
  std::string_view kind;
  std::string_view unit;
  std::string_view direction;
  std::optional<double> value;  // null: no value
  bool failed = false;
};

class RecordSink {
 public:
  // Checks a record and keeps its value when it counts. Returns what is wrong with it, if
  // anything.
  [[nodiscard]] std::optional<std::string> add(RecordFields fields);
  // The baseline of every record added, normalised.
  [[nodiscard]] model::Baseline finish();

 private:
  model::Baseline m_baseline;
  std::unordered_map<std::string, std::size_t> m_experiments;
  // experiment index, config and column joined with \x1f: (configuration, sample) indices
  std::unordered_map<std::string, std::pair<std::size_t, std::size_t>> m_samples;
  // experiment index and config joined: configuration index
  std::unordered_map<std::string, std::size_t> m_configurations;
  std::string m_key;
};

}  // namespace chimera::ingest::detail
