#include "level_words.hpp"

#include <cctype>
#include <set>

#include "chimera/analyze/names.hpp"

namespace chimera::analyze::detail {

bool is_separator(char c) {
  return c == '_' || c == '-' || c == '.' || c == ' ' || c == ',';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_alpha(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) != 0;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), is_digit);
}

std::string trim_separators(std::string_view text) {
  while (!text.empty() && is_separator(text.front())) {
    text.remove_prefix(1);
  }
  while (!text.empty() && is_separator(text.back())) {
    text.remove_suffix(1);
  }
  return std::string(text);
}

// Words a harness uses for a setting in a path or a heading ("ctx512", "backend-vllm",
// "Configuration 17"), by their normalized spelling.
bool is_numeric_setting(std::string_view canonical) {
  static constexpr std::array<std::string_view, 15> k_numeric{
      "num_gpu",         "num_ctx",         "temperature",   "top_p",       "top_k",
      "repeat_penalty",  "batch_size",      "num_thread",    "concurrency", "max_tokens",
      "tensor_parallel", "sequence_length", "prompt_length", "users",       "seed"};
  return in(k_numeric, canonical);
}

bool is_setting_key(std::string_view word) {
  static const std::set<std::string> k_keys{"num_gpu",
                                            "num_ctx",
                                            "temperature",
                                            "top_p",
                                            "top_k",
                                            "repeat_penalty",
                                            "batch_size",
                                            "num_thread",
                                            "model",
                                            "backend",
                                            "quantization",
                                            "precision",
                                            "agent_type",
                                            "concurrency",
                                            "max_tokens",
                                            "tensor_parallel",
                                            "sequence_length",
                                            "prompt_length",
                                            "buffer",
                                            "scenario",
                                            "mode",
                                            "config",
                                            "configuration",
                                            "variant",
                                            "setting",
                                            "case",
                                            "setup",
                                            "profile",
                                            "workload",
                                            "dataset",
                                            "task",
                                            "users",
                                            "device",
                                            "hardware",
                                            "arch",
                                            "method",
                                            "strategy",
                                            "level",
                                            "size",
                                            "len",
                                            "length",
                                            "tokens",
                                            "prompt",
                                            "prompts",
                                            "prompt_set"};
  const std::string key = normalize_name(word);
  return canonical_setting(key) != key || k_keys.count(key) != 0;
}

// "run3", "run_3", "rep-2", "rerun", "trial07".
bool is_run_number(std::string_view level) {
  const std::string text = lower(level);
  if (text == "rerun" || text == "retry" || text == "warmup" || text == "warm_up") {
    return true;
  }
  std::size_t letters = 0;
  while (letters < text.size() && is_alpha(text[letters])) {
    ++letters;
  }
  if (letters == 0 || !in(k_replicate_words, std::string_view(text).substr(0, letters))) {
    return false;
  }
  std::string_view rest = std::string_view(text).substr(letters);
  while (!rest.empty() && is_separator(rest.front())) {
    rest.remove_prefix(1);
  }
  return all_digits(rest);
}

// 20251221, 2025-12-21, 20251221_113136, 2025-12-21T11:31:36, 1766334713 (Unix seconds).
bool is_date(std::string_view level) {
  std::string digits;
  for (const char c : level) {
    if (is_digit(c)) {
      digits.push_back(c);
    } else if (c != '-' && c != '_' && c != ':' && c != 'T' && c != ' ' && c != '.') {
      return false;
    }
  }
  if (digits.size() < 8) {
    return false;
  }
  const bool year = digits.starts_with("19") || digits.starts_with("20");
  return year || (all_digits(level) && digits.size() >= 10);
}

// "v2", "v10", "version3".
bool is_version(std::string_view level) {
  const std::string text = lower(level);
  std::size_t letters = 0;
  while (letters < text.size() && is_alpha(text[letters])) {
    ++letters;
  }
  const std::string_view word = std::string_view(text).substr(0, letters);
  return (word == "v" || word == "version" || word == "ver") && all_digits(text.substr(letters));
}

// "s00", "r01", "m3": one or two letters and a number; a hexadecimal digest or a UUID.
bool is_id(std::string_view level) {
  std::size_t letters = 0;
  while (letters < level.size() && is_alpha(level[letters])) {
    ++letters;
  }
  if (letters >= 1 && letters <= 2 && all_digits(level.substr(letters))) {
    return true;
  }
  std::size_t hex_digits = 0;
  bool has_digit = false;
  bool has_letter = false;
  for (const char c : level) {
    if (is_digit(c)) {
      has_digit = true;
      ++hex_digits;
    } else if ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) {
      has_letter = true;
      ++hex_digits;
    } else if (c != '-') {
      return false;
    }
  }
  return hex_digits >= 8 && has_digit && has_letter;
}

// The level with a version or rerun mark taken off its end: "out_v2" -> "out".
std::string without_version(std::string_view level) {
  const std::string text = lower(level);
  std::size_t cut = text.size();
  while (cut > 0 && !is_separator(text[cut - 1])) {
    --cut;
  }
  if (cut == 0) {
    return text;
  }
  const std::string last = text.substr(cut);
  if (is_version(last) || is_run_number(last) || last == "new" || last == "old" ||
      last == "final") {
    return text.substr(0, cut - 1);
  }
  return text;
}

}  // namespace chimera::analyze::detail
