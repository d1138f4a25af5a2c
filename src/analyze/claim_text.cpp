#include "chimera/analyze/claim_text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <optional>

#include "chimera/analyze/claim_numbers.hpp"
#include "chimera/analyze/claim_words.hpp"
#include "chimera/analyze/locations.hpp"
#include "chimera/analyze/names.hpp"
#include "level_words.hpp"

namespace chimera::analyze {
namespace {

using detail::is_digit;
using detail::lower;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '*' || s.front() == '`')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '*' || s.back() == '`')) {
    s.remove_suffix(1);
  }
  return s;
}

// The metric, statistic and flags a phrase names, onto `claim` where it does not know them yet.
void read_phrase(std::string_view phrase, TextClaim& claim) {
  const std::string words = lower(phrase);
  if (claim.kind == model::MetricKind::none && !claim.unmeasurable) {
    claim.kind = metric_of_words(words, claim.unmeasurable);
  }
  if (has_any(words, {"std", "stddev", "standard deviation", "\xCF\x83"})) {
    claim.stat = claim.stat == ClaimStat::any ? ClaimStat::stddev : claim.stat;
  }
  if (has_any(words, {"cv", "coefficient of variation"})) {
    claim.stat = ClaimStat::cv;
  }
  claim.warm = claim.warm || has_any(words, {"warm", "excluding cold", "excl. cold",
                                             "without the cold", "without cold", "steady"});
  claim.best = claim.best || has_any(words, {"best", "fastest", "winner", "optimal", "top"});
  claim.peak = claim.peak || has_any(words, {"peak", "max", "maximum", "highest"});
  if (claim.named_stat.empty()) {
    if (has_any(words, {"mean", "average", "avg", "averaged", "averages"})) {
      claim.named_stat = "mean";
    } else if (has_any(words, {"median", "p50"})) {
      claim.named_stat = "median";
    } else if (has_any(words, {"p95"})) {
      claim.named_stat = "p95";
    } else if (has_any(words, {"min", "minimum", "lowest"})) {
      claim.named_stat = "min";
    } else if (claim.peak) {
      claim.named_stat = "max";
    }
  }
}

// The claim of a number, from its unit and the phrases that say what it measures.
std::optional<TextClaim> make_claim(const WrittenNumber& w,
                                    std::initializer_list<std::string_view> near,
                                    const ClaimContext& context) {
  if (w.signed_change && w.unit != "%") {
    return std::nullopt;
  }
  TextClaim claim;
  claim.value = w.value;
  claim.upper = w.upper;
  claim.decimals = w.decimals;
  claim.unit = w.unit;
  claim.context = context;
  if (w.after_plus_minus) {
    claim.stat = ClaimStat::stddev;
  }
  read_phrase(w.unit, claim);
  for (const auto phrase : near) {
    read_phrase(phrase, claim);
  }
  if (claim.kind == model::MetricKind::none && !claim.unmeasurable) {
    return std::nullopt;
  }
  if (w.unit == "%" && claim.stat == ClaimStat::any && !claim.unmeasurable) {
    claim.stat = model::is_raw_measurement(claim.kind) ? ClaimStat::relative : claim.stat;
  }
  if (!unit_fits(claim.unit, claim.kind)) {
    return std::nullopt;  // "1.2 s" under a tokens header: not what the header says
  }
  return claim;
}

std::string_view innermost(std::string_view heading) {
  const auto cut = heading.rfind(" > ");
  return cut == std::string_view::npos ? heading : heading.substr(cut + 3);
}

std::vector<std::string_view> split_cells(std::string_view row) {
  std::vector<std::string_view> cells;
  std::size_t begin = 0;
  while (true) {
    const std::size_t bar = row.find(" | ", begin);
    cells.push_back(trim(row.substr(begin, bar == std::string_view::npos ? bar : bar - begin)));
    if (bar == std::string_view::npos) {
      break;
    }
    begin = bar + 3;
  }
  return cells;
}

// The claims of one clause-separated sentence or line, `key` its bullet key when it has one.
void sentence_claims(std::string_view text, std::string_view key, std::string_view heading,
                     const ClaimContext& context, std::vector<TextClaim>& out) {
  if (not_measured(text)) {
    return;
  }
  const auto numbers = numbers_in(text);
  std::vector<TextClaim> found;
  // A bare number in running text is as often a count or a setting as a measurement: only a
  // bullet's short value ("- TTFT: 1395.81") may leave its unit to the key.
  const bool bare_allowed = !key.empty() && is_short_value(text);
  for (std::size_t n = 0; n < numbers.size(); ++n) {
    const auto& w = numbers[n];
    if (w.unit.empty() && !bare_allowed) {
      continue;
    }
    // The clause before the number (back to a comma, semicolon or bracket, or the number
    // before it), and the few words after it.
    std::size_t from = n > 0 ? numbers[n - 1].end : 0;
    const auto cut = text.substr(0, w.begin).find_last_of(",;()");
    if (cut != std::string_view::npos && cut >= from) {
      from = cut + 1;
    }
    const auto before = text.substr(from, w.begin - from);
    std::size_t to = std::min(text.size(), w.end + 40);
    if (n + 1 < numbers.size()) {
      to = std::min(to, numbers[n + 1].begin);
    }
    const auto after_cut = text.substr(w.end, to - w.end).find_first_of(",;()");
    const auto after =
        text.substr(w.end, after_cut == std::string_view::npos ? to - w.end : after_cut);
    // "0.4% higher throughput": a change names its metric after it, a measurement before.
    auto claim = w.unit == "%" ? make_claim(w, {after, before, key}, context)
                               : make_claim(w, {before, after, key}, context);
    // With a unit written, the one metric the sentence (or else the heading) names; a bare
    // number so far from its metric is a setting's value ("from 512 to 1024") as often.
    if (!claim && !w.unit.empty() && metrics_named(lower(text)) == 1) {
      claim = make_claim(w, {before, after, key, text}, context);
    }
    if (!claim && !w.unit.empty() && !heading.empty() && metrics_named(lower(heading)) == 1) {
      // "### TTFT" above "- Baseline: 3.8 s"
      claim = make_claim(w, {before, after, key, heading}, context);
    }
    // A percentage of a measurement is a change only where the sentence says so; "CV of 0.0%
    // for throughput and 0.0% for TTFT" is not one.
    if (claim && claim->stat == ClaimStat::relative && !compares(text) && !compares(key)) {
      claim.reset();
    }
    // "Context: 512 tokens" is a setting.
    const auto near_before =
        text.substr(w.begin > 32 ? w.begin - 32 : 0, std::min<std::size_t>(w.begin, 32));
    if (claim && claim->kind == model::MetricKind::tokens &&
        (names_context(near_before) || names_context(key) ||
         (looks_like_context_size(claim->value) && !has_any(lower(text), {"generated"})))) {
      claim.reset();
    }
    if (claim) {
      claim->context.merge(context_of_text(text));
      found.push_back(std::move(*claim));
    }
  }
  // A sentence with one number: "best" or "warm" anywhere in it is about that number.
  if (found.size() == 1) {
    const std::string words = lower(text);
    auto& claim = found.front();
    claim.best = claim.best || has_any(words, {"best", "fastest", "winner", "optimal"});
    claim.warm = claim.warm || has_any(words, {"warm", "excluding cold", "excl. cold",
                                               "without the cold", "without cold"});
  }
  for (auto& claim : found) {
    out.push_back(std::move(claim));
  }
}

}  // namespace

void ClaimContext::merge(const ClaimContext& other) {
  for (const auto& s : other.settings) {
    if (std::none_of(settings.begin(), settings.end(),
                     [&](const auto& mine) { return mine.first == s.first; })) {
      settings.push_back(s);
    }
  }
  models.insert(models.end(), other.models.begin(), other.models.end());
  words.insert(words.end(), other.words.begin(), other.words.end());
}

ClaimContext context_of_text(std::string_view text) {
  ClaimContext context;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !(std::isalnum(static_cast<unsigned char>(text[i])) != 0)) {
      ++i;
    }
    std::size_t j = i;
    while (j < text.size() &&
           (std::isalnum(static_cast<unsigned char>(text[j])) != 0 || text[j] == '_' ||
            text[j] == '.' || text[j] == ':' || text[j] == '=' || text[j] == '-')) {
      ++j;
    }
    std::string_view token = text.substr(i, j - i);
    while (!token.empty() && (token.back() == '.' || token.back() == ':' || token.back() == '-')) {
      token.remove_suffix(1);
    }
    i = j;
    if (token.empty()) {
      continue;
    }
    if (const auto eq = token.find('='); eq != std::string_view::npos) {
      if (eq > 0 && eq + 1 < token.size()) {
        context.settings.emplace_back(canonical_setting(token.substr(0, eq)),
                                      std::string(token.substr(eq + 1)));
      }
      continue;
    }
    auto compact = compact_settings(token);
    if (compact.empty()) {
      compact = settings_in(token);
    }
    if (!compact.empty()) {
      for (auto& s : compact) {
        context.settings.push_back(std::move(s));
      }
      continue;
    }
    // A model name has a version or a tag ("llama3:70b", "qwen2.5-7b"); "optimized" is a word.
    if (std::any_of(token.begin(), token.end(), [](char c) { return is_digit(c) || c == ':'; }) &&
        looks_like_model(token)) {
      context.models.emplace_back(lower(token));
    }
    std::size_t b = 0;
    for (std::size_t k = 0; k <= token.size(); ++k) {
      if (k == token.size() || token[k] == '_' || token[k] == '.' || token[k] == '-') {
        if (k > b) {
          context.words.push_back(lower(token.substr(b, k - b)));
        }
        b = k + 1;
      }
    }
    if (b > 1) {
      context.words.push_back(lower(token));
    }
  }
  return context;
}

std::vector<TextClaim> claims_in(const model::Passage& passage, std::string_view header) {
  std::vector<TextClaim> out;
  if (passage.kind == model::PassageKind::table_header) {
    return out;
  }
  if (not_measured(passage.text) || not_measured(innermost(passage.heading)) ||
      cites(passage.text, innermost(passage.heading))) {
    return out;
  }
  if (passage.kind != model::PassageKind::table_row) {
    const std::string_view text = passage.text;
    const auto colon = text.find(": ");
    const bool keyed = colon != std::string_view::npos && colon <= 60 &&
                       std::none_of(text.begin(), text.begin() + static_cast<long>(colon),
                                    [](char c) { return is_digit(c); });
    if (keyed && is_setting_header(lower(trim(text.substr(0, colon))))) {
      return out;  // "- Context: 512 tokens", "- GPU Layers: 80"
    }
    if (keyed) {
      const auto key = text.substr(0, colon);
      ClaimContext context = context_of_text(key);
      sentence_claims(text.substr(colon + 2), key, innermost(passage.heading), context, out);
    } else {
      sentence_claims(text, {}, innermost(passage.heading), {}, out);
    }
    return out;
  }
  if (not_measured(header)) {
    return out;
  }
  const auto cells = split_cells(passage.text);
  const auto names = split_cells(header);
  // The row's label: its first cell when that is words, or when the header says the first
  // column names metrics ("| Metric | Baseline | Chimera |").
  const bool labelled = !cells.empty() && (numbers_in(cells[0]).empty() ||
                                           (!names.empty() && is_key_header(lower(names[0]))));
  const std::string_view label = labelled ? cells[0] : std::string_view{};
  ClaimContext row_context = context_of_text(label);
  // Cells under a setting's header name the configuration of the row's numbers.
  for (std::size_t c = labelled ? 1 : 0; c < cells.size() && c < names.size(); ++c) {
    if (is_setting_header(lower(names[c]))) {
      const std::string name = canonical_setting(names[c]);
      auto spelled = context_of_text(cells[c]);
      if (spelled.settings.empty() && is_short_data(cells[c]) &&
          !is_config_label(lower(names[c]))) {
        spelled.settings.emplace_back(name, std::string(cells[c]));
      }
      row_context.merge(spelled);
    }
  }
  for (std::size_t c = labelled ? 1 : 0; c < cells.size(); ++c) {
    const std::string_view name = c < names.size() ? names[c] : std::string_view{};
    const std::string lname = lower(name);
    if (is_setting_header(lname) || is_index_word(lname) || cites(name, {}) || not_measured(name)) {
      continue;
    }
    const auto numbers = numbers_in(cells[c]);
    for (std::size_t n = 0; n < numbers.size(); ++n) {
      WrittenNumber w = numbers[n];
      if (w.unit.empty()) {
        w.unit = unit_in_header(name.empty() ? label : name);
        if (w.unit.empty()) {
          w.unit = unit_in_header(label);
        }
      }
      if (names_change(name) && w.unit != "%") {
        continue;  // a difference between the columns before it
      }
      ClaimContext context = row_context;
      context.merge(context_of_text(name));
      auto claim = make_claim(w, {name, label}, context);
      if (claim && claim->kind == model::MetricKind::tokens &&
          (names_context(label) || names_context(name))) {
        claim.reset();  // "| Context Size | 512 tokens |"
      }
      if (claim && claim->stat == ClaimStat::relative && !names_change(name) && !compares(label)) {
        claim.reset();
      }
      if (claim) {
        out.push_back(std::move(*claim));
      }
    }
  }
  return out;
}

std::vector<TextClaim> claims_in_sentence(std::string_view sentence) {
  std::vector<TextClaim> out;
  sentence_claims(sentence, {}, {}, {}, out);
  return out;
}

}  // namespace chimera::analyze
