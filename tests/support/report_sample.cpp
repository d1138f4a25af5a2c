#include "support/report_sample.hpp"

namespace chimera::test {

ReportSample make_report_sample() {
  ReportSample s;
  s.config.root = "bench";
  s.config.options.num_ctx = 2048;
  s.config.options.num_gpu = 80;
  s.config.options.temperature = 0.8;

  model::FileEntry csv{"sweep.csv", model::FileKind::csv, 2013, 1763000000, "ab", false, "", 1,
                       ""};
  model::FileEntry big{"big.json", model::FileKind::json,         99999999, 1763000100, "",
                       true,       "larger than --max-file-size", 0, ""};
  s.corpus.root = "bench";
  s.corpus.files = {big, csv};
  model::Table table;
  table.source = "sweep.csv";
  table.title = "sweep";
  model::Column gpu;
  gpu.set_name("num_gpu");
  gpu.set_type(model::ValueType::integer);
  gpu.set_role(model::Role::dimension);
  gpu.numbers = {60, 80};
  model::Column tps;
  tps.set_name("tokens_s");
  tps.set_type(model::ValueType::floating);
  tps.set_role(model::Role::metric);
  tps.set_kind(model::MetricKind::throughput);
  tps.set_direction(model::Direction::higher);
  tps.set_unit("tok/s");
  tps.set_source_unit("tok/s");
  tps.numbers = {67.83, 71.2};
  table.columns = {gpu, tps};
  table.row_lines = {2, 3};
  table.failed = {false, false};
  table.failure_reason = {"", ""};
  s.corpus.tables = {table};
  s.corpus.diagnostics = {
      {"big.json", std::nullopt, model::Severity::warning, "skipped: larger than --max-file-size"},
      {"sweep.csv", 7, model::Severity::warning, "expected 10 fields, got 9"}};

  auto& inv = s.analysis.inventory;
  inv.files_total = 2;
  inv.by_kind[model::FileKind::csv] = {1, 2013, 1763000000};
  inv.by_kind[model::FileKind::json] = {1, 99999999, 1763000100};
  inv.directories = {"."};
  inv.skipped = {{"big.json", "larger than --max-file-size"}};
  inv.tables = 1;
  inv.rows = 12;
  inv.failed_rows = 1;

  model::Summary tput{6,    69.5, 69.1, 1.9,  0.027,
                      66.0, 72.4, 66.2, 72.1, std::make_pair(67.0, 71.3)};
  model::Summary ttft{6, 410.2, 406.0, 30.5, 0.074, 370.0, 455.0, 372.0, 452.5, std::nullopt};
  s.analysis.metrics = {
      {"sweep.csv", "", "tokens_s", model::MetricKind::throughput, "tok/s",
       model::Direction::higher, 1, tput},
      {"sweep.csv", "", "ttft_s", model::MetricKind::ttft, "ms", model::Direction::lower, 1, ttft},
      {"sweep.csv", "", "empty", model::MetricKind::other, "", model::Direction::none, 0, {}},
  };
  s.analysis.metrics_total = 3;
  // One experiment: the sweep, where num_gpu=80 beats num_gpu=60 on throughput.
  model::Summary tput60{6,    61.9, 61.5, 1.2,  0.019,
                        60.0, 64.0, 60.1, 63.9, std::make_pair(60.2, 63.5)};
  model::Summary ttft80{6, 401.0, 398.0, 12.0, 0.03, 380.0, 420.0, 381.0, 419.0, std::nullopt};
  model::Experiment e;
  e.id = "e1a2b3c4d";
  e.name = "sweep.csv";
  e.origin = "measurements";
  e.sources = {"sweep.csv"};
  e.tables = 1;
  e.runs = 13;
  e.failed_runs = 1;
  e.replicates = {"the run column"};
  e.factors = {{"num_gpu", {"60", "80"}, "data"}};
  e.fixed = {{"model", "gemma3:latest"}};
  e.metrics = {{"tokens_s", model::MetricKind::throughput, "tok/s", model::Direction::higher, false},
               {"ttft_s", model::MetricKind::ttft, "ms", model::Direction::lower, false}};
  e.headline = 0;
  e.secondary = 1;
  model::Configuration c60;
  c60.values = {"60"};
  c60.sources = {"sweep.csv"};
  c60.runs = 7;
  c60.failed = 1;
  c60.metrics = {{0, tput60}, {1, ttft}};
  c60.has_fixed = {true};
  model::Configuration c80;
  c80.values = {"80"};
  c80.sources = {"sweep.csv"};
  c80.runs = 6;
  c80.metrics = {{0, tput}, {1, ttft80}};
  c80.has_fixed = {true};
  e.configurations = {c60, c80};
  e.ranking = {{1, 1, false}, {0, 2, false}};
  e.pareto = {{1, 69.1, 398.0}};
  model::Comparison cmp;
  cmp.metric = 0;
  cmp.baseline = 0;
  cmp.candidate = 1;
  cmp.varies = "num_gpu";
  cmp.n_baseline = 6;
  cmp.n_candidate = 6;
  cmp.median_ratio = 1.12;
  cmp.p_value = 0.004;
  cmp.significant = true;
  e.comparisons = {cmp};
  model::FactorEffect effect;
  effect.factor = "num_gpu";
  effect.metric = 0;
  effect.levels = {{"60", 6, 61.5}, {"80", 6, 69.1}};
  effect.test = "mann-whitney";
  effect.p_value = 0.002165;
  effect.spread = 0.1236;
  e.effects = {effect};
  s.analysis.experiments = {e};
  model::DocumentTable doc;
  doc.source = "notes.md";
  doc.locator = "table 1";
  doc.title = "Results";
  doc.use = model::DocumentUse::unverified;
  doc.values = 4;
  s.analysis.documents = {doc};
  const auto finding = [](const char* id, model::Severity severity, const char* message,
                          const std::vector<std::string>& evidence) {
    model::Finding f;
    f.id = id;
    f.severity = severity;
    f.message = message;
    for (const auto& where : evidence) {
      const auto colon = where.find(':');
      f.evidence.push_back(colon == std::string::npos
                               ? model::evidence_at(where, "")
                               : model::evidence_at(where.substr(0, colon), where.substr(colon)));
    }
    f.evidence_total = f.evidence.size();
    f.count = f.evidence.size();
    return f;
  };
  s.analysis.findings = {
      finding("duplicate-file", model::Severity::warning, "two files have the same content",
              {"runs/a.json", "runs/b.json"}),
      finding("failed-run", model::Severity::error, "run 4 was interrupted", {"sweep.csv:5"})};
  s.analysis.key_findings = {"num_gpu=80 has the highest median throughput, 69.1 tok/s."};
  s.analysis.recommendations = {"Use num_gpu=80 for throughput."};

  s.llm.status = model::LlmStatus::skipped;
  s.llm.reason = "disabled by --llm off";
  s.llm.model = "gemma3:latest";
  s.llm.endpoint = "http://127.0.0.1:11434";
  s.llm.options = "num_gpu=80, num_ctx=2048, temp=0.8";
  return s;
}

model::LlmOutcome make_llm_ok(const std::string& analysis_text, const std::string& report_text) {
  model::LlmOutcome llm;
  llm.status = model::LlmStatus::ok;
  llm.model = "gemma3:latest";
  llm.endpoint = "http://127.0.0.1:11434";
  llm.options = "num_gpu=80, num_ctx=2048, temp=0.8";
  llm.server = {"0.12.3", "sha256:abc", "gemma3 4.3B Q4_K_M"};
  model::PassMetrics a;
  a.ttft_ms = 200;
  a.eval_count = 300;
  a.eval_ms = 6000;
  a.prompt_eval_count = 900;
  a.prompt_eval_ms = 400;
  a.load_ms = 1500;
  a.total_ms = 8000;
  a.tokens_per_second = 50;
  a.done_reason = "stop";
  model::PassMetrics r = a;
  r.ttft_ms = 100;
  r.eval_count = 500;
  r.eval_ms = 4000;
  r.load_ms = std::nullopt;
  r.tokens_per_second = 125;
  llm.passes = {{"analysis", true, analysis_text, "", a}, {"report", true, report_text, "", r}};
  return llm;
}

}  // namespace chimera::test
