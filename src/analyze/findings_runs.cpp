#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <unordered_map>

#include "chimera/analyze/findings.hpp"
#include "chimera/analyze/format.hpp"
#include "chimera/util/sort.hpp"

namespace chimera::analyze {
namespace {

constexpr std::size_t k_interval_min_n = 6;

std::string plural(std::size_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

void failed_runs(const FindingsInput& in, std::vector<model::Finding>& out) {
  struct Failed {
    std::vector<model::Evidence> rows;  // the first k_max_evidence
    std::size_t count = 0;
  };
  std::map<std::string, Failed> by_reason;
  for (const auto& planned : in.experiments) {
    for (const auto& member : planned.members) {
      const auto& set = in.sets[member.set];
      if (set.samples) {
        continue;
      }
      const auto& table = in.corpus.tables[set.tables.front()];
      for (std::size_t row = 0; row < table.rows(); ++row) {
        if (member.configuration_of(row) == k_not_a_run || !member.failed(row)) {
          continue;
        }
        auto& failed = by_reason[failure_reason(in.corpus, set, row)];
        if (failed.count++ < k_max_evidence) {
          failed.rows.push_back(row_evidence(table, row, ""));
        }
      }
    }
  }
  for (auto& [reason, failed] : by_reason) {
    const std::size_t n = failed.count;
    model::Finding f;
    f.id = "failed-run";
    f.count = n;
    f.severity = model::Severity::warning;
    f.message = std::to_string(n);
    f.message += n > 1 ? " failed runs (" : " failed run (";
    f.message += reason;
    f.message += ") excluded from statistics; fix the cause and re-run ";
    f.message += n > 1 ? "them" : "it";
    set_evidence(f, std::move(failed.rows), n);
    out.push_back(std::move(f));
  }
}

// The bits of a row's series values (missing ones as NaN's bits), when two or more are finite.
bool row_bits(const model::Table& table, const RecordSet& set, std::size_t row,
              std::vector<std::uint64_t>& bits) {
  bits.clear();
  std::size_t finite = 0;
  for (const auto& s : set.series) {
    const auto& numbers = table.columns[s.column].numbers;
    const double v = row < numbers.size() ? numbers[row] : std::numeric_limits<double>::quiet_NaN();
    finite += std::isfinite(v) ? 1U : 0U;
    bits.push_back(std::isnan(v) ? 0x7ff8000000000000ULL : std::bit_cast<std::uint64_t>(v));
  }
  return finite >= 2;
}

std::uint64_t mix(std::uint64_t h, std::uint64_t bits) {
  h = (h ^ bits) * 1099511628211ULL;
  return h ^ (h >> 29);
}

// Each row's hash of its configuration and series values, and how many of them are finite (up
// to 2), read column by column.
void row_hashes(const model::Table& table, const RecordSet& set, const Member& member,
                std::vector<std::uint64_t>& hashes, std::vector<std::uint8_t>& finite) {
  const std::size_t rows = table.rows();
  hashes.resize(rows);
  finite.assign(rows, 0);
  for (std::size_t r = 0; r < rows; ++r) {
    hashes[r] = 14695981039346656037ULL ^ member.configuration_of(r);
  }
  for (const auto& s : set.series) {
    const auto& numbers = table.columns[s.column].numbers;
    for (std::size_t r = 0; r < rows; ++r) {
      const double v = r < numbers.size() ? numbers[r] : std::numeric_limits<double>::quiet_NaN();
      if (std::isfinite(v) && finite[r] < 2) {
        ++finite[r];
      }
      hashes[r] =
          mix(hashes[r], std::isnan(v) ? 0x7ff8000000000000ULL : std::bit_cast<std::uint64_t>(v));
    }
  }
}

void duplicate_rows(const FindingsInput& in, std::vector<model::Finding>& out) {
  std::vector<model::Evidence> found;  // the rows first in table order
  std::size_t count = 0;
  std::vector<std::uint64_t> bits;
  std::vector<std::uint64_t> other;
  std::vector<std::uint64_t> hashes;
  std::vector<std::uint8_t> finite;
  std::vector<util::Keyed> keyed;
  std::vector<std::pair<std::size_t, std::size_t>> repeats;  // row, the earlier row it repeats
  for (const auto& planned : in.experiments) {
    for (const auto& member : planned.members) {
      const auto& set = in.sets[member.set];
      if (set.samples) {
        continue;
      }
      const auto& table = in.corpus.tables[set.tables.front()];
      row_hashes(table, set, member, hashes, finite);
      keyed.clear();
      for (std::size_t r = 0; r < table.rows(); ++r) {
        if (member.configuration_of(r) != k_not_a_run && !member.failed(r) && finite[r] >= 2) {
          keyed.push_back({hashes[r], r});
        }
      }
      // Rows by hash, in row order within a hash (a stable sort): equal rows are neighbours.
      util::sort_by_key(keyed);
      repeats.clear();
      for (std::size_t i = 0; i < keyed.size();) {
        std::size_t j = i + 1;
        while (j < keyed.size() && keyed[j].key == keyed[i].key) {
          ++j;
        }
        // Within a run of equal hashes, each row against the earlier ones (the first matches
        // unless two different rows share a hash).
        for (std::size_t k = i + 1; k < j; ++k) {
          const auto r = static_cast<std::size_t>(keyed[k].value);
          row_bits(table, set, r, bits);
          for (std::size_t e = i; e < k; ++e) {
            const auto earlier = static_cast<std::size_t>(keyed[e].value);
            row_bits(table, set, earlier, other);
            if (other == bits && member.configuration_of(earlier) == member.configuration_of(r)) {
              repeats.emplace_back(r, earlier);
              break;
            }
          }
        }
        i = j;
      }
      count += repeats.size();
      const std::size_t shown =
          std::min(repeats.size(), k_max_evidence - std::min(k_max_evidence, found.size()));
      std::partial_sort(repeats.begin(), repeats.begin() + static_cast<std::ptrdiff_t>(shown),
                        repeats.end());
      for (std::size_t i = 0; i < shown; ++i) {
        found.push_back(row_evidence(table, repeats[i].first,
                                     "repeats " + table.row_location(repeats[i].second)));
      }
    }
  }
  if (count > 0) {
    model::Finding f;
    f.id = "duplicate-rows";
    f.count = count;
    f.severity = model::Severity::warning;
    f.message = std::to_string(count) + " row" + (count > 1 ? "s repeat" : " repeats") +
                " an earlier row's configuration and every metric value; remove the copies or "
                "confirm they are distinct runs";
    set_evidence(f, std::move(found), count);
    out.push_back(std::move(f));
  }
}

// The configurations of one experiment with too few runs, and the experiments that restate them.
struct Samples {
  std::vector<model::Evidence> single;
  std::vector<model::Evidence> few;
  std::set<std::string> restated_in;  // names of later experiments with the same configurations
};

// Configurations' sample sizes say something only of runs: a summary of means or a Markdown
// document has one row per configuration by design. A run that states its own means (a run's
// average TTFT over its requests) is still one run. A configuration restated by a
// later experiment (a CSV and a JSON of the same runs) is counted once, where first seen: its key
// is what was run, how often and the median it gave, `first` maps it to that experiment.
Samples sample_sizes(const std::vector<PlannedExperiment>& experiments, std::size_t x,
                     std::unordered_map<std::string, std::size_t>& first,
                     std::vector<Samples>& earlier) {
  Samples out;
  const auto& e = experiments[x].experiment;
  if (!e.headline || e.origin != "measurements") {
    return out;
  }
  const auto& metric = e.metrics[*e.headline];
  for (const auto& r : e.ranking) {
    const auto& configuration = e.configurations[r.configuration];
    const auto* s = configuration.summary_of(*e.headline);
    if (s->n >= k_interval_min_n) {
      continue;
    }
    const std::string key = std::string(model::to_string(metric.kind)) + "|" +
                            format_key(e.description(r.configuration)) + "|" +
                            std::to_string(s->n) + "|" + format_number(s->median);
    const auto [at, added] = first.emplace(key, x);
    if (!added) {
      if (at->second != x) {
        earlier[at->second].restated_in.insert(e.name);
        continue;
      }
    }
    model::Evidence item;
    if (configuration.sources.size() == 1) {
      item.source = configuration.sources.front();
    }
    item.locator = e.label(r.configuration);
    item.column = metric.column;
    item.value = s->median;
    item.unit = metric.unit;
    item.text = e.label(r.configuration) + ": n = " + std::to_string(s->n) + ", " + metric.column +
                " " + format_value(s->median, metric.unit);
    (s->n == 1 ? out.single : out.few).push_back(std::move(item));
  }
  return out;
}

// " (also in `b.json#/runs`)", or "" when no later experiment restates these configurations.
std::string also_in(const std::set<std::string>& names) {
  if (names.empty()) {
    return "";
  }
  std::string out;
  for (const auto& name : names) {
    out += (out.empty() ? " (also in `" : ", `") + name + "`";
  }
  return out + ")";
}

void sample_findings(const model::Experiment& e, Samples& samples,
                     std::vector<model::Finding>& out) {
  const auto& metric = e.metrics[*e.headline];
  const std::string where = " of `" + e.name + "`" + also_in(samples.restated_in);
  auto& single = samples.single;
  auto& few = samples.few;
  if (!single.empty()) {
    model::Finding f;
    f.id = "single-sample";
    f.count = single.size();
    f.severity = model::Severity::warning;
    f.message = plural(single.size(), "configuration", "configurations") + where +
                (single.size() > 1 ? " have" : " has") + " a single " + metric.column +
                " run; re-run " + (single.size() > 1 ? "them" : "it") +
                " at least 6 times before ranking";
    set_evidence(f, std::move(single));
    out.push_back(std::move(f));
  }
  if (!few.empty()) {
    model::Finding f;
    f.id = "few-samples";
    f.count = few.size();
    f.severity = model::Severity::info;
    f.message = plural(few.size(), "configuration", "configurations") + where +
                (few.size() > 1 ? " have" : " has") + " 2 to 5 " + metric.column +
                " runs, too few for a 95% median interval; re-run " +
                (few.size() > 1 ? "them" : "it") + " to at least 6";
    set_evidence(f, std::move(few));
    out.push_back(std::move(f));
  }
}

}  // namespace

std::vector<model::Finding> run_findings(const FindingsInput& in) {
  std::vector<model::Finding> out;
  failed_runs(in, out);
  duplicate_rows(in, out);
  std::unordered_map<std::string, std::size_t> first;
  std::vector<Samples> samples(in.experiments.size());
  for (std::size_t x = 0; x < in.experiments.size(); ++x) {
    samples[x] = sample_sizes(in.experiments, x, first, samples);
  }
  for (std::size_t x = 0; x < in.experiments.size(); ++x) {
    if (!samples[x].single.empty() || !samples[x].few.empty()) {
      sample_findings(in.experiments[x].experiment, samples[x], out);
    }
  }
  return out;
}

}  // namespace chimera::analyze
