#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>

#include "chimera/render/report.hpp"
#include "chimera/util/time.hpp"
#include "json_changes.hpp"
#include "json_claims.hpp"
#include "json_values.hpp"

namespace chimera::render {
namespace {

using Json = nlohmann::ordered_json;

template <typename T>
Json or_null(const std::optional<T>& value) {
  return value ? Json(*value) : Json(nullptr);
}

Json number_or_null(double value) {
  return detail::json_number(value);
}

Json text_or_null(const std::string& text) {
  return text.empty() ? Json(nullptr) : Json(text);
}

Json group_json(const model::GroupKey& group) {
  return detail::json_group(group);
}

// Statistics of a sample; every field null when the sample is empty, spread null when n < 2.
Json summary_json(const model::Summary& s) {
  const bool any = s.n > 0;
  const bool spread = s.n >= 2;
  const auto num = [&](double v, bool known) { return known ? number_or_null(v) : Json(nullptr); };
  Json out;
  out["n"] = s.n;
  out["mean"] = num(s.mean, any);
  out["median"] = num(s.median, any);
  out["stddev"] = num(s.stddev, spread);
  out["cv"] = num(s.cv, spread && s.mean != 0);
  out["min"] = num(s.min, any);
  out["max"] = num(s.max, any);
  out["p05"] = num(s.p05, any);
  out["p95"] = num(s.p95, any);
  out["median_ci"] = s.median_ci ? Json{{"low", number_or_null(s.median_ci->first)},
                                        {"high", number_or_null(s.median_ci->second)}}
                                 : Json(nullptr);
  return out;
}

Json metric_head(model::MetricKind kind, const std::string& unit, model::Direction direction) {
  return Json{
      {"kind", model::to_string(kind)},
      {"unit", text_or_null(unit)},
      {"direction",
       direction == model::Direction::none ? Json(nullptr) : Json(model::to_string(direction))}};
}

Json inventory_json(const model::Inventory& inv) {
  Json by_kind = Json::object();
  for (const auto& [kind, t] : inv.by_kind) {
    by_kind[std::string(model::to_string(kind))] = {
        {"files", t.files},
        {"bytes", t.bytes},
        {"latest_modified",
         t.latest_modified ? Json(util::iso8601_utc(*t.latest_modified)) : Json(nullptr)}};
  }
  Json skipped = Json::array();
  for (const auto& [path, reason] : inv.skipped) {
    skipped.push_back({{"path", path}, {"reason", reason}});
  }
  return {{"files_total", inv.files_total},
          {"by_kind", by_kind},
          {"directories", inv.directories},
          {"tables", inv.tables},
          {"rows", inv.rows},
          {"failed_rows", inv.failed_rows},
          {"data_first", inv.data_first ? Json(util::iso8601_utc(*inv.data_first)) : Json(nullptr)},
          {"data_last", inv.data_last ? Json(util::iso8601_utc(*inv.data_last)) : Json(nullptr)},
          {"time_range_source", text_or_null(inv.time_range_source)},
          {"skipped", skipped}};
}

Json files_json(const model::Corpus& corpus) {
  Json out = Json::array();
  for (const auto& f : corpus.files) {
    out.push_back({{"path", f.path},
                   {"kind", model::to_string(f.kind)},
                   {"bytes", f.bytes},
                   {"modified", util::iso8601_utc(f.modified)},
                   {"content_hash", text_or_null(f.content_hash)},
                   {"tables", f.tables},
                   {"skipped", f.skipped},
                   {"skip_reason", text_or_null(f.skip_reason)}});
  }
  return out;
}

Json diagnostics_json(const model::Corpus& corpus) {
  Json out = Json::array();
  for (const auto& d : corpus.diagnostics) {
    out.push_back({{"path", d.path},
                   {"line", or_null(d.line)},
                   {"severity", model::to_string(d.severity)},
                   {"message", d.message}});
  }
  return out;
}

// `tables` lists at most this many entries (and `metrics` as many, see model::k_table_metrics):
// a corpus of a million small tables would otherwise give a report of gigabytes. The
// experiments cover every table.
constexpr std::size_t k_max_entries = model::k_table_metrics;

Json tables_json(const model::Corpus& corpus) {
  Json out = Json::array();
  for (std::size_t i = 0; i < corpus.tables.size() && i < k_max_entries; ++i) {
    const auto& t = corpus.tables[i];
    Json columns = Json::array();
    for (const auto& c : t.columns) {
      columns.push_back(
          {{"name", c.name()},
           {"type", model::to_string(c.type())},
           {"role", model::to_string(c.role())},
           {"kind",
            c.kind() == model::MetricKind::none ? Json(nullptr) : Json(model::to_string(c.kind()))},
           {"unit", text_or_null(c.unit())}});
    }
    out.push_back({{"source", t.source},
                   {"locator", t.locator},
                   {"title", text_or_null(t.title)},
                   {"rows", t.rows()},
                   {"columns", columns}});
  }
  return out;
}

Json metrics_json(const model::Analysis& a) {
  Json out = Json::array();
  for (const auto& m : a.metrics) {
    Json j{{"source", m.source}, {"locator", m.locator}, {"column", m.column}};
    j.update(metric_head(m.kind, m.unit, m.direction));
    j["failed_excluded"] = m.failed_excluded;
    j.update(summary_json(m.summary));
    out.push_back(std::move(j));
  }
  return out;
}

Json config_json(const model::Experiment& e, std::size_t configuration) {
  return group_json(e.key(configuration));
}

Json metric_json(const model::ExperimentMetric& m) {
  Json j{{"column", m.column}};
  j.update(metric_head(m.kind, m.unit, m.direction));
  return j;
}

// Files a configuration's runs come from: at most this many, with the total beside them.
constexpr std::size_t k_max_sources = 10;

Json experiment_json(const model::Experiment& e) {
  Json factors = Json::array();
  for (const auto& f : e.factors) {
    factors.push_back({{"name", f.name}, {"levels", f.levels}, {"origin", f.origin}});
  }
  Json configurations = Json::array();
  for (std::size_t c = 0; c < e.configurations.size(); ++c) {
    const auto& config = e.configurations[c];
    Json metrics = Json::array();
    for (const auto& cm : config.metrics) {
      Json j = metric_json(e.metrics[cm.metric]);
      j.update(summary_json(cm.summary));
      metrics.push_back(std::move(j));
    }
    const std::vector<std::string> sources(
        config.sources.begin(),
        config.sources.begin() +
            static_cast<std::ptrdiff_t>(std::min(config.sources.size(), k_max_sources)));
    configurations.push_back({{"config", config_json(e, c)},
                              {"sources", sources},
                              {"sources_total", config.sources.size()},
                              {"n", config.runs - config.failed},
                              {"failed", config.failed},
                              {"metrics", metrics}});
  }
  Json ranking = Json::array();
  for (const auto& r : e.ranking) {
    const auto* s = e.configurations[r.configuration].summary_of(*e.headline);
    Json j{{"rank", r.rank},
           {"tied_with_previous", r.tied_with_previous},
           {"config", config_json(e, r.configuration)}};
    j.update(metric_json(e.metrics[*e.headline]));
    j["n"] = s->n;
    j["median"] = number_or_null(s->median);
    j["median_ci"] = s->median_ci ? Json{{"low", number_or_null(s->median_ci->first)},
                                         {"high", number_or_null(s->median_ci->second)}}
                                  : Json(nullptr);
    ranking.push_back(std::move(j));
  }
  Json pareto = Json::array();
  for (const auto& p : e.pareto) {
    pareto.push_back({{"config", config_json(e, p.configuration)},
                      {"throughput_tok_s", number_or_null(p.throughput_tok_s)},
                      {"ttft_ms", number_or_null(p.ttft_ms)}});
  }
  Json comparisons = Json::array();
  for (const auto& c : e.comparisons) {
    Json j = metric_json(e.metrics[c.metric]);
    j.update(Json{{"baseline", config_json(e, c.baseline)},
                  {"candidate", config_json(e, c.candidate)},
                  {"varies", text_or_null(c.varies)},
                  {"n_baseline", c.n_baseline},
                  {"n_candidate", c.n_candidate},
                  {"median_ratio", number_or_null(c.median_ratio)},
                  {"p_value", number_or_null(c.p_value)},
                  {"significant", c.significant},
                  {"small_sample", c.small_sample}});
    comparisons.push_back(std::move(j));
  }
  Json effects = Json::array();
  for (const auto& effect : e.effects) {
    Json levels = Json::array();
    for (const auto& l : effect.levels) {
      levels.push_back({{"level", l.level}, {"n", l.n}, {"median", number_or_null(l.median)}});
    }
    effects.push_back({{"factor", effect.factor},
                       {"column", e.metrics[effect.metric].column},
                       {"levels", levels},
                       {"test", effect.test},
                       {"p_value", number_or_null(effect.p_value)},
                       {"spread", number_or_null(effect.spread)}});
  }
  Json metrics = Json::array();
  for (const auto& m : e.metrics) {
    Json j = metric_json(m);
    j["aggregate"] = m.aggregate;
    metrics.push_back(std::move(j));
  }
  Json overall = Json::array();
  for (const auto& o : e.overall) {
    Json j = metric_json(e.metrics[o.metric]);
    j.update(summary_json(o.summary));
    overall.push_back(std::move(j));
  }
  return {{"id", e.id},
          {"name", e.name},
          {"origin", e.origin},
          {"sources", e.sources},
          {"tables", e.tables},
          {"runs", e.runs},
          {"failed_runs", e.failed_runs},
          {"replicates", e.replicates},
          {"factors", factors},
          {"fixed", group_json(e.fixed)},
          {"metrics", metrics},
          {"headline", e.headline ? Json(e.metrics[*e.headline].column) : Json(nullptr)},
          {"secondary", e.secondary ? Json(e.metrics[*e.secondary].column) : Json(nullptr)},
          {"overall", overall},
          {"configurations", configurations},
          {"ranking", ranking},
          {"pareto", pareto},
          {"comparisons", comparisons},
          {"effects", effects}};
}

// A finding's evidence items: where, what was read, against what; null for what is unknown.
Json evidence_json(const std::vector<model::Evidence>& items) {
  Json out = Json::array();
  for (const auto& e : items) {
    const auto optional = [](const std::optional<double>& v) {
      return v ? number_or_null(*v) : Json(nullptr);
    };
    out.push_back({{"source", text_or_null(e.source)},
                   {"locator", text_or_null(e.locator)},
                   {"column", text_or_null(e.column)},
                   {"value", optional(e.value)},
                   {"unit", text_or_null(e.unit)},
                   {"reference", optional(e.reference)},
                   {"text", e.text}});
  }
  return out;
}

Json analysis_json(const model::Analysis& a, Json& root) {
  Json experiments = Json::array();
  for (const auto& e : a.experiments) {
    experiments.push_back(experiment_json(e));
  }
  Json agreements = Json::array();
  for (const auto& g : a.agreements) {
    const auto& first = a.experiments[g.first];
    const auto& second = a.experiments[g.second];
    Json j{{"experiments", {first.id, second.id}}, {"setting", group_json(g.setting)}};
    j.update(metric_head(g.kind, g.unit, model::Direction::none));
    j.erase("direction");
    j.update(Json{{"n", {g.n_first, g.n_second}},
                  {"median", {number_or_null(g.median_first), number_or_null(g.median_second)}},
                  {"p_value", number_or_null(g.p_value)},
                  {"agree", g.agree}});
    agreements.push_back(std::move(j));
  }
  // Per document, not per table: a corpus of reports holds hundreds of thousands of tables.
  Json documents = Json::array();
  std::map<std::string, std::array<std::size_t, 6>> by_file;  // uses..., values, matched
  for (const auto& d : a.documents) {
    auto& counts = by_file[d.source];
    ++counts[static_cast<std::size_t>(d.use)];
    counts[4] += d.values;
    counts[5] += d.matched;
  }
  for (const auto& [source, counts] : by_file) {
    documents.push_back(
        {{"source", source},
         {"tables", counts[0] + counts[1] + counts[2] + counts[3]},
         {"restates", counts[static_cast<std::size_t>(model::DocumentUse::restates)]},
         {"unverified", counts[static_cast<std::size_t>(model::DocumentUse::unverified)]},
         {"measurement", counts[static_cast<std::size_t>(model::DocumentUse::measurement)]},
         {"no_metrics", counts[static_cast<std::size_t>(model::DocumentUse::no_metrics)]},
         {"values", counts[4]},
         {"matched", counts[5]}});
  }
  Json findings = Json::array();
  for (const auto& f : a.findings) {
    findings.push_back({{"id", f.id},
                        {"severity", model::to_string(f.severity)},
                        {"message", f.message},
                        {"count", f.count},
                        {"evidence", evidence_json(f.evidence)},
                        {"evidence_total", std::max(f.evidence_total, f.evidence.size())}});
  }
  root["experiments"] = experiments;
  root["agreements"] = agreements;
  root["documents"] = documents;
  root["claims"] = detail::claims_json(a.claims);
  root["findings"] = findings;
  root["key_findings"] = a.key_findings;
  root["recommendations"] = a.recommendations;
  return root;
}

Json options_json(const model::LlmOptions& o) {
  Json out = Json::object();
  model::for_each_option(
      o, [&out](std::string_view name, const auto& value) { out[std::string(name)] = value; });
  return out;
}

Json llm_json(const ReportInput& in) {
  const auto& llm = in.llm;
  static constexpr const char* k_status[] = {"ok", "skipped", "failed"};
  Json passes = Json::array();
  for (const auto& p : llm.passes) {
    const auto& m = p.metrics;
    passes.push_back({{"name", p.name},
                      {"ok", p.ok},
                      {"error", text_or_null(p.error)},
                      {"ttft_ms", or_null(m.ttft_ms)},
                      {"tokens_per_second", or_null(m.tokens_per_second)},
                      {"eval_count", or_null(m.eval_count)},
                      {"prompt_eval_count", or_null(m.prompt_eval_count)},
                      {"prompt_eval_ms", or_null(m.prompt_eval_ms)},
                      {"eval_ms", or_null(m.eval_ms)},
                      {"load_ms", or_null(m.load_ms)},
                      {"total_ms", or_null(m.total_ms)},
                      {"wall_ms", or_null(m.wall_ms)},
                      {"done_reason", text_or_null(m.done_reason)},
                      {"truncated", m.truncated},
                      {"truncation_note", text_or_null(m.truncation_note)},
                      {"implausible", text_or_null(m.implausible)},
                      {"refit_note", text_or_null(m.refit_note)}});
  }
  const auto part = [](const std::optional<NarrativePart>& p) {
    return p ? Json(p->text) : Json(nullptr);
  };
  const auto& n = in.narrative;
  // Why a pass's text stops short, when one failed mid-stream.
  std::string cut_off;
  for (const auto* p : {&n.findings, &n.summary, &n.recommendations, &n.risks}) {
    if (*p && !(*p)->cut_off.empty() && cut_off.find((*p)->cut_off) == std::string::npos) {
      cut_off += (cut_off.empty() ? "" : "; ") + (*p)->cut_off;
    }
  }
  return {{"status", k_status[static_cast<int>(llm.status)]},
          {"reason", text_or_null(llm.reason)},
          {"model", llm.model},
          {"endpoint", llm.endpoint},
          {"options", options_json(in.config.options)},
          {"server",
           {{"version", text_or_null(llm.server.version)},
            {"model_digest", text_or_null(llm.server.model_digest)},
            {"model_details", text_or_null(llm.server.model_details)}}},
          {"passes", passes},
          {"narrative",
           {{"executive_summary", part(n.summary)},
            {"key_findings", part(n.findings)},
            {"recommendations", part(n.recommendations)},
            {"risks", part(n.risks)},
            {"problem", text_or_null(n.report_problem)},
            {"cut_off", text_or_null(cut_off)}}}};
}

Json grounding_json(const Narrative& n) {
  Json unsupported = Json::array();
  for (std::size_t i = 0; i < n.grounding.unsupported.size(); ++i) {
    const auto& m = n.grounding.unsupported[i];
    unsupported.push_back({{"ref", "U" + std::to_string(i + 1)},
                           {"text", m.text},
                           {"section", m.section},
                           {"why", m.why}});
  }
  return {{"checked", n.grounding.checked},
          {"supported", n.grounding.supported},
          {"unsupported", unsupported}};
}

}  // namespace

std::string render_json(const ReportInput& in) {
  Json root;
  root["tool"] = {{"name", "chimera"}, {"version", CHIMERA_VERSION}};
  root["generated_at"] = in.generated_at;
  root["root"] = in.config.root.generic_string();
  root["inventory"] = inventory_json(in.analysis.inventory);
  root["files"] = files_json(in.corpus);
  root["diagnostics"] = diagnostics_json(in.corpus);
  root["tables"] = tables_json(in.corpus);
  root["tables_omitted"] =
      in.corpus.tables.size() - std::min(in.corpus.tables.size(), k_max_entries);
  root["metrics"] = metrics_json(in.analysis);
  root["metrics_omitted"] = in.analysis.metrics_total - in.analysis.metrics.size();
  analysis_json(in.analysis, root);
  detail::changes_json(in.analysis, root);
  root["llm"] = llm_json(in);
  const auto& t = in.timings;
  root["workflow"] = {{"ingest_s", t.ingest_s},
                      {"analysis_s", t.analysis_s},
                      {"report_s", t.report_s},
                      {"total_s", t.total_s()}};
  root["grounding"] = grounding_json(in.narrative);
  // Indented for people when small; a large report (thousands of configurations) is written
  // compactly, as machines read it.
  constexpr std::size_t k_indent_below = 512 * 1024;
  std::string compact = root.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (compact.size() < k_indent_below) {
    return root.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  }
  return compact + "\n";
}

}  // namespace chimera::render
