#include "chimera/analyze/names.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include "chimera/model/corpus.hpp"

namespace chimera::analyze {
namespace {

bool alnum(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

// Whether a word of `name` (split at anything but letters and digits) is one of `words`,
// ignoring case. Called for every column of every table: no allocation.
template <std::size_t N>
bool has_word(std::string_view name, const std::array<std::string_view, N>& words) {
  std::size_t start = 0;
  while (start < name.size()) {
    while (start < name.size() && !alnum(name[start])) {
      ++start;
    }
    std::size_t end = start;
    while (end < name.size() && alnum(name[end])) {
      ++end;
    }
    const std::string_view word = name.substr(start, end - start);
    for (const auto candidate : words) {
      if (candidate.size() == word.size() &&
          std::equal(word.begin(), word.end(), candidate.begin(), [](char a, char b) {
            return std::tolower(static_cast<unsigned char>(a)) == b;
          })) {
        return true;
      }
    }
    start = end;
  }
  return false;
}

// The last part of a nested name; "Tokens/s" and "TTFT (s)" stay whole (model::column_leaf).
std::string_view leaf_view(std::string_view column) {
  return model::column_leaf(column);
}

// Synonyms of the settings benchmark harnesses sweep, by normalized name.
constexpr std::array<std::pair<std::string_view, std::string_view>, 46> k_synonyms{{
    {"gpu_layers", "num_gpu"},
    {"n_gpu_layers", "num_gpu"},
    {"num_gpu_layers", "num_gpu"},
    {"ngl", "num_gpu"},
    {"ctx", "num_ctx"},
    {"context", "num_ctx"},
    {"ctx_size", "num_ctx"},
    {"context_size", "num_ctx"},
    {"context_length", "num_ctx"},
    {"context_window", "num_ctx"},
    {"n_ctx", "num_ctx"},
    {"temp", "temperature"},
    {"topp", "top_p"},
    {"topk", "top_k"},
    {"repetition_penalty", "repeat_penalty"},
    {"bs", "batch_size"},
    {"batch", "batch_size"},
    {"n_batch", "batch_size"},
    {"threads", "num_thread"},
    {"num_threads", "num_thread"},
    {"n_threads", "num_thread"},
    {"model_name", "model"},
    {"model_id", "model"},
    {"models", "model"},
    {"llm", "model"},
    {"engine", "backend"},
    {"runtime", "backend"},
    {"framework", "backend"},
    {"backends", "backend"},
    {"quant", "quantization"},
    {"quantisation", "quantization"},
    {"quantization_type", "quantization"},
    {"dtype", "precision"},
    {"agent", "agent_type"},
    {"concurrent_requests", "concurrency"},
    {"num_parallel", "concurrency"},
    {"parallel", "concurrency"},
    {"max_new_tokens", "max_tokens"},
    {"num_predict", "max_tokens"},
    {"tp", "tensor_parallel"},
    {"tensor_parallel_size", "tensor_parallel"},
    {"seq_len", "sequence_length"},
    {"seqlen", "sequence_length"},
    {"prompt_len", "prompt_length"},
    {"buf", "buffer"},
    {"scenarios", "scenario"},
}};

}  // namespace

std::string leaf_name(std::string_view column) {
  return std::string(leaf_view(column));
}

std::string directory_of(std::string_view path) {
  const auto slash = path.rfind('/');
  return slash == std::string_view::npos ? "." : std::string(path.substr(0, slash));
}

std::string normalize_name(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  bool gap = false;
  for (const char c : name) {
    if (alnum(c)) {
      if (gap && !out.empty()) {
        out.push_back('_');
      }
      gap = false;
      out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    } else {
      gap = true;
    }
  }
  return out;
}

bool is_aggregate_name(std::string_view column) {
  static constexpr std::array<std::string_view, 14> k_words{
      "mean", "average", "avg", "median", "std", "stddev", "stdev",
      "p50",  "p90",     "p95", "p99",    "min", "max",    "averaged"};
  return has_word(leaf_view(column), k_words);
}

bool is_spread_name(std::string_view column) {
  static constexpr std::array<std::string_view, 13> k_words{
      "std", "stddev", "stdev", "variance", "var", "min", "max",
      "p90", "p95",    "p99",   "sd",       "iqr", "mad"};
  return has_word(leaf_view(column), k_words);
}

bool in_aggregate_container(std::string_view column) {
  static constexpr std::array<std::string_view, 10> k_containers{
      "aggregate", "aggregates", "aggregate_metrics", "aggregated", "summary",
      "summaries", "stats",      "statistics",        "averages",   "totals"};
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = column.find('.', start);
    if (dot == std::string_view::npos) {
      return false;  // the leaf is the metric's own name, not a container
    }
    const std::string segment = normalize_name(column.substr(start, dot - start));
    if (std::find(k_containers.begin(), k_containers.end(), segment) != k_containers.end()) {
      return true;
    }
    start = dot + 1;
  }
}

bool is_stated_not_measured(std::string_view column) {
  static constexpr std::array<std::string_view, 8> k_words{"expected",  "target",   "predicted",
                                                           "estimated", "estimate", "theoretical",
                                                           "goal",      "projected"};
  return has_word(column, k_words);
}

bool is_summary_file(std::string_view path) {
  const auto slash = path.rfind('/');
  std::string_view stem = slash == std::string_view::npos ? path : path.substr(slash + 1);
  if (const auto dot = stem.rfind('.'); dot != std::string_view::npos) {
    stem = stem.substr(0, dot);  // the extension; "qwen2.5-7b_summary.csv" keeps its dot
  }
  static constexpr std::array<std::string_view, 8> k_words{"summary",    "summaries", "stats",
                                                           "statistics", "aggregate", "aggregates",
                                                           "aggregated", "agg"};
  return has_word(stem, k_words);
}

std::string canonical_setting(std::string_view name) {
  std::string key = normalize_name(leaf_view(name));
  for (const auto& [from, to] : k_synonyms) {
    if (key == from) {
      return std::string(to);
    }
  }
  return key;
}

bool is_short_data(std::string_view value) {
  if (value.empty() || value.size() > 48) {
    return false;
  }
  std::size_t words = 1;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (c == '\n' || c == '\r') {
      return false;
    }
    if (c == ' ' && i > 0 && value[i - 1] != ' ') {
      ++words;
    }
    if (c == '.' && (i + 1 == value.size() || value[i + 1] == ' ')) {
      return false;
    }
  }
  return words <= 4;
}

}  // namespace chimera::analyze
