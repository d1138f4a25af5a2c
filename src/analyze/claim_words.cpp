#include "chimera/analyze/claim_words.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "chimera/analyze/locations.hpp"
#include "chimera/analyze/names.hpp"
#include "level_words.hpp"

namespace chimera::analyze {
namespace {

using detail::is_alpha;
using detail::lower;

bool is_word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

// Where `phrase` first stands as whole words in `words`, or npos.
std::size_t find_word(std::string_view words, std::string_view phrase) {
  for (std::size_t at = words.find(phrase); at != std::string_view::npos;
       at = words.find(phrase, at + 1)) {
    const bool open = at == 0 || !is_word_char(words[at - 1]) || !is_word_char(phrase.front());
    const std::size_t end = at + phrase.size();
    const bool close =
        end >= words.size() || !is_word_char(words[end]) || !is_word_char(phrase.back());
    if (open && close) {
      return at;
    }
  }
  return std::string_view::npos;
}

struct KindWords {
  model::MetricKind kind;
  std::initializer_list<std::string_view> phrases;
};

// Longer phrases first within a kind; between kinds the earliest in the text wins, so that
// "prompt eval" is read before "eval" and "total tokens" before "total".
const std::array<KindWords, 11>& kind_words() {
  static const std::array<KindWords, 11> k_words{{
      {model::MetricKind::ttft,
       {"ttft", "time to first token", "time-to-first-token", "first token", "first-token"}},
      {model::MetricKind::prompt_eval,
       {"prompt eval", "prompt_eval", "prompt evaluation", "prefill"}},
      {model::MetricKind::throughput,
       {"throughput", "tok/s", "tokens/s", "tokens per second", "tokens/sec", "tokens/second",
        "t/s", "tps"}},
      {model::MetricKind::tokens, {"tokens generated", "generated tokens", "tokens"}},
      {model::MetricKind::eval, {"eval duration", "eval_duration", "eval", "decode"}},
      {model::MetricKind::load, {"load duration", "load time", "load_duration", "load"}},
      {model::MetricKind::latency, {"latency"}},
      {model::MetricKind::total, {"total duration", "total_duration", "total time"}},
      {model::MetricKind::duration, {"duration", "wall time", "execution time", "elapsed"}},
      {model::MetricKind::memory, {"memory", "vram", "rss"}},
      {model::MetricKind::other,  // unmeasurable
       {"utilisation", "utilization", "accuracy", "cost", "price", "power", "energy", "watts",
        "perplexity", "bleu"}},
  }};
  return k_words;
}

bool one_of(std::string_view word, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

bool is_duration(model::MetricKind kind) {
  using K = model::MetricKind;
  return kind == K::ttft || kind == K::latency || kind == K::load || kind == K::prompt_eval ||
         kind == K::eval || kind == K::total || kind == K::compile || kind == K::duration;
}

}  // namespace

std::string unit_of_word(std::string_view word) {
  if (one_of(word, {"ms", "msec", "milliseconds", "millisecond"})) {
    return "ms";
  }
  if (one_of(word, {"s", "sec", "secs", "second", "seconds"})) {
    return "s";
  }
  if (one_of(word, {"tok/s", "tokens/s", "tokens/sec", "t/s", "tps", "tok/sec", "tokens/second",
                    "tok/second"})) {
    return "tok/s";
  }
  if (one_of(word, {"tokens", "tok"})) {
    return "tokens";
  }
  if (one_of(word, {"mib", "mb"})) {
    return "MiB";
  }
  if (one_of(word, {"gib", "gb"})) {
    return "GiB";
  }
  if (word == "x") {
    return "x";
  }
  return "";
}

std::string unit_in_header(std::string_view header) {
  std::string text(header);
  for (auto& c : text) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  const auto open = text.rfind('(');
  const auto close = text.rfind(')');
  if (open != std::string::npos && close != std::string::npos && close > open) {
    if (auto unit = unit_of_word(text.substr(open + 1, close - open - 1)); !unit.empty()) {
      return unit;
    }
  }
  for (const std::string_view u : {"tok/s", "tokens/s", "tokens per second"}) {
    if (find_word(text, u) != std::string_view::npos) {
      return "tok/s";
    }
  }
  for (const std::string_view u : {"_ms", " ms"}) {
    if (text.ends_with(u)) {
      return "ms";
    }
  }
  return "";
}

bool is_index_word(std::string_view word) {
  return one_of(
      word,
      {"run",     "section",  "table",  "figure", "fig",       "tr",     "top",  "step",   "v",
       "version", "rank",     "n",      "#",      "iteration", "trial",  "item", "report", "phase",
       "chapter", "appendix", "part",   "page",   "line",      "prompt", "id",   "day",    "week",
       "no",      "number",   "ranked", "rep",    "replicate", "seed"});
}

bool is_count_word(std::string_view word) {
  return one_of(word, {"runs",
                       "run",
                       "files",
                       "file",
                       "configurations",
                       "configuration",
                       "configs",
                       "config",
                       "prompts",
                       "samples",
                       "sample",
                       "iterations",
                       "tables",
                       "reports",
                       "experiments",
                       "models",
                       "layers",
                       "gpus",
                       "threads",
                       "cores",
                       "steps",
                       "trials",
                       "repetitions",
                       "reps",
                       "times",
                       "sections",
                       "rows",
                       "columns",
                       "items",
                       "points",
                       "levels",
                       "factors",
                       "settings",
                       "errors",
                       "failures",
                       "warnings",
                       "documents",
                       "of",
                       "out",
                       "percent-ile",
                       "th",
                       "st",
                       "nd",
                       "rd",
                       "languages",
                       "agents",
                       "replicates",
                       "combinations"});
}

model::MetricKind metric_of_words(std::string_view words, bool& unmeasurable) {
  std::size_t best = std::string_view::npos;
  std::size_t best_len = 0;
  auto kind = model::MetricKind::none;
  for (const auto& [k, phrases] : kind_words()) {
    for (const auto phrase : phrases) {
      const std::size_t at = find_word(words, phrase);
      if (at != std::string_view::npos && (best == std::string_view::npos || at < best ||
                                           (at == best && phrase.size() > best_len))) {
        best = at;
        best_len = phrase.size();
        kind = k;
      }
    }
  }
  if (kind == model::MetricKind::other) {
    unmeasurable = true;
    return model::MetricKind::none;
  }
  return kind;
}

std::size_t metrics_named(std::string_view words) {
  std::size_t n = 0;
  for (const auto& [k, phrases] : kind_words()) {
    n += std::any_of(
             phrases.begin(), phrases.end(),
             [&](std::string_view p) { return find_word(words, p) != std::string_view::npos; })
             ? 1U
             : 0U;
  }
  return n;
}

bool has_any(std::string_view words, std::initializer_list<std::string_view> phrases) {
  return std::any_of(phrases.begin(), phrases.end(), [&](std::string_view p) {
    return find_word(words, p) != std::string_view::npos;
  });
}

bool unit_fits(std::string_view unit, model::MetricKind kind) {
  if (unit.empty() || unit == "%" || kind == model::MetricKind::none) {
    return true;
  }
  if (unit == "ms" || unit == "s") {
    return is_duration(kind);
  }
  if (unit == "tok/s") {
    return kind == model::MetricKind::throughput;
  }
  if (unit == "tokens") {
    return kind == model::MetricKind::tokens;
  }
  if (unit == "MiB" || unit == "GiB") {
    return kind == model::MetricKind::memory;
  }
  return false;
}

double to_canonical(std::string_view unit) {
  if (unit == "s") {
    return 1000.0;
  }
  if (unit == "GiB") {
    return 1024.0;
  }
  return 1.0;
}

bool is_key_header(std::string_view header) {
  return one_of(header, {"metric", "metrics", "measure", "statistic", "quantity", "key", "item"});
}

bool is_config_label(std::string_view header) {
  return one_of(header, {"config", "configuration", "setup", "variant", "settings", "label"});
}

bool is_setting_header(std::string_view header) {
  if (is_config_label(header)) {
    return true;
  }
  const std::string name = canonical_setting(header);
  return one_of(
      name, {"num_gpu", "num_ctx", "temperature", "top_p", "top_k", "repeat_penalty", "batch_size",
             "model", "quantization", "backend", "num_thread", "agent", "agent_type"});
}

std::vector<std::pair<std::string, std::string>> compact_settings(std::string_view token) {
  std::vector<std::pair<std::string, std::string>> out;
  std::size_t begin = 0;
  while (begin <= token.size()) {
    const std::size_t end = std::min(token.find('_', begin), token.size());
    const std::string_view piece = token.substr(begin, end - begin);
    std::size_t letters = 0;
    while (letters < piece.size() &&
           std::isalpha(static_cast<unsigned char>(piece[letters])) != 0) {
      ++letters;
    }
    if (letters > 0 && letters < piece.size()) {
      std::string key(piece.substr(0, letters));
      for (auto& c : key) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      }
      const std::string value = path_number(piece.substr(letters));
      std::string name;
      if (one_of(key, {"g", "gpu", "ngl", "numgpu"})) {
        name = "num_gpu";
      } else if (one_of(key, {"c", "ctx", "numctx"})) {
        name = "num_ctx";
      } else if (one_of(key, {"t", "temp"})) {
        name = "temperature";
      } else if (one_of(key, {"bs", "batch"})) {
        name = "batch_size";
      }
      if (name.empty() || value.empty()) {
        return {};
      }
      out.emplace_back(name, value);
    } else if (letters != piece.size()) {
      return {};  // a piece that is neither a word nor a setting: not a label
    }
    begin = end + 1;
  }
  if (out.size() < 2) {
    return {};
  }
  return out;
}

// Words that make a passage's numbers something other than this corpus's measurements: another
// unit of throughput (MB/s, requests per second), or a number stated rather than measured.
bool not_measured(std::string_view text) {
  const std::string words = lower(text);
  return has_any(words,
                 {"mb/s",        "gb/s",      "kb/s",      "requests",  "request",  "transactions",
                  "req/s",       "qps",       "rps",       "ops/s",     "expected", "theoretical",
                  "target",      "estimated", "predicted", "projected", "would",    "hypothetical",
                  "extrapolate", "assuming",  "goal"});
}

// Whether the words name a context window: "512 tokens" beside them is a setting.
bool names_context(std::string_view words) {
  return has_any(lower(words), {"context", "ctx", "window", "num_ctx"});
}

// 256, 512, ..., 131072 tokens, written whole: a context size far more often than a count of
// tokens generated.
bool looks_like_context_size(double value) {
  for (double size = 256; size <= 131072; size *= 2) {
    if (value == size) {
      return true;
    }
  }
  return false;
}

// Whether a column header names a difference between two columns: its bare numbers are
// deltas ("| Throughput | 102.31 | 102.31 | 0 |").
bool names_change(std::string_view header) {
  return has_any(lower(header), {"difference", "diff", "delta", "\xCE\x94", "change", "comparison",
                                 "improvement", "vs"});
}

// Whether a sentence compares: a percentage in it may be a change between configurations.
bool compares(std::string_view text) {
  return has_any(lower(text),
                 {"higher",      "lower",     "faster",   "slower",    "more",    "less",
                  "improvement", "improved",  "improves", "reduction", "reduced", "reduces",
                  "increase",    "increased", "decrease", "decreased", "gain",    "gains",
                  "better",      "worse",     "speedup",  "drop",      "change",  "delta",
                  "\xCE\x94",    "vs",        "versus",   "than",      "over",    "regression"});
}

// Whether a passage quotes another report or stands under a heading of citations: its numbers
// are about other runs.
bool cites(std::string_view text, std::string_view heading) {
  const std::string words = lower(text);
  const std::string head = lower(heading);
  return has_any(head, {"citation", "citations", "references", "related work", "background"}) ||
         has_any(words, {"technical report", "tr108", "tr109", "tr110", "tr111", "according to"}) ||
         (words.find("section ") != std::string::npos &&
          words.find_first_of("0123456789", words.find("section ")) == words.find("section ") + 8);
}

// A bullet's value that is a number and little else: "1395.81", "98.72 ± 0.00 (CV: 0.0%)".
bool is_short_value(std::string_view value) {
  std::size_t words = 0;
  bool in_word = false;
  for (const char c : value) {
    const bool letter = is_alpha(c);
    words += letter && !in_word ? 1U : 0U;
    in_word = letter;
  }
  return words <= 3;
}

}  // namespace chimera::analyze
