#pragma once

// How chimera reads one varying part of a path or heading ("gpu80_ctx512", "run_3", "vllm",
// "2025-12-21"): character classes, the words harnesses use, and the settings a part spells.
// Internal to analyze/.

#include <algorithm>
#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace chimera::analyze::detail {

[[nodiscard]] bool is_separator(char c);
[[nodiscard]] bool is_digit(char c);
[[nodiscard]] bool is_alpha(char c);
[[nodiscard]] std::string lower(std::string_view text);
[[nodiscard]] bool all_digits(std::string_view text);
// The text without separators ('_', '-', '.', ' ', ',') at either end.
[[nodiscard]] std::string trim_separators(std::string_view text);

inline constexpr std::array<std::string_view, 44> k_model_families{
    "llama",   "qwen",   "gemma",     "mistral",  "mixtral",   "phi",       "deepseek", "gpt",
    "falcon",  "vicuna", "tinyllama", "smollm",   "codellama", "starcoder", "olmo",     "granite",
    "command", "opt",    "bloom",     "t5",       "bert",      "distilgpt", "mamba",    "orca",
    "hermes",  "solar",  "stablelm",  "internlm", "baichuan",  "chatglm",   "llava",    "nemotron",
    "dbrx",    "yi",     "claude",    "gpt2",     "gpt4",      "llama2",    "llama3",   "qwen2",
    "gemma2",  "gemma3", "phi3",      "tinygpt"};

inline constexpr std::array<std::string_view, 18> k_backends{
    "vllm",   "tgi",         "ollama", "llamacpp", "llama.cpp", "transformers",
    "onnx",   "onnxruntime", "ort",    "tensorrt", "trt",       "tensorrt-llm",
    "sglang", "exllama",     "mlc",    "pytorch",  "torch",     "openvino"};

inline constexpr std::array<std::string_view, 20> k_quantizations{
    "fp32", "fp16",   "bf16", "fp8",  "int8", "int4", "q4_0", "q4_1", "q4_k_m", "q4_k_s",
    "q5_0", "q5_k_m", "q6_k", "q8_0", "awq",  "gptq", "nf4",  "gguf", "f16",    "f32"};

inline constexpr std::array<std::string_view, 15> k_replicate_words{
    "run",       "runs",    "rep",   "repeat", "replicate", "repetition", "trial", "iter",
    "iteration", "attempt", "round", "sample", "seed",      "try",        "pass"};

template <std::size_t N>
bool in(const std::array<std::string_view, N>& list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

// Words a harness uses for a setting in a path or a heading ("ctx512", "backend-vllm",
// "Configuration 17"), by their normalized spelling.
[[nodiscard]] bool is_setting_key(std::string_view word);
// Settings whose values are numbers (num_ctx, temperature, batch_size, ...), by canonical name:
// "ctx_sweep" in a path is a name, not num_ctx=sweep.
[[nodiscard]] bool is_numeric_setting(std::string_view canonical);
// "run3", "run_3", "rep-2", "rerun", "trial07".
[[nodiscard]] bool is_run_number(std::string_view level);
// 20251221, 2025-12-21, 20251221_113136, 2025-12-21T11:31:36, 1766334713 (Unix seconds).
[[nodiscard]] bool is_date(std::string_view level);
// "v2", "v10", "version3".
[[nodiscard]] bool is_version(std::string_view level);
// "s00", "r01", "m3": one or two letters and a number; a hexadecimal digest or a UUID.
[[nodiscard]] bool is_id(std::string_view level);
// The level with a version or rerun mark taken off its end: "out_v2" -> "out".
[[nodiscard]] std::string without_version(std::string_view level);

// Whether every level only tells replicates apart (run numbers, dates, plain numbers unless the
// part names a setting, versions, ids, or one name with and without a version mark), and how.
struct Replicates {
  bool all = false;
  std::string note;  // "run_N", "a date", ...
};
[[nodiscard]] Replicates replicate_levels(std::span<const std::string> levels,
                                          bool numbered_setting);

using Settings = std::vector<std::pair<std::string, std::string>>;

// A level read as settings ("gpu80_ctx512_temp0p8" -> num_gpu 80, num_ctx 512, temperature
// 0.8), or nullopt when some word of it is neither a setting nor a run number.
[[nodiscard]] std::optional<Settings> settings_of(std::string_view level);

}  // namespace chimera::analyze::detail
