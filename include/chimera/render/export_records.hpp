#pragma once

#include <string>
#include <vector>

#include "chimera/model/changes.hpp"
#include "chimera/model/config.hpp"

namespace chimera::render {

// Writes Observations as `chimera export` records, one a line:
// - jsonl: {"experiment", "source", "locator", "config": {setting: value}, "replicate",
//   "column", "kind", "unit", "direction", "value", "failed"}; text that is not UTF-8 has its bad
//   bytes replaced by U+FFFD.
// - csv: a header, then the same fields with one "config.<setting>" column per setting name
//   (empty where a configuration does not have it), quoted as RFC 4180 says when they hold a
//   comma, a quote or a line break.
// Values are written in the shortest form that reads back as the same double.
class RecordWriter {
 public:
  RecordWriter(model::ExportFormat format, std::vector<std::string> settings);

  // The header line (CSV), or "" (JSON Lines).
  [[nodiscard]] std::string header() const;
  // Appends the record of `o` and its line break to `out`.
  void append(const model::Observation& o, std::string& out);

 private:
  void append_json(const model::Observation& o, std::string& out);
  void append_csv(const model::Observation& o, std::string& out);

  model::ExportFormat m_format;
  std::vector<std::string> m_settings;
  // The last configuration and experiment written, and their text: runs come in groups.
  const model::GroupKey* m_config = nullptr;
  std::string m_config_text;
  const std::string* m_experiment = nullptr;
  std::string m_experiment_text;
};

}  // namespace chimera::render
