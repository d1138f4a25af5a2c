#include "chimera/render/narrative.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

#include "chimera/render/escape.hpp"

namespace chimera::render {
namespace {

enum class Part : std::uint8_t { none, summary, recommendations, risks };
enum class Style : std::uint8_t { none = 0, numbered = 1, bold = 2, atx = 3 };

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const std::size_t nl = text.find('\n', pos);
    const std::size_t end = nl == std::string_view::npos ? text.size() : nl;
    lines.push_back(text.substr(pos, end - pos));
    if (nl == std::string_view::npos) {
      break;
    }
    pos = nl + 1;
  }
  return lines;
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// How `line` reads as a section heading, and which section it names.
std::pair<Style, Part> classify(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && line[i] == ' ') {
    ++i;
  }
  Style style = Style::none;
  if (i < line.size() && line[i] == '#') {
    style = Style::atx;
    while (i < line.size() && (line[i] == '#' || line[i] == ' ')) {
      ++i;
    }
  } else if (line.substr(i, 2) == "**") {
    style = Style::bold;
  }
  while (i < line.size() && (line[i] == '*' || line[i] == '_' || line[i] == ' ')) {
    ++i;
  }
  const std::size_t digits = i;
  while (i < line.size() && std::isdigit(static_cast<unsigned char>(line[i])) != 0) {
    ++i;
  }
  if (i > digits && i < line.size() && (line[i] == '.' || line[i] == ')')) {
    ++i;
    if (style == Style::none) {
      style = Style::numbered;
    }
  }
  std::string rest = lower(line.substr(i));
  while (!rest.empty() && (rest.back() == ' ' || rest.back() == '*' || rest.back() == ':' ||
                           rest.back() == '_' || rest.back() == '\r')) {
    rest.pop_back();
  }
  const std::size_t limit = style == Style::numbered ? 40 : 60;
  if (style == Style::none || rest.size() > limit) {
    return {Style::none, Part::none};
  }
  if (rest.find("summary") != std::string::npos) {
    return {style, Part::summary};
  }
  if (rest.find("recommendation") != std::string::npos) {
    return {style, Part::recommendations};
  }
  if (rest.find("risk") != std::string::npos) {
    return {style, Part::risks};
  }
  return {Style::none, Part::none};
}

std::string trim_blank_lines(std::string_view text) {
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos ||
        text.substr(start, nl - start).find_first_not_of(" \t\r") != std::string_view::npos) {
      break;
    }
    start = nl + 1;
  }
  std::size_t end = text.size();
  while (end > start && (text[end - 1] == '\n' || text[end - 1] == ' ' || text[end - 1] == '\r' ||
                         text[end - 1] == '\t')) {
    --end;
  }
  return std::string(text.substr(start, end - start));
}

std::optional<NarrativePart> make_part(std::string section, std::string_view text, int top,
                                       const grounding::Evidence& evidence, Narrative& narrative,
                                       const model::PassResult& pass,
                                       const grounding::SentenceJudge* judge) {
  NarrativePart part;
  part.section = std::move(section);
  if (!pass.ok) {
    part.cut_off = "the " + pass.name + " pass failed before it finished: " + pass.error;
  }
  // Sanitised before the grounding check, so that the marks it places fall where they show.
  part.text = sanitize_markdown(demote_headings(text, top));
  if (part.text.empty()) {
    return std::nullopt;
  }
  part.mentions = grounding::check(part.text, part.section, evidence, judge);
  part.first_ref = narrative.grounding.unsupported.size() + 1;
  grounding::tally(narrative.grounding, part.mentions);
  narrative.has_text = true;
  return part;
}

// The pass called `name` if it finished, or failed after streaming some text.
const model::PassResult* find_pass(const model::LlmOutcome& llm, std::string_view name) {
  for (const auto& p : llm.passes) {
    if (p.name == name && (p.ok || !p.text.empty())) {
      return &p;
    }
  }
  return nullptr;
}

}  // namespace

ReportSections split_report(std::string_view text) {
  const auto lines = split_lines(text);
  Style best = Style::none;
  for (const auto line : lines) {
    best = std::max(best, classify(line).first);
  }
  ReportSections out;
  if (best == Style::none) {
    return out;
  }
  Part current = Part::none;
  std::string body;
  const auto flush = [&] {
    std::optional<std::string>* slot = current == Part::summary           ? &out.summary
                                       : current == Part::recommendations ? &out.recommendations
                                       : current == Part::risks           ? &out.risks
                                                                          : nullptr;
    const std::string part_text = trim_blank_lines(body);
    if (slot != nullptr && (!*slot || (*slot)->empty())) {
      *slot = part_text;
    } else if (slot != nullptr && !part_text.empty()) {
      (*slot)->append("\n\n").append(part_text);  // the model repeated a heading: keep both parts
    }
    body.clear();
  };
  for (const auto line : lines) {
    const auto [style, part] = classify(line);
    if (style == best && part != Part::none) {
      flush();
      current = part;
      continue;
    }
    body.append(line);
    body += '\n';
  }
  flush();
  return out;
}

std::string demote_headings(std::string_view text, int top) {
  const std::string trimmed = trim_blank_lines(text);
  const auto lines = split_lines(trimmed);
  int highest = 7;
  bool fenced = false;
  for (const auto line : lines) {
    fenced = line.rfind("```", 0) == 0 ? !fenced : fenced;
    const std::size_t level = line.find_first_not_of('#');
    if (!fenced && level > 0 && level <= 6 && level < line.size() && line[level] == ' ') {
      highest = std::min(highest, static_cast<int>(level));
    }
  }
  std::string out;
  fenced = false;
  for (const auto line : lines) {
    fenced = line.rfind("```", 0) == 0 ? !fenced : fenced;
    const std::size_t level = line.find_first_not_of('#');
    if (!fenced && level > 0 && level <= 6 && level < line.size() && line[level] == ' ') {
      const int shifted = std::min(6, static_cast<int>(level) - highest + top);
      out += std::string(static_cast<std::size_t>(shifted), '#');
      out.append(line.substr(level));
    } else {
      out.append(line);
    }
    out += '\n';
  }
  while (!out.empty() && out.back() == '\n') {
    out.pop_back();
  }
  return out;
}

Narrative build_narrative(const model::LlmOutcome& llm, std::string_view evidence_text,
                          const grounding::SentenceJudge* judge) {
  Narrative narrative;
  const grounding::Evidence evidence(evidence_text);
  const auto* analysis = find_pass(llm, "analysis");
  const auto* report = find_pass(llm, "report");
  ReportSections sections;
  if (report != nullptr) {
    sections = split_report(report->text);
    if (!sections.summary && !sections.recommendations && !sections.risks && !report->ok) {
      sections.summary = report->text;  // cut off before its first heading: shown as it came
    } else if (!sections.summary && !sections.recommendations && !sections.risks) {
      narrative.report_problem =
          "the report pass returned no usable structure (no Executive Summary, Recommendations "
          "or Risks heading), so its text is not shown";
    }
  }
  // Report order: Executive Summary, Key Findings, Recommendations, Risks and Mitigations.
  if (sections.summary) {
    narrative.summary =
        make_part("Executive Summary", *sections.summary, 3, evidence, narrative, *report, judge);
  }
  if (analysis != nullptr) {
    narrative.findings =
        make_part("Key Findings", analysis->text, 4, evidence, narrative, *analysis, judge);
  }
  if (sections.recommendations) {
    narrative.recommendations = make_part("Recommendations", *sections.recommendations, 4,
                                          evidence, narrative, *report, judge);
  }
  if (sections.risks) {
    narrative.risks =
        make_part("Risks and Mitigations", *sections.risks, 3, evidence, narrative, *report, judge);
  }
  return narrative;
}

}  // namespace chimera::render
