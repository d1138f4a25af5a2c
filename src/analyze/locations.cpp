#include "chimera/analyze/locations.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <span>

#include "chimera/analyze/names.hpp"

namespace chimera::analyze {
namespace {

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

// A cut at `at` in `text` ends or starts at a separator, or at an end of the text.
bool at_boundary(std::string_view text, std::size_t at) {
  return at == 0 || at == text.size() || is_separator(text[at]) || is_separator(text[at - 1]);
}

std::size_t common_suffix(std::span<const std::string_view> values) {
  std::size_t n = values.front().size();
  for (const auto v : values) {
    std::size_t k = 0;
    while (k < n && k < v.size() &&
           v[v.size() - 1 - k] == values.front()[values.front().size() - 1 - k]) {
      ++k;
    }
    n = k;
  }
  // Back off to a separator, leaving every value something that varies.
  while (n > 0) {
    const bool ok = std::all_of(values.begin(), values.end(), [&](std::string_view v) {
      return v.size() > n && at_boundary(v, v.size() - n);
    });
    if (ok) {
      break;
    }
    --n;
  }
  return n;
}

std::size_t common_prefix(std::span<const std::string_view> values) {
  std::size_t n = values.front().size();
  for (const auto v : values) {
    std::size_t k = 0;
    while (k < n && k < v.size() && v[k] == values.front()[k]) {
      ++k;
    }
    n = k;
  }
  while (n > 0) {
    const bool ok = std::all_of(values.begin(), values.end(), [&](std::string_view v) {
      return v.size() > n && at_boundary(v, n);
    });
    if (ok) {
      break;
    }
    --n;
  }
  return n;
}

constexpr std::array<std::string_view, 44> k_model_families{
    "llama",   "qwen",   "gemma",     "mistral",  "mixtral",   "phi",       "deepseek", "gpt",
    "falcon",  "vicuna", "tinyllama", "smollm",   "codellama", "starcoder", "olmo",     "granite",
    "command", "opt",    "bloom",     "t5",       "bert",      "distilgpt", "mamba",    "orca",
    "hermes",  "solar",  "stablelm",  "internlm", "baichuan",  "chatglm",   "llava",    "nemotron",
    "dbrx",    "yi",     "claude",    "gpt2",     "gpt4",      "llama2",    "llama3",   "qwen2",
    "gemma2",  "gemma3", "phi3",      "tinygpt"};

constexpr std::array<std::string_view, 18> k_backends{
    "vllm",   "tgi",         "ollama", "llamacpp", "llama.cpp", "transformers",
    "onnx",   "onnxruntime", "ort",    "tensorrt", "trt",       "tensorrt-llm",
    "sglang", "exllama",     "mlc",    "pytorch",  "torch",     "openvino"};

constexpr std::array<std::string_view, 20> k_quantizations{
    "fp32", "fp16",   "bf16", "fp8",  "int8", "int4", "q4_0", "q4_1", "q4_k_m", "q4_k_s",
    "q5_0", "q5_k_m", "q6_k", "q8_0", "awq",  "gptq", "nf4",  "gguf", "f16",    "f32"};

constexpr std::array<std::string_view, 15> k_replicate_words{
    "run",       "runs",    "rep",   "repeat", "replicate", "repetition", "trial", "iter",
    "iteration", "attempt", "round", "sample", "seed",      "try",        "pass"};

template <std::size_t N>
bool in(const std::array<std::string_view, N>& list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

// Words a harness uses for a setting in a path or a heading ("ctx512", "backend-vllm",
// "Configuration 17"), by their normalized spelling.
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

struct Replicates {
  bool all = false;
  std::string note;
};

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

using Settings = std::vector<std::pair<std::string, std::string>>;

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

std::string fallback_name(std::span<const std::string> levels, std::string_view context,
                          bool in_file) {
  const auto every = [&](auto predicate) {
    return std::all_of(levels.begin(), levels.end(), predicate);
  };
  if (every([](const std::string& l) { return looks_like_model(l); })) {
    return "model";
  }
  if (every([](const std::string& l) { return in(k_backends, lower(l)); })) {
    return "backend";
  }
  if (every([](const std::string& l) { return in(k_quantizations, lower(l)); })) {
    return "quantization";
  }
  if (!context.empty() && is_setting_key(context)) {
    return canonical_setting(context);
  }
  return in_file ? "arm" : "variant";
}

}  // namespace

Location make_location(std::string_view path, std::string_view pointer, std::string_view heading) {
  Location out;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t slash = std::min(path.find('/', start), path.size());
    if (slash > start) {
      out.segments.emplace_back(path.substr(start, slash - start));
    }
    start = slash + 1;
  }
  out.in_file = out.segments.size();
  if (!heading.empty()) {
    out.segments.emplace_back(heading);
    out.heading = true;
    return out;
  }
  start = 0;
  while (start < pointer.size()) {
    const std::size_t slash = std::min(pointer.find('/', start), pointer.size());
    if (slash > start) {
      out.segments.emplace_back(pointer.substr(start, slash - start));
    }
    start = slash + 1;
  }
  return out;
}

std::string LocationPattern::text() const {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i == in_file) {
      out += heading ? "#" : "#/";
    } else if (i > 0) {
      out += i > in_file && heading ? " > " : "/";
    }
    out += parts[i].prefix;
    if (parts[i].varies) {
      out += '*';
      out += parts[i].suffix;
    }
  }
  return out;
}

LocationPattern common_pattern(std::span<const Location* const> locations) {
  LocationPattern out;
  if (locations.empty()) {
    return out;
  }
  const Location& first = *locations.front();
  out.in_file = first.in_file;
  out.heading = first.heading;
  for (std::size_t s = 0; s < first.segments.size(); ++s) {
    std::vector<std::string_view> values;
    values.reserve(locations.size());
    bool same = true;
    for (const auto* location : locations) {
      values.push_back(location->segments[s]);
      same = same && values.back() == values.front();
    }
    LocationPattern::Part part;
    if (same) {
      part.prefix = std::string(values.front());
      out.parts.push_back(std::move(part));
      continue;
    }
    const std::size_t suffix = common_suffix(values);
    std::vector<std::string_view> rests;
    rests.reserve(values.size());
    for (const auto v : values) {
      rests.push_back(v.substr(0, v.size() - suffix));
    }
    const std::size_t prefix = common_prefix(rests);
    part.varies = true;
    part.prefix = std::string(rests.front().substr(0, prefix));
    part.suffix = std::string(values.front().substr(values.front().size() - suffix));
    std::vector<std::string> levels;
    levels.reserve(values.size());
    for (const auto rest : rests) {
      levels.push_back(trim_separators(rest.substr(prefix)));
    }
    out.part_of.push_back(out.parts.size());
    out.levels.push_back(std::move(levels));
    out.parts.push_back(std::move(part));
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> settings_in(std::string_view literal) {
  const std::string text = trim_separators(literal);
  if (text.empty()) {
    return {};
  }
  auto settings = settings_of(text);
  return settings ? *settings : Settings{};
}

bool looks_like_model(std::string_view level) {
  const std::string text = lower(level);
  if (text.find(':') != std::string::npos && std::any_of(text.begin(), text.end(), is_alpha)) {
    return true;
  }
  std::string word;
  const auto judge = [&](const std::string& w) {
    if (w.empty()) {
      return false;
    }
    for (const auto family : k_model_families) {
      if (w.starts_with(family)) {
        return true;
      }
    }
    // A parameter count: "7b", "270m", "1.5b", "8x7b".
    std::size_t i = 0;
    while (i < w.size() && (is_digit(w[i]) || w[i] == '.' || w[i] == 'x')) {
      ++i;
    }
    return i > 0 && is_digit(w[0]) && i + 1 == w.size() && (w[i] == 'b' || w[i] == 'm');
  };
  for (const char c : text) {
    if (c == '_' || c == '-' || c == ' ' || c == '/' || c == ':') {
      if (judge(word)) {
        return true;
      }
      word.clear();
    } else {
      word.push_back(c);
    }
  }
  return judge(word);
}

std::string path_number(std::string_view text) {
  if (text.empty() || !is_digit(text.front())) {
    return "";
  }
  std::string out;
  bool point = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (is_digit(c)) {
      out.push_back(c);
    } else if ((c == 'p' || c == '.') && !point && i + 1 < text.size() && is_digit(text[i + 1])) {
      out.push_back('.');
      point = true;
    } else {
      return "";
    }
  }
  return out;
}

std::string part_context(const LocationPattern& pattern, std::size_t part) {
  std::string_view prefix = pattern.parts[part].prefix;
  while (!prefix.empty() && is_separator(prefix.back())) {
    prefix.remove_suffix(1);
  }
  if (!prefix.empty()) {
    std::size_t start = prefix.size();
    while (start > 0 && !is_separator(prefix[start - 1])) {
      --start;
    }
    return std::string(prefix.substr(start));
  }
  if (part > 0 && !pattern.parts[part - 1].varies && part != pattern.in_file) {
    return pattern.parts[part - 1].prefix;
  }
  return "";
}

ParsedLevels parse_levels(std::span<const std::string> levels, std::string_view context,
                          bool in_file) {
  ParsedLevels out;
  std::vector<std::string> present;
  for (const auto& level : levels) {
    if (!level.empty()) {
      present.push_back(level);
    }
  }
  if (present.empty()) {
    return out;
  }
  const bool numbered_setting = !context.empty() && is_setting_key(context);
  if (const auto replicates = replicate_levels(present, numbered_setting); replicates.all) {
    out.replicate = true;
    out.replicate_note = replicates.note;
    // "run_1", "run_2" split at the separator: the numbers of runs.
    if (replicates.note == "a number" && in(k_replicate_words, lower(context))) {
      out.replicate_note = "run_N";
    }
    return out;
  }
  // Names of quantizations and backends before settings: "fp16" is not fp = 16.
  for (const auto& [vocabulary, name] :
       {std::pair{std::span<const std::string_view>(k_quantizations), "quantization"},
        std::pair{std::span<const std::string_view>(k_backends), "backend"}}) {
    if (std::all_of(present.begin(), present.end(), [&](const std::string& l) {
          const std::string word = lower(l);
          return std::find(vocabulary.begin(), vocabulary.end(), word) != vocabulary.end();
        })) {
      out.settings.push_back({name, std::vector<std::string>(levels.begin(), levels.end())});
      return out;
    }
  }
  // Settings spelled in the level, when at least half of the levels read as settings.
  std::vector<std::optional<Settings>> parsed;
  std::size_t readable = 0;
  for (const auto& level : levels) {
    parsed.push_back(level.empty() ? std::nullopt : settings_of(level));
    readable += parsed.back() ? 1U : 0U;
  }
  const bool numeric_only = std::all_of(present.begin(), present.end(),
                                        [](const auto& l) { return !path_number(l).empty(); });
  if (!numeric_only && readable * 2 >= present.size()) {
    std::map<std::string, std::size_t> order;  // first appearance
    for (const auto& p : parsed) {
      if (p) {
        for (const auto& [name, value] : *p) {
          order.emplace(name, order.size());
        }
      }
    }
    out.settings.resize(order.size());
    for (const auto& [name, at] : order) {
      out.settings[at].name = name;
      out.settings[at].values.assign(levels.size(), "");
    }
    for (std::size_t i = 0; i < parsed.size(); ++i) {
      if (parsed[i]) {
        for (const auto& [name, value] : *parsed[i]) {
          out.settings[order[name]].values[i] = value;
        }
      }
    }
    return out;
  }
  ParsedLevels::Setting setting;
  setting.name = fallback_name(present, context, in_file);
  setting.values.assign(levels.begin(), levels.end());
  out.settings.push_back(std::move(setting));
  return out;
}

}  // namespace chimera::analyze
