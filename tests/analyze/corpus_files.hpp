#pragma once

#include <string>
#include <utility>
#include <vector>

#include "chimera/analyze/analyze.hpp"
#include "chimera/discover/discover.hpp"
#include "chimera/ingest/ingest.hpp"
#include "chimera/model/analysis.hpp"
#include "support/process.hpp"

namespace chimera::analyze::testing {

using Files = std::vector<std::pair<std::string, std::string>>;

// Writes `files` (relative path, content) into a fresh directory, then discovers, ingests and
// analyses it as `chimera analyze` does.
inline model::Analysis analyze_files(const Files& files) {
  const test::TempDir dir;
  for (const auto& [path, content] : files) {
    dir.write(path, content);
  }
  model::Config config;
  config.root = dir.path();
  config.jobs = 1;
  std::vector<model::Diagnostic> diagnostics;
  auto found = discover::discover(config, diagnostics);
  const auto corpus = ingest::ingest(config, std::move(found), std::move(diagnostics));
  return analyze(corpus);
}

// The experiment named `name`, or nullptr.
inline const model::Experiment* experiment_named(const model::Analysis& a,
                                                 const std::string& name) {
  for (const auto& e : a.experiments) {
    if (e.name == name) {
      return &e;
    }
  }
  return nullptr;
}

// The names of the experiment's factors, in order.
inline std::vector<std::string> factor_names(const model::Experiment& e) {
  std::vector<std::string> out;
  for (const auto& f : e.factors) {
    out.push_back(f.name);
  }
  return out;
}

// The levels of factor `name`, or nothing.
inline std::vector<std::string> levels_of(const model::Experiment& e, const std::string& name) {
  for (const auto& f : e.factors) {
    if (f.name == name) {
      return f.levels;
    }
  }
  return {};
}

// The configuration whose factor values are exactly `key` (unset factors left out).
inline const model::Configuration* configuration(const model::Experiment& e,
                                                 const model::GroupKey& key) {
  for (std::size_t c = 0; c < e.configurations.size(); ++c) {
    if (e.key(c) == key) {
      return &e.configurations[c];
    }
  }
  return nullptr;
}

// The number of runs of configuration `key` with a value of the headline metric.
inline std::size_t headline_n(const model::Experiment& e, const model::GroupKey& key) {
  const auto* c = configuration(e, key);
  if (c == nullptr || !e.headline) {
    return 0;
  }
  const auto* s = c->summary_of(*e.headline);
  return s == nullptr ? 0 : s->n;
}

// Every factor value and fixed value of every experiment, to check that none is prose.
inline std::vector<std::string> every_setting_value(const model::Analysis& a) {
  std::vector<std::string> out;
  for (const auto& e : a.experiments) {
    for (const auto& f : e.factors) {
      out.insert(out.end(), f.levels.begin(), f.levels.end());
    }
    for (const auto& [name, value] : e.fixed) {
      out.push_back(value);
    }
  }
  return out;
}

}  // namespace chimera::analyze::testing
