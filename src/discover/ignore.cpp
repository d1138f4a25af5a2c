#include "chimera/discover/ignore.hpp"

namespace chimera::discover {
namespace {

// One character against a "[...]" set starting at pattern[p]; advances p past the set.
bool match_set(std::string_view pattern, std::size_t& p, char c) {
  std::size_t i = p + 1;
  const bool negate = i < pattern.size() && (pattern[i] == '!' || pattern[i] == '^');
  if (negate) {
    ++i;
  }
  bool found = false;
  bool first = true;
  while (i < pattern.size() && (first || pattern[i] != ']')) {
    first = false;
    if (i + 2 < pattern.size() && pattern[i + 1] == '-' && pattern[i + 2] != ']') {
      found = found || (c >= pattern[i] && c <= pattern[i + 2]);
      i += 3;
    } else {
      found = found || c == pattern[i];
      ++i;
    }
  }
  p = i + 1;  // past ']' (or past the end for an unclosed set)
  return found != negate;
}

bool match_from(std::string_view pattern, std::size_t p, std::string_view path, std::size_t s) {
  while (p < pattern.size()) {
    const char pc = pattern[p];
    if (pc == '*') {
      if (p + 1 < pattern.size() && pattern[p + 1] == '*') {
        // "**/" matches zero or more whole components; a final "**" matches everything.
        std::size_t next = p + 2;
        const bool slash = next < pattern.size() && pattern[next] == '/';
        if (slash) {
          ++next;
        }
        if (next >= pattern.size() && !slash) {
          return true;
        }
        for (std::size_t k = s; k <= path.size(); ++k) {
          if ((k == s || path[k - 1] == '/') && match_from(pattern, next, path, k)) {
            return true;
          }
        }
        return false;
      }
      for (std::size_t k = s; k <= path.size(); ++k) {
        if (match_from(pattern, p + 1, path, k)) {
          return true;
        }
        if (k < path.size() && path[k] == '/') {
          return false;
        }
      }
      return false;
    }
    if (s >= path.size()) {
      return false;
    }
    if (pc == '?') {
      if (path[s] == '/') {
        return false;
      }
      ++p;
      ++s;
      continue;
    }
    if (pc == '[') {
      if (path[s] == '/' || !match_set(pattern, p, path[s])) {
        return false;
      }
      ++s;
      continue;
    }
    if (pc == '\\' && p + 1 < pattern.size()) {
      ++p;
    }
    if (pattern[p] != path[s]) {
      return false;
    }
    ++p;
    ++s;
  }
  return s == path.size();
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
    text.remove_suffix(1);
  }
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
    text.remove_prefix(1);
  }
  return text;
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
  return match_from(pattern, 0, path, 0);
}

IgnoreRules IgnoreRules::parse(std::string_view text) {
  IgnoreRules rules;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    rules.add(text.substr(0, end));
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
  }
  return rules;
}

IgnoreRules IgnoreRules::from_globs(const std::vector<std::string>& globs) {
  IgnoreRules rules;
  for (const auto& glob : globs) {
    rules.add(glob);
  }
  return rules;
}

void IgnoreRules::add(std::string_view line) {
  line = trim(line);
  if (line.empty() || line.front() == '#') {
    return;
  }
  Rule rule;
  if (line.front() == '!') {
    rule.negated = true;
    line.remove_prefix(1);
  }
  if (!line.empty() && line.back() == '/') {
    rule.directory_only = true;
    line.remove_suffix(1);
  }
  rule.anchored = line.find('/') != std::string_view::npos;
  if (!line.empty() && line.front() == '/') {
    line.remove_prefix(1);
  }
  if (line.empty()) {
    return;
  }
  rule.glob = std::string(line);
  m_rules.push_back(std::move(rule));
}

bool IgnoreRules::rule_matches(const Rule& rule, std::string_view path, bool is_directory) {
  if (rule.directory_only && !is_directory) {
    return false;
  }
  if (rule.anchored) {
    return glob_match(rule.glob, path);
  }
  const std::size_t slash = path.rfind('/');
  return glob_match(rule.glob, slash == std::string_view::npos ? path : path.substr(slash + 1));
}

bool IgnoreRules::ignored(std::string_view path, bool is_directory) const {
  bool result = false;
  for (const auto& rule : m_rules) {
    if (rule_matches(rule, path, is_directory)) {
      result = !rule.negated;
    }
  }
  return result;
}

bool IgnoreRules::matches(std::string_view path, bool is_directory) const {
  for (const auto& rule : m_rules) {
    if (!rule.negated && rule_matches(rule, path, is_directory)) {
      return true;
    }
  }
  return false;
}

}  // namespace chimera::discover
