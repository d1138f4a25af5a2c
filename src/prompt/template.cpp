#include "chimera/prompt/template.hpp"

#include <algorithm>
#include <system_error>

#include "chimera/prompt/builtin.hpp"
#include "chimera/util/file_io.hpp"

namespace chimera::prompt {
namespace {

bool is_known(std::string_view name) {
  return std::find(std::begin(k_placeholders), std::end(k_placeholders), name) !=
         std::end(k_placeholders);
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') {
    s.remove_prefix(1);
  }
  while (!s.empty() && s.back() == ' ') {
    s.remove_suffix(1);
  }
  return s;
}

std::string known_list() {
  std::string known;
  for (const auto k : k_placeholders) {
    known += (known.empty() ? "" : ", ") + std::string(k);
  }
  return known;
}

// Walks the placeholders of `prompt`; values == nullptr only validates.
Result<std::string> expand(const PromptText& prompt, const Values* values) {
  std::string out;
  const std::string_view text = prompt.text;
  std::size_t line = 1;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t open = text.find("{{", pos);
    const std::size_t stop = open == std::string_view::npos ? text.size() : open;
    const std::string_view chunk = text.substr(pos, stop - pos);
    line += static_cast<std::size_t>(std::count(chunk.begin(), chunk.end(), '\n'));
    out.append(chunk);
    if (open == std::string_view::npos) {
      break;
    }
    const std::size_t close = text.find("}}", open + 2);
    const std::string where = prompt.origin + ":" + std::to_string(line);
    if (close == std::string_view::npos ||
        text.substr(open, close - open).find('\n') != std::string_view::npos) {
      return fail(ErrorCode::usage,
                  "unterminated placeholder '{{' (close it with }} on the same line)", where);
    }
    const std::string_view name = trim(text.substr(open + 2, close - open - 2));
    if (!is_known(name)) {
      return fail(ErrorCode::usage,
                  "unknown placeholder {{" + std::string(name) + "}} (known: " + known_list() + ")",
                  where);
    }
    if (values != nullptr) {
      const auto it = values->find(name);
      if (it == values->end()) {
        return fail(ErrorCode::internal, "no value for {{" + std::string(name) + "}}", where);
      }
      out += it->second;
    }
    pos = close + 2;
  }
  return out;
}

}  // namespace

Result<PromptText> load_prompt(std::string_view name,
                               const std::optional<std::filesystem::path>& dir) {
  if (dir) {
    const auto path = *dir / (std::string(name) + ".md");
    std::error_code ec;
    if (std::filesystem::exists(path, ec)) {
      auto text = util::read_file(path);
      if (!text) {
        return tl::unexpected(text.error());
      }
      return PromptText{std::string(name), path.string(), std::move(*text)};
    }
  }
  for (const auto& builtin : builtin_prompts()) {
    if (builtin.name == name) {
      return PromptText{std::string(name), "prompts/" + std::string(name) + ".md (built in)",
                        std::string(builtin.text)};
    }
  }
  return fail(ErrorCode::internal, "no built-in prompt named '" + std::string(name) + "'");
}

Result<std::string> fill(const PromptText& prompt, const Values& values) {
  return expand(prompt, &values);
}

Result<void> validate(const PromptText& prompt) {
  auto checked = expand(prompt, nullptr);
  if (!checked) {
    return tl::unexpected(checked.error());
  }
  return {};
}

}  // namespace chimera::prompt
