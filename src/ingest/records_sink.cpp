#include "records_sink.hpp"

#include <algorithm>
#include <cmath>

#include "chimera/ingest/records_file.hpp"

namespace chimera::ingest::detail {

std::optional<std::string> RecordSink::add(RecordFields f) {
  if (f.experiment.empty()) {
    return "field \"experiment\" is empty";
  }
  if (f.column.empty()) {
    return "field \"column\" is empty";
  }
  const auto kind = metric_kind_named(f.kind);
  if (!kind) {
    return "unknown kind \"" + std::string(f.kind) + "\"";
  }
  const auto direction = direction_named(f.direction);
  if (!direction) {
    return "unknown direction \"" + std::string(f.direction) + "\" (higher, lower or none)";
  }
  if (f.failed || !f.value || !std::isfinite(*f.value) || !model::is_compared(*kind, *direction)) {
    return std::nullopt;  // a valid record that no comparison reads
  }
  std::sort(f.config.begin(), f.config.end());
  const auto [e, new_experiment] =
      m_experiments.try_emplace(std::string(f.experiment), m_baseline.experiments.size());
  if (new_experiment) {
    m_baseline.experiments.push_back({std::string(f.experiment), {}});
  }
  m_key.assign(std::to_string(e->second));
  for (const auto& [name, value] : f.config) {
    m_key.append("\x1f").append(name).append("\x1e").append(value);
  }
  auto& experiment = m_baseline.experiments[e->second];
  const std::size_t config_key = m_key.size();
  m_key.append("\x1f\x1f").append(f.column);
  const auto [s, new_sample] = m_samples.try_emplace(m_key, std::pair<std::size_t, std::size_t>{});
  if (new_sample) {
    m_key.resize(config_key);
    const auto [config, new_config] =
        m_configurations.try_emplace(m_key, experiment.configurations.size());
    if (new_config) {
      experiment.configurations.push_back({f.config, {}});
    }
    const std::size_t c = config->second;
    auto& metrics = experiment.configurations[c].metrics;
    metrics.push_back({std::string(f.column), *kind, std::string(f.unit), *direction, {}});
    s->second = {c, metrics.size() - 1};
  }
  experiment.configurations[s->second.first].metrics[s->second.second].values.push_back(*f.value);
  return std::nullopt;
}

model::Baseline RecordSink::finish() {
  model::normalize(m_baseline);
  m_samples.clear();
  m_configurations.clear();
  m_experiments.clear();
  return std::move(m_baseline);
}

}  // namespace chimera::ingest::detail
