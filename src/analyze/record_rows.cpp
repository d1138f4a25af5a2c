// What a record's row says: whether the run failed and why, a setting's value, a metric's
// direction; and which files are byte-for-byte copies.
#include "chimera/analyze/records.hpp"

#include <cmath>
#include <unordered_map>

#include "chimera/analyze/format.hpp"
#include "chimera/analyze/names.hpp"

namespace chimera::analyze {

model::Direction direction_of(model::MetricKind kind, model::Direction direction) {
  if (direction != model::Direction::none) {
    return direction;
  }
  switch (kind) {
    case model::MetricKind::throughput:
      return model::Direction::higher;
    case model::MetricKind::ttft:
    case model::MetricKind::latency:
    case model::MetricKind::load:
    case model::MetricKind::prompt_eval:
    case model::MetricKind::eval:
    case model::MetricKind::total:
    case model::MetricKind::compile:
    case model::MetricKind::duration:
    case model::MetricKind::memory:
      return model::Direction::lower;
    default:
      return model::Direction::none;
  }
}

std::vector<bool> duplicate_files(const model::Corpus& corpus) {
  std::vector<bool> out(corpus.files.size(), false);
  std::unordered_map<std::string, std::size_t> first;
  // A file equal to an earlier one once its timestamps and ids are masked restates it too.
  for (std::size_t f = 0; f < corpus.files.size(); ++f) {
    for (const auto* hash : {&corpus.files[f].content_hash, &corpus.files[f].masked_hash}) {
      if (hash->empty()) {
        continue;
      }
      const auto [at, added] = first.emplace(*hash, f);
      if (!added && at->second != f) {
        out[f] = true;
      }
    }
  }
  return out;
}

namespace {

bool generated_nothing(const model::Corpus& corpus, const RecordSet& set, std::size_t row) {
  if (set.samples || set.throughput_column == RecordSet::k_none) {
    return false;
  }
  const auto& table = corpus.tables[set.tables.front()];
  const auto& rate = table.columns[set.throughput_column].numbers;
  if (row >= rate.size() || rate[row] != 0) {
    return false;
  }
  if (set.tokens_column == RecordSet::k_none) {
    return true;
  }
  const auto& tokens = table.columns[set.tokens_column].numbers;
  return row >= tokens.size() || !(tokens[row] > 0);
}

}  // namespace

bool run_failed(const model::Corpus& corpus, const RecordSet& set, std::size_t row) {
  if (set.samples) {
    return false;
  }
  const auto& table = corpus.tables[set.tables.front()];
  return (row < table.rows() && table.failed[row]) || generated_nothing(corpus, set, row);
}

std::string failure_reason(const model::Corpus& corpus, const RecordSet& set, std::size_t row) {
  const auto& table = corpus.tables[set.tables.front()];
  if (row < table.rows() && table.failed[row]) {
    if (row < table.failure_reason.size() && !table.failure_reason[row].empty()) {
      return std::string(table.failure_reason[row]);
    }
    return "no error message";
  }
  return generated_nothing(corpus, set, row) ? "no tokens generated, throughput 0"
                                             : "no error message";
}

std::string setting_value(const model::Corpus& corpus, const SettingRef& setting, std::size_t row) {
  std::size_t r = row;
  if (setting.one_row) {
    r = 0;
  } else if (setting.enclosing) {
    r = row < setting.enclosing->size() ? (*setting.enclosing)[row] : k_no_row;
    if (r == k_no_row) {
      return "";
    }
  }
  const auto& column = corpus.tables[setting.table].columns[setting.column];
  if (r < column.numbers.size() && std::isfinite(column.numbers[r])) {
    return format_dimension(column.numbers[r]);
  }
  if (r < column.texts.size()) {
    const std::string_view text = column.texts[r];
    return is_short_data(text) ? std::string(text) : "";
  }
  return "";
}

}  // namespace chimera::analyze
