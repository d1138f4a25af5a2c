#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <unordered_map>

#include "chimera/analyze/findings.hpp"
#include "chimera/analyze/format.hpp"
#include "chimera/analyze/names.hpp"
#include "chimera/util/sort.hpp"

namespace chimera::analyze {
namespace {

// A value far from its configuration's median: a cold start (the first run, on the bad side) or
// an outlier. Its key is what makes it one fact wherever it is written: the measured kind, the
// value and the median to 4 significant digits, so that a CSV, a JSON file and a copy that state
// the same runs give one finding.
struct Fact {
  std::size_t experiment = 0;
  std::uint32_t table = 0;
  std::uint32_t column = 0;
  std::size_t row = 0;
  double value = 0;
  double median = 0;
  double ratio = 0;
  double z = 0;
  bool cold = false;
  std::string key;
  bool restates = false;              // an earlier fact says the same
  std::vector<std::size_t> restated;  // the later facts that say the same as this one
};

// Median by selection: big configurations are common and a full sort per column is not needed.
double median_in_place(std::vector<double>& v) {
  const std::size_t n = v.size();
  const std::size_t lower = (n - 1) / 2;
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(lower), v.end());
  const double low = v[lower];
  if (n % 2 == 1) {
    return low;
  }
  return (low + *std::min_element(v.begin() + static_cast<std::ptrdiff_t>(lower) + 1, v.end())) / 2;
}

// One run's value of a metric: a row of a column of a table.
struct Point {
  std::uint32_t table = 0;
  std::uint32_t column = 0;
  std::size_t row = 0;
};

// The runs of one configuration in one metric, first run first.
void scan(const model::Corpus& corpus, const std::vector<Point>& points, model::Direction direction,
          std::size_t experiment, std::vector<Fact>& facts) {
  std::vector<double> values;
  std::vector<Point> at;
  double low = std::numeric_limits<double>::infinity();
  double high = -low;
  for (const auto& p : points) {
    const auto& numbers = corpus.tables[p.table].columns[p.column].numbers;
    const double v =
        p.row < numbers.size() ? numbers[p.row] : std::numeric_limits<double>::quiet_NaN();
    if (std::isfinite(v)) {
      values.push_back(v);
      at.push_back(p);
      low = std::min(low, v);
      high = std::max(high, v);
    }
  }
  // The median lies between the extremes: when they are within 1.25x of each other, no value is
  // 1.25x off the median, and no selection is needed to say so.
  if (values.size() < k_outlier_min_n || (low > 0 && high < k_outlier_ratio * low)) {
    return;
  }
  std::vector<double> work = values;
  const double median = median_in_place(work);
  // A value must be 1.25x off the median to be reported: when none is, the MAD is not needed.
  const bool any_far = std::any_of(values.begin(), values.end(), [&](double v) {
    const double ratio = v / median;
    return !(ratio < k_outlier_ratio && ratio > 1 / k_outlier_ratio);
  });
  if (!any_far || median == 0) {
    return;
  }
  for (auto& w : work) {
    w = std::fabs(w - median);
  }
  const double mad = median_in_place(work);
  double scale = mad / 0.6745;
  if (mad == 0) {
    double sum = 0;
    for (const double v : values) {
      sum += std::fabs(v - median);
    }
    scale = 1.253314 * sum / static_cast<double>(values.size());
  }
  if (scale == 0 || median == 0) {
    return;
  }
  for (std::size_t i = 0; i < values.size(); ++i) {
    const double z = (values[i] - median) / scale;
    const double ratio = values[i] / median;
    if (std::fabs(z) <= k_outlier_z || (ratio < k_outlier_ratio && ratio > 1 / k_outlier_ratio)) {
      continue;
    }
    const bool worse = direction == model::Direction::lower ? z > 0 : z < 0;
    Fact fact;
    fact.experiment = experiment;
    fact.table = at[i].table;
    fact.column = at[i].column;
    fact.row = at[i].row;
    fact.value = values[i];
    fact.median = median;
    fact.ratio = ratio;
    fact.z = z;
    fact.cold = i == 0 && worse;
    const auto& column = corpus.tables[at[i].table].columns[at[i].column];
    fact.key = std::string(model::to_string(column.kind())) + "|" + format_number(values[i]) + "|" +
               format_number(median) + (fact.cold ? "|cold" : "");
    facts.push_back(std::move(fact));
  }
}

model::Evidence fact_evidence(const model::Corpus& corpus, const Fact& f) {
  const auto& table = corpus.tables[f.table];
  const auto& column = table.columns[f.column];
  auto item = row_evidence(table, f.row,
                           column.name() + " " + format_value(f.value, column.unit()) +
                               ", median " + format_value(f.median, column.unit()) + " (" +
                               format_number(f.ratio) + "x), modified z " + format_number(f.z));
  item.column = column.name().str();
  item.value = f.value;
  item.unit = column.unit().str();
  item.reference = f.median;
  return item;
}

// Where the facts of a finding are restated: " (restated in a.json, b.md)" or "".
std::string restated_in(const model::Corpus& corpus, const std::vector<Fact>& facts,
                        const std::vector<std::size_t>& shown) {
  std::set<std::string> sources;
  for (const auto i : shown) {
    for (const auto r : facts[i].restated) {
      sources.insert(corpus.tables[facts[r].table].source.str());
    }
  }
  if (sources.empty()) {
    return "";
  }
  std::string out;
  std::size_t listed = 0;
  for (const auto& source : sources) {
    if (listed++ == 3) {
      out += " and " + std::to_string(sources.size() - 3) + " more";
      break;
    }
    out += (out.empty() ? "" : ", ") + source;
  }
  return "; restated in " + out;
}

// The evidence of a finding: its facts, then where each is restated, the first k_max_evidence.
std::vector<model::Evidence> fact_items(const model::Corpus& corpus, const std::vector<Fact>& facts,
                                        const std::vector<std::size_t>& of) {
  std::vector<model::Evidence> items;
  for (const auto i : of) {
    if (items.size() == k_max_evidence) {
      break;
    }
    items.push_back(fact_evidence(corpus, facts[i]));
  }
  for (const auto i : of) {
    for (const auto r : facts[i].restated) {
      if (items.size() == k_max_evidence) {
        return items;
      }
      auto item = fact_evidence(corpus, facts[r]);
      item.text = corpus.tables[facts[r].table].row_location(facts[r].row) + ": restates " +
                  corpus.tables[facts[i].table].row_location(facts[i].row);
      items.push_back(std::move(item));
    }
  }
  return items;
}

// Replicates written one file each (run_1/, run_2/, ...): a configuration's runs of a metric
// across its files, in the order of their paths, when no file holds two runs of one
// configuration (then the runs inside each file are scanned instead).
void replicate_files(const FindingsInput& in, std::size_t x, std::vector<Fact>& facts) {
  const auto& planned = in.experiments[x];
  const auto& e = planned.experiment;
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::vector<Point>> runs;  // (metric, config)
  for (const auto& member : planned.members) {
    const auto& set = in.sets[member.set];
    if (set.samples) {
      continue;
    }
    const auto t = set.tables.front();
    const auto& table = in.corpus.tables[t];
    std::map<std::uint32_t, std::size_t> row_of;
    for (std::size_t r = 0; r < table.rows(); ++r) {
      const auto c = member.configuration_of(r);
      if (c == k_not_a_run || member.failed(r)) {
        continue;
      }
      if (!row_of.emplace(c, r).second) {
        return;  // two runs of one configuration in one file: scanned per file
      }
    }
    for (std::size_t i = 0; i < set.series.size(); ++i) {
      const auto m = member.metric_of[i];
      const auto& metric = e.metrics[m];
      if (metric.direction == model::Direction::none || metric.aggregate ||
          !model::is_raw_measurement(metric.kind)) {
        continue;
      }
      for (const auto& [c, r] : row_of) {
        runs[{m, c}].push_back({t, set.series[i].column, r});
      }
    }
  }
  for (auto& [key, points] : runs) {
    std::stable_sort(points.begin(), points.end(), [&](const Point& a, const Point& b) {
      return util::natural_less(in.corpus.tables[a.table].source.str(),
                                in.corpus.tables[b.table].source.str());
    });
    scan(in.corpus, points, e.metrics[key.first].direction, x, facts);
  }
}

void outliers(const FindingsInput& in, std::vector<model::Finding>& out) {
  std::vector<Fact> facts;
  for (std::size_t x = 0; x < in.experiments.size(); ++x) {
    const auto& planned = in.experiments[x];
    const auto& e = planned.experiment;
    replicate_files(in, x, facts);
    for (const auto& member : planned.members) {
      const auto& set = in.sets[member.set];
      if (set.samples) {
        continue;
      }
      const auto t = set.tables.front();
      const auto& table = in.corpus.tables[t];
      std::map<std::uint32_t, std::vector<std::size_t>> rows_of;
      for (std::size_t r = 0; r < table.rows(); ++r) {
        const auto c = member.configuration_of(r);
        if (c != k_not_a_run && !member.failed(r)) {
          rows_of[c].push_back(r);
        }
      }
      for (std::size_t i = 0; i < set.series.size(); ++i) {
        const auto& metric = e.metrics[member.metric_of[i]];
        if (metric.direction == model::Direction::none || metric.aggregate ||
            !model::is_raw_measurement(metric.kind)) {
          continue;
        }
        for (const auto& [c, rows] : rows_of) {
          std::vector<Point> points;
          points.reserve(rows.size());
          for (const auto r : rows) {
            points.push_back({t, set.series[i].column, r});
          }
          scan(in.corpus, points, metric.direction, x, facts);
        }
      }
    }
  }
  // One voice per fact: the first statement of it (experiments most runs first) is the finding's,
  // the later ones are listed as where it is restated.
  std::unordered_map<std::string, std::size_t> first;
  for (std::size_t i = 0; i < facts.size(); ++i) {
    const auto [at, added] = first.emplace(facts[i].key, i);
    if (!added) {
      facts[i].restates = true;
      facts[at->second].restated.push_back(i);
    }
  }
  std::vector<std::vector<std::size_t>> cold(in.experiments.size());
  std::vector<std::vector<std::size_t>> other(in.experiments.size());
  for (std::size_t i = 0; i < facts.size(); ++i) {
    if (!facts[i].restates) {
      (facts[i].cold ? cold : other)[facts[i].experiment].push_back(i);
    }
  }
  for (std::size_t x = 0; x < in.experiments.size(); ++x) {
    const auto& e = in.experiments[x].experiment;
    if (!cold[x].empty()) {
      std::set<std::string> names;
      double worst = 0;
      for (const auto i : cold[x]) {
        const auto& f = facts[i];
        names.insert(leaf_name(in.corpus.tables[f.table].columns[f.column].name()));
        worst = std::max(worst, std::max(f.ratio, 1 / f.ratio));
      }
      std::string metrics;
      for (const auto& m : names) {
        metrics += (metrics.empty() ? "" : ", ") + m;
      }
      model::Finding f;
      f.id = "cold-start";
      f.severity = model::Severity::warning;
      const auto n = cold[x].size();
      f.count = n;
      f.message = std::to_string(n) + " first run" + (n > 1 ? "s" : "") + " in `" + e.name +
                  "` far from the rest of their configuration (" + metrics + ", up to " +
                  format_number(worst) + "x the median" + restated_in(in.corpus, facts, cold[x]) +
                  "): a cold start; drop warm-up runs or report them separately";
      auto items = fact_items(in.corpus, facts, cold[x]);
      std::size_t total = n;
      for (const auto i : cold[x]) {
        total += facts[i].restated.size();
      }
      set_evidence(f, std::move(items), total);
      out.push_back(std::move(f));
    }
    if (!other[x].empty()) {
      model::Finding f;
      f.id = "outlier";
      f.severity = model::Severity::info;
      const auto n = other[x].size();
      f.count = n;
      f.message = std::to_string(n) + " value" + (n > 1 ? "s" : "") + " in `" + e.name +
                  "` with |modified z| > 3.5, 1.25x or more off their configuration's median" +
                  restated_in(in.corpus, facts, other[x]) + "; check those runs";
      std::size_t total = n;
      for (const auto i : other[x]) {
        total += facts[i].restated.size();
      }
      set_evidence(f, fact_items(in.corpus, facts, other[x]), total);
      out.push_back(std::move(f));
    }
  }
}

const model::Column* first_of(const model::Table& table, const RecordSet& set,
                              model::MetricKind kind) {
  for (const auto& s : set.series) {
    const auto& c = table.columns[s.column];
    if (c.kind() == kind && !s.aggregate) {
      return &c;
    }
  }
  return nullptr;
}

const model::Column* generated_tokens(const model::Table& table, const RecordSet& set) {
  static const std::set<std::string> k_names{"eval_count", "tokens_generated", "completion_tokens",
                                             "output_tokens", "generated_tokens"};
  for (const auto& s : set.series) {
    if (k_names.count(normalize_name(leaf_name(table.columns[s.column].name()))) != 0) {
      return &table.columns[s.column];
    }
  }
  return nullptr;
}

double value_at(const model::Column* c, std::size_t row) {
  return c != nullptr && row < c->numbers.size() ? c->numbers[row]
                                                 : std::numeric_limits<double>::quiet_NaN();
}

struct Check {
  std::string id;
  std::string what;                       // the sentence's subject
  std::vector<model::Evidence> evidence;  // the first k_max_evidence rows
  std::size_t count = 0;
  double worst = 0;
};

// Adds the line `describe()` writes when the two values disagree; the line is only written then.
template <class Describe>
void add_if_inconsistent(Check& check, double stated, double derived, Describe describe) {
  if (!std::isfinite(stated) || !std::isfinite(derived) || stated == 0) {
    return;
  }
  const double relative = std::fabs(stated - derived) / std::fabs(stated);
  if (relative > k_inconsistency) {
    if (check.count++ < k_max_evidence) {
      auto item = describe();
      item.text += " (" + format_number(100 * relative) + "% apart)";
      item.value = stated;
      item.reference = derived;
      check.evidence.push_back(std::move(item));
    }
    check.worst = std::max(check.worst, relative);
  }
}

void inconsistencies(const FindingsInput& in, std::vector<model::Finding>& out) {
  Check ttft{"inconsistent-ttft", "ttft differs from load + prompt_eval", {}, 0};
  Check rate{
      "inconsistent-throughput", "throughput differs from generated tokens / eval time", {}, 0};
  for (const auto& planned : in.experiments) {
    for (const auto& member : planned.members) {
      const auto& set = in.sets[member.set];
      if (set.samples) {
        continue;
      }
      const auto& table = in.corpus.tables[set.tables.front()];
      const auto* c_ttft = first_of(table, set, model::MetricKind::ttft);
      const auto* c_load = first_of(table, set, model::MetricKind::load);
      const auto* c_prompt = first_of(table, set, model::MetricKind::prompt_eval);
      const auto* c_rate = first_of(table, set, model::MetricKind::throughput);
      const auto* c_eval = first_of(table, set, model::MetricKind::eval);
      const auto* c_tokens = generated_tokens(table, set);
      if ((c_ttft == nullptr || c_load == nullptr || c_prompt == nullptr) &&
          (c_rate == nullptr || c_eval == nullptr || c_tokens == nullptr)) {
        continue;
      }
      for (std::size_t r = 0; r < table.rows(); ++r) {
        if (member.configuration_of(r) == k_not_a_run || member.failed(r)) {
          continue;
        }
        const double ttft_ms = value_at(c_ttft, r);
        const double sum = value_at(c_load, r) + value_at(c_prompt, r);
        add_if_inconsistent(ttft, ttft_ms, sum, [&] {
          auto item = row_evidence(table, r,
                                   "ttft " + format_value(ttft_ms, "ms") + ", load + prompt_eval " +
                                       format_value(sum, "ms"));
          item.column = c_ttft->name().str();
          item.unit = "ms";
          return item;
        });
        const double rate_value = value_at(c_rate, r);
        const double eval_s = value_at(c_eval, r) / 1000.0;
        const double derived =
            eval_s > 0 ? value_at(c_tokens, r) / eval_s : std::numeric_limits<double>::quiet_NaN();
        add_if_inconsistent(rate, rate_value, derived, [&] {
          auto item = row_evidence(table, r,
                                   "throughput " + format_value(rate_value, "tok/s") +
                                       ", tokens / eval time " + format_value(derived, "tok/s"));
          item.column = c_rate->name().str();
          item.unit = "tok/s";
          return item;
        });
      }
    }
  }
  for (auto* check : {&ttft, &rate}) {
    if (check->count == 0) {
      continue;
    }
    model::Finding f;
    f.id = check->id;
    f.severity = model::Severity::warning;
    const auto n = check->count;
    f.count = n;
    f.message = std::to_string(n) + " row" + (n > 1 ? "s where " : " where ") + check->what +
                " by more than 10% (up to " + format_number(100 * check->worst) +
                "%); check how the metrics were measured before comparing them";
    set_evidence(f, std::move(check->evidence), n);
    out.push_back(std::move(f));
  }
}

}  // namespace

std::vector<model::Finding> value_findings(const FindingsInput& in) {
  std::vector<model::Finding> out;
  outliers(in, out);
  inconsistencies(in, out);
  return out;
}

}  // namespace chimera::analyze
