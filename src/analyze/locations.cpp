#include "chimera/analyze/locations.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>
#include <span>

#include "chimera/analyze/names.hpp"
#include "level_words.hpp"

namespace chimera::analyze {

using detail::all_digits;
using detail::in;
using detail::is_alpha;
using detail::is_digit;
using detail::is_separator;
using detail::is_setting_key;
using detail::k_backends;
using detail::k_model_families;
using detail::k_quantizations;
using detail::k_replicate_words;
using detail::lower;
using detail::replicate_levels;
using detail::Settings;
using detail::settings_of;
using detail::trim_separators;

namespace {

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
  for (const auto& entry :
       {std::pair{std::span<const std::string_view>(k_quantizations), "quantization"},
        std::pair{std::span<const std::string_view>(k_backends), "backend"}}) {
    // Not a structured binding: clang before 16 cannot capture one in a lambda.
    const std::span<const std::string_view> vocabulary = entry.first;
    const char* const name = entry.second;
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
