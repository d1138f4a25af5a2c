#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace chimera::discover {

// Matches `path` ('/'-separated) against a glob: '*' and '?' match within one path component,
// '**' matches any number of components ("a/**/b", "**/x.csv", "reports/**"), "[abc]" and
// "[a-z]" match one character of a set.
[[nodiscard]] bool glob_match(std::string_view pattern, std::string_view path);

// A list of gitignore-style rules (the subset chimera reads from .chimeraignore and the
// --include/--exclude flags): one glob per line; blank lines and lines starting with '#' are
// ignored; a trailing '/' matches directories only; a leading '!' re-includes what an earlier
// rule excluded; a pattern without '/' matches the name at any depth, one with a '/' matches the
// path relative to the root (a leading '/' anchors it there).
class IgnoreRules {
 public:
  IgnoreRules() = default;
  // Parses the text of a .chimeraignore file.
  [[nodiscard]] static IgnoreRules parse(std::string_view text);
  // One rule per glob, as the --include and --exclude flags give them.
  [[nodiscard]] static IgnoreRules from_globs(const std::vector<std::string>& globs);

  // Whether the last rule that matches `path` excludes it (false when none matches).
  [[nodiscard]] bool ignored(std::string_view path, bool is_directory) const;
  // Whether any non-negated rule matches `path`.
  [[nodiscard]] bool matches(std::string_view path, bool is_directory) const;
  [[nodiscard]] bool empty() const { return m_rules.empty(); }

 private:
  struct Rule {
    std::string glob;
    bool negated = false;
    bool directory_only = false;
    bool anchored = false;  // contains a '/': match the whole relative path
  };
  void add(std::string_view line);
  [[nodiscard]] static bool rule_matches(const Rule& rule, std::string_view path, bool is_directory);
  std::vector<Rule> m_rules;
};

}  // namespace chimera::discover
