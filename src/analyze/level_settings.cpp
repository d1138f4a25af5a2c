#include <set>

#include "chimera/analyze/locations.hpp"
#include "chimera/analyze/names.hpp"
#include "level_words.hpp"

namespace chimera::analyze::detail {
namespace {

struct Token {
  std::string text;
  char separator = 0;  // the separator before it, 0 for the first
};

std::vector<Token> tokens_of(std::string_view level) {
  std::vector<Token> out;
  std::string current;
  char separator = 0;
  for (const char c : level) {
    if (c == '_' || c == '-' || c == ' ' || c == ',') {
      if (!current.empty()) {
        out.push_back({current, separator});
        current.clear();
      }
      separator = c;
    } else {
      current.push_back(c);
    }
  }
  if (!current.empty()) {
    out.push_back({current, separator});
  }
  return out;
}

// "gpu80" -> {gpu, 80}; "temp0p8" -> {temp, 0.8}. Model names ("llama3") are not settings.
std::optional<std::pair<std::string, std::string>> key_and_number(std::string_view token) {
  std::size_t letters = 0;
  while (letters < token.size() && is_alpha(token[letters])) {
    ++letters;
  }
  if (letters == 0 || letters == token.size()) {
    return std::nullopt;
  }
  const std::string key = lower(token.substr(0, letters));
  if (in(k_model_families, key) || in(k_replicate_words, key) || key == "v" || key == "version") {
    return std::nullopt;
  }
  const std::string value = path_number(token.substr(letters));
  if (value.empty()) {
    return std::nullopt;
  }
  return std::pair{key, value};
}

}  // namespace

Replicates replicate_levels(std::span<const std::string> levels, bool numbered_setting) {
  std::set<std::string> notes;
  for (const auto& level : levels) {
    if (is_run_number(level)) {
      notes.insert("run_N");
    } else if (is_date(level)) {
      notes.insert("a date");
    } else if (all_digits(level) && !numbered_setting) {
      notes.insert("a number");
    } else if (is_version(level)) {
      notes.insert("a version");
    } else if (is_id(level)) {
      notes.insert("an id");
    } else {
      notes.clear();
      break;
    }
  }
  if (!notes.empty()) {
    std::string note;
    for (const auto& n : notes) {
      note += (note.empty() ? "" : " or ") + n;
    }
    return {true, note};
  }
  // One name with and without a version mark: "out" and "out_v2" are two runs of one thing.
  std::set<std::string> bases;
  for (const auto& level : levels) {
    bases.insert(without_version(level));
  }
  if (bases.size() == 1 && levels.size() > 1) {
    return {true, "a version"};
  }
  return {};
}

// A level read as settings, or nullopt when some word of it is neither a setting nor a run
// number.
std::optional<Settings> settings_of(std::string_view level) {
  const auto tokens = tokens_of(level);
  Settings out;
  for (std::size_t i = 0; i < tokens.size();) {
    const std::string& text = tokens[i].text;
    if (const auto eq = text.find('='); eq != std::string::npos && eq > 0) {
      out.emplace_back(canonical_setting(text.substr(0, eq)), text.substr(eq + 1));
      ++i;
      continue;
    }
    if (is_run_number(text)) {
      ++i;
      continue;
    }
    if (const auto kv = key_and_number(text)) {
      // "gpu80" in a path is a layer count; a "gpu" column of data names the hardware.
      const bool layers = kv->first == "gpu" || kv->first == "gpus";
      out.emplace_back(layers ? "num_gpu" : canonical_setting(kv->first), kv->second);
      ++i;
      continue;
    }
    // A key of two or three words: "batch_size_8", "num_gpu-80", "top_p_0.9".
    std::size_t words = 1;
    for (const std::size_t w : {std::size_t{3}, std::size_t{2}}) {
      if (i + w < tokens.size()) {
        std::string joined = tokens[i].text;
        for (std::size_t k = 1; k < w; ++k) {
          joined += "_" + tokens[i + k].text;
        }
        if (is_setting_key(joined) && normalize_name(joined).find('_') != std::string::npos) {
          words = w;
          break;
        }
      }
    }
    if (words > 1) {
      std::string key = tokens[i].text;
      for (std::size_t k = 1; k < words; ++k) {
        key += "_" + tokens[i + k].text;
      }
      const std::string& value = tokens[i + words].text;
      const std::string number = path_number(value);
      if (number.empty() && is_numeric_setting(canonical_setting(key))) {
        return std::nullopt;
      }
      out.emplace_back(canonical_setting(key), number.empty() ? value : number);
      i += words + 1;
      continue;
    }
    if (is_setting_key(text) && i + 1 < tokens.size()) {
      // The value runs to the next word that starts a setting of its own.
      std::string value = tokens[i + 1].text;
      std::size_t j = i + 2;
      while (j < tokens.size() && !is_setting_key(tokens[j].text) &&
             !key_and_number(tokens[j].text) && !is_run_number(tokens[j].text)) {
        value += tokens[j].separator;
        value += tokens[j].text;
        ++j;
      }
      const std::string number = path_number(value);
      const std::string key = normalize_name(text);
      const bool layers = (key == "gpu" || key == "gpus") && !number.empty();
      if (number.empty() && !layers && is_numeric_setting(canonical_setting(text))) {
        return std::nullopt;
      }
      out.emplace_back(layers ? "num_gpu" : canonical_setting(text),
                       number.empty() ? value : number);
      i = j;
      continue;
    }
    return std::nullopt;
  }
  if (out.empty()) {
    return std::nullopt;
  }
  return out;
}

}  // namespace chimera::analyze::detail
