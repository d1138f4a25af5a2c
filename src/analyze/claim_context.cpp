#include "chimera/analyze/claim_context.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

#include "chimera/analyze/names.hpp"

namespace chimera::analyze {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

bool as_number(std::string_view text, double& out) {
  if (text.empty()) {
    return false;
  }
  const std::string s(text);
  char* end = nullptr;
  out = std::strtod(s.c_str(), &end);
  return end == s.c_str() + s.size() && std::isfinite(out);
}

bool same_model(std::string_view named, std::string_view model) {
  const std::string a = lower(named);
  const std::string b = lower(model);
  if (a == b) {
    return true;
  }
  const auto base = [](const std::string& m) { return m.substr(0, m.find(':')); };
  return base(a) == base(b) &&
         (a.find(':') == std::string::npos || b.find(':') == std::string::npos);
}

bool is_numeric_factor(const model::Factor& f) {
  double v = 0;
  return !f.levels.empty() &&
         std::all_of(f.levels.begin(), f.levels.end(),
                     [&](const std::string& l) { return l.empty() || as_number(l, v); });
}

// Whether a piece of a level of several words ("chimera" of "chimera_optimized") that no other
// level has, of 4 letters or more, is among the words.
template <class Said>
bool distinctive_piece_said(const model::Factor& f, const std::string& level, Said said) {
  const auto pieces = [](const std::string& text) {
    std::vector<std::string> out;
    std::size_t begin = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
      if (i == text.size() || text[i] == '_' || text[i] == '-' || text[i] == ' ') {
        if (i > begin) {
          out.push_back(text.substr(begin, i - begin));
        }
        begin = i + 1;
      }
    }
    return out;
  };
  const auto mine = pieces(level);
  if (mine.size() < 2) {
    return false;
  }
  for (const auto& piece : mine) {
    if (piece.size() < 4 || !said(piece)) {
      continue;
    }
    const bool shared = std::any_of(f.levels.begin(), f.levels.end(), [&](const std::string& o) {
      const std::string other = lower(o);
      if (other == level) {
        return false;
      }
      const auto theirs = pieces(other);
      return std::find(theirs.begin(), theirs.end(), piece) != theirs.end();
    });
    if (!shared) {
      return true;
    }
  }
  return false;
}

// The levels of `f` one context names.
std::vector<std::string> levels_named(const model::Factor& f, const ClaimContext& context,
                                      bool settings_only) {
  std::vector<std::string> out;
  auto add = [&](const std::string& level) {
    if (std::find(out.begin(), out.end(), level) == out.end()) {
      out.push_back(level);
    }
  };
  for (const auto& setting : context.settings) {
    if (setting.first != f.name) {
      continue;
    }
    const auto& value = setting.second;  // not a binding: clang 14 cannot capture one
    const auto it = std::find_if(f.levels.begin(), f.levels.end(),
                                 [&](const std::string& l) { return same_level(l, value); });
    add(it == f.levels.end() ? value : *it);
  }
  if (settings_only || is_numeric_factor(f)) {
    return out;
  }
  const auto said_word = [&](const std::string& w) {
    return std::find(context.words.begin(), context.words.end(), w) != context.words.end();
  };
  for (const auto& level : f.levels) {
    const std::string l = lower(level);
    const bool said = said_word(l) || distinctive_piece_said(f, l, said_word) ||
                      std::any_of(context.models.begin(), context.models.end(),
                                  [&](const std::string& m) { return same_model(m, level); });
    if (said) {
      add(level);
    }
  }
  return out;
}

}  // namespace

bool same_level(std::string_view a, std::string_view b) {
  double x = 0;
  double y = 0;
  if (as_number(a, x) && as_number(b, y)) {
    return std::fabs(x - y) <= 1e-6 * std::max(1.0, std::fabs(x));
  }
  return lower(a) == lower(b);
}

Constraints constraints_for(const model::Experiment& e,
                            const std::vector<const ClaimContext*>& layers, bool settings_only) {
  Constraints k;
  k.level.assign(e.factors.size(), "");
  for (std::size_t f = 0; f < e.factors.size(); ++f) {
    for (std::size_t l = 0; l < layers.size(); ++l) {
      const auto* layer = layers[l];
      auto named = levels_named(e.factors[f], *layer, settings_only);
      const auto& levels = e.factors[f].levels;
      const auto unknown = [&](const std::string& v) {
        return std::find(levels.begin(), levels.end(), v) == levels.end();
      };
      // A path spells many words that look like settings ("agent_sweep"): only its known
      // levels count.
      if (l + 1 == layers.size() && layers.size() > 1) {
        named.erase(std::remove_if(named.begin(), named.end(), unknown), named.end());
      }
      if (named.size() == 1 && unknown(named.front())) {
        k.compatible = false;  // a level the experiment never ran: num_gpu=999
        k.why_not = e.factors[f].name + "=" + named.front();
      } else if (named.size() == 1) {
        k.level[f] = named.front();
        k.named.emplace_back(e.factors[f].name, named.front());
      } else if (named.size() > 1) {
        k.ambiguous = true;
      }
      if (!named.empty()) {
        break;
      }
    }
  }
  // A fixed setting named with another value, or a model the experiment does not run.
  std::vector<std::string> models;
  for (const auto& [name, value] : e.fixed) {
    if (name == "model") {
      models.push_back(value);
    }
    for (const auto* layer : layers) {
      for (const auto& [n, v] : layer->settings) {
        if (n == name && !same_level(v, value)) {
          k.compatible = false;
          k.why_not = name + "=" + v;
        }
      }
    }
  }
  for (const auto& f : e.factors) {
    if (f.name == "model") {
      models.insert(models.end(), f.levels.begin(), f.levels.end());
    }
  }
  for (const auto* layer : layers) {
    for (const auto& m : layer->models) {
      if (std::none_of(models.begin(), models.end(),
                       [&](const std::string& known) { return same_model(m, known); })) {
        k.compatible = false;
        k.why_not = m;
      } else {
        k.named.emplace_back("model", m);
      }
    }
    if (!layer->models.empty()) {
      break;
    }
  }
  return k;
}

bool satisfies(const model::Experiment& e, std::size_t c, const Constraints& k) {
  const auto& values = e.configurations[c].values;
  for (std::size_t f = 0; f < k.level.size() && f < values.size(); ++f) {
    if (!k.level[f].empty() && !values[f].empty() && !same_level(values[f], k.level[f])) {
      return false;
    }
  }
  return true;
}

std::size_t factor_named(const model::Experiment& e, const ClaimContext& context) {
  for (std::size_t f = 0; f < e.factors.size(); ++f) {
    for (const auto& word : context.words) {
      if (word.size() > 1 && canonical_setting(word) == e.factors[f].name) {
        return f;
      }
    }
  }
  return static_cast<std::size_t>(-1);
}

}  // namespace chimera::analyze
