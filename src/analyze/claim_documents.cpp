#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <tuple>
#include <unordered_map>

#include "chimera/analyze/claims.hpp"
#include "chimera/analyze/stats.hpp"
#include "chimera/util/number.hpp"

namespace chimera::analyze {
namespace {

// Claims judged per corpus: a generated corpus of thousands of reports restates the same
// tables over and over; beyond this the rest of its documents are not read.
constexpr std::size_t k_max_claims = 10'000;
// Single runs offered as statistics up to this many runs: a claim equal to one run of many is
// more likely chance than a restatement.
constexpr std::size_t k_single_runs = 64;

// One run's value of a metric and the file it came from.
struct RunValue {
  double value = 0;
  std::uint32_t file = 0;
};

// The runs of every configuration of one metric of one experiment, in run order (file order,
// then row order): the first of a configuration's runs in a file is its cold one.
using RunsByConfig = std::vector<std::vector<RunValue>>;

RunsByConfig gather(const model::Corpus& corpus, const std::vector<RecordSet>& sets,
                    const PlannedExperiment& planned, std::size_t metric) {
  RunsByConfig runs(planned.experiment.configurations.size());
  for (const auto& member : planned.members) {
    const auto& set = sets[member.set];
    for (std::size_t i = 0; i < set.series.size(); ++i) {
      if (member.metric_of[i] != metric) {
        continue;
      }
      const auto& table = corpus.tables[set.series[i].table];
      const auto& numbers = table.columns[set.series[i].column].numbers;
      const std::size_t rows = std::min(numbers.size(), table.rows());
      for (std::size_t r = 0; r < rows; ++r) {
        const std::uint32_t c = set.samples ? member.constant : member.configuration_of(r);
        if (c == k_not_a_run || c >= runs.size() || (!set.samples && member.failed(r))) {
          continue;
        }
        if (const double v = numbers[r]; std::isfinite(v)) {
          runs[c].push_back({v, set.file});
        }
      }
    }
  }
  return runs;
}

// The statistics of `values` (in run order) onto `out`. The order statistics are selected, not
// sorted for: a configuration of a big sweep has tens of thousands of runs.
void add_summary(std::vector<NamedStat>& out, std::span<const double> values,
                 std::string_view prefix, bool with_sum) {
  if (values.empty()) {
    return;
  }
  const std::string p(prefix);
  const std::size_t n = values.size();
  double sum = 0;
  for (const double v : values) {
    sum += v;
    if (n <= k_single_runs) {
      out.push_back({p + "single run", v, n});
    }
  }
  std::vector<double> scratch(values.begin(), values.end());
  const auto s = summarize_in_place(scratch);
  for (const auto& [name, value] : {std::pair<const char*, double>{"mean", s.mean},
                                    {"median", s.median},
                                    {"min", s.min},
                                    {"max", s.max},
                                    {"p05", s.p05},
                                    {"p95", s.p95},
                                    {"stddev", s.stddev},
                                    {"cv", s.cv * 100.0}}) {
    out.push_back({p + name, value, s.n});
  }
  if (with_sum && n > 1) {
    out.push_back({p + "total", sum, n});
  }
}

}  // namespace

model::Claims check_documents(const model::Corpus& corpus, const std::vector<RecordSet>& sets,
                              const std::vector<PlannedExperiment>& planned) {
  model::Claims claims;
  if (corpus.passages.empty()) {
    return claims;
  }
  std::vector<model::Experiment> experiments;
  experiments.reserve(planned.size());
  for (const auto& p : planned) {
    experiments.push_back(p.experiment);
  }
  // Runs are gathered once per experiment and metric a claim asks about.
  std::map<std::pair<std::size_t, std::size_t>, RunsByConfig> cache;
  // Each configuration's statistics are computed once per scope: a corpus's reports restate
  // the same few configurations many times.
  std::map<std::string, std::size_t> scope_ids;
  std::map<std::tuple<std::size_t, std::size_t, std::size_t, std::size_t>, std::vector<NamedStat>>
      memo;
  const StatsOf stats = [&](std::size_t e, std::size_t m, std::size_t c,
                            const std::string& scope) -> const std::vector<NamedStat>& {
    const std::size_t scope_id = scope_ids.try_emplace(scope, scope_ids.size()).first->second;
    auto [at, fresh] = memo.try_emplace({e, m, c, scope_id});
    if (!fresh) {
      return at->second;
    }
    auto [it, added] = cache.try_emplace({e, m});
    if (added) {
      it->second = gather(corpus, sets, planned[e], m);
    }
    std::vector<double> values;
    for (const auto& run : it->second[c]) {
      if (corpus.files[run.file].path.starts_with(scope)) {
        values.push_back(run.value);
      }
    }
    auto& out = at->second;
    const bool tokens = experiments[e].metrics[m].kind == model::MetricKind::tokens;
    add_summary(out, values, "", tokens);
    if (values.size() >= 2) {
      add_summary(out, std::span<const double>(values).subspan(1), "warm ", tokens);
    }
    return out;
  };
  std::string_view header;
  model::Symbol header_source;
  ClaimPlace last_place{"\n", "\n"};
  PlaceContext last_context;
  for (const auto& passage : corpus.passages) {
    if (passage.kind == model::PassageKind::table_header) {
      header = passage.text;
      header_source = passage.source;
      continue;
    }
    if (claims.items.size() >= k_max_claims) {
      break;
    }
    const bool row = passage.kind == model::PassageKind::table_row;
    const auto found = claims_in(
        passage, row && header_source.id() == passage.source.id() ? header : std::string_view{});
    if (found.empty()) {
      continue;
    }
    const ClaimPlace place{std::string(passage.source.view()), passage.heading};
    // Passages under one heading of one document share its context.
    if (place.source != last_place.source || place.heading != last_place.heading) {
      last_place = place;
      last_context = place_context(place);
    }
    for (const auto& text_claim : found) {
      auto claim = judge_claim(text_claim, place, last_context, experiments, stats);
      claim.line = passage.line;
      claim.text = passage.text;
      claims.items.push_back(std::move(claim));
    }
  }
  for (const auto& claim : claims.items) {
    if (claims.documents.empty() || claims.documents.back().source != claim.source) {
      claims.documents.push_back({claim.source, 0, 0, 0});
    }
    auto& doc = claims.documents.back();
    switch (claim.verdict) {
      case model::ClaimVerdict::supported:
        ++doc.supported;
        ++claims.supported;
        break;
      case model::ClaimVerdict::contradicted:
        ++doc.contradicted;
        ++claims.contradicted;
        break;
      case model::ClaimVerdict::unmatched:
        ++doc.unmatched;
        ++claims.unmatched;
        break;
    }
  }
  claims.checked = claims.items.size();
  return claims;
}

StatsOf summary_stats(const std::vector<model::Experiment>& experiments) {
  auto memo = std::make_shared<
      std::map<std::tuple<std::size_t, std::size_t, std::size_t>, std::vector<NamedStat>>>();
  return [&experiments, memo](std::size_t e, std::size_t m, std::size_t c,
                              const std::string&) -> const std::vector<NamedStat>& {
    auto [at, fresh] = memo->try_emplace({e, m, c});
    auto& out = at->second;
    const auto* s = experiments[e].configurations[c].summary_of(m);
    if (!fresh || s == nullptr || s->n == 0) {
      return out;
    }
    if (s->n == 1) {
      out.push_back({"single run", s->mean, 1});
    }
    for (const auto& [name, value] : {std::pair<const char*, double>{"mean", s->mean},
                                      {"median", s->median},
                                      {"min", s->min},
                                      {"max", s->max},
                                      {"p05", s->p05},
                                      {"p95", s->p95},
                                      {"stddev", s->stddev},
                                      {"cv", s->cv * 100.0}}) {
      out.push_back({name, value, s->n});
    }
    return out;
  };
}

}  // namespace chimera::analyze
