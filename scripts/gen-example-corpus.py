#!/usr/bin/env python3
"""Generates examples/reports, chimera's bundled example corpus, with a fixed seed.

The corpus is checked in; run this only to change it. It is realistic for LLM-inference
benchmarking and deliberately imperfect: one failed run, one duplicate file, one malformed file.
"""
import json
import os
import random
import shutil
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "examples", "reports")
MODEL = "gemma3:latest"
rng = random.Random(20251110)


def run_metrics(num_gpu, num_ctx, temperature, cold=False):
    """One run's metrics; more GPU layers -> faster decode, larger context -> slower prefill."""
    offload = min(num_gpu, 120) / 120.0
    tokens_s = 38.0 + 62.0 * offload - num_ctx / 1024.0 * 3.0 + rng.gauss(0, 1.6)
    load_s = 0.18 + rng.uniform(0, 0.05) + (3.1 if cold else 0.0)
    prompt_eval_s = 0.09 + num_ctx / 1024.0 * 0.11 + rng.uniform(0, 0.02)
    ttft_s = load_s + prompt_eval_s + rng.uniform(0.01, 0.03)
    eval_count = int(rng.gauss(1350, 90) * (1.0 + (temperature - 0.7) * 0.2))
    return ttft_s, tokens_s, load_s, prompt_eval_s, eval_count


def write(path, text):
    full = os.path.join(ROOT, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def sweep_csv():
    lines = ["run_id,model,num_gpu,num_ctx,temperature,ttft_s,tokens_s,load_s,eval_count,error"]
    run = 0
    for num_gpu in (60, 80, 120):
        for num_ctx in (512, 1024, 2048):
            for temperature in (0.6, 0.8):
                for rep in range(2):
                    run += 1
                    if num_gpu == 120 and num_ctx == 2048 and temperature == 0.8 and rep == 1:
                        lines.append(f"{run},{MODEL},{num_gpu},{num_ctx},{temperature},0,0,0,0,"
                                     '"CUDA error: out of memory (requested 1.2 GiB)"')
                        continue
                    ttft, tps, load, _, count = run_metrics(num_gpu, num_ctx, temperature)
                    lines.append(f"{run},{MODEL},{num_gpu},{num_ctx},{temperature},"
                                 f"{ttft:.3f},{tps:.2f},{load:.3f},{count},")
    write("sweep/param_sweep.csv", "\n".join(lines) + "\n")


def run_json(index, num_gpu, num_ctx, temperature):
    samples = []
    for rep in range(6):
        ttft, tps, load, prompt_eval, count = run_metrics(num_gpu, num_ctx, temperature,
                                                          cold=(rep == 0))
        eval_ms = count / tps * 1000.0
        samples.append({
            "ttft_ms": round(ttft * 1000.0, 2),
            "tokens_per_second": round(tps, 2),
            "load_duration_ms": round(load * 1000.0, 2),
            "prompt_eval_duration_ms": round(prompt_eval * 1000.0, 2),
            "eval_duration_ms": round(eval_ms, 2),
            "total_duration_ms": round(load * 1000.0 + prompt_eval * 1000.0 + eval_ms, 2),
            "eval_count": count,
            "prompt_eval_count": 412,
        })
    doc = {
        "benchmark": "ollama_chat_latency",
        "timestamp": f"2025-11-10T0{index}:15:00Z",
        "model": MODEL,
        "config": {"num_gpu": num_gpu, "num_ctx": num_ctx, "temperature": temperature,
                   "top_p": 0.9, "top_k": 40, "repeat_penalty": 1.1},
        "system": {"os": "linux", "gpu": "RTX 4080 16GB", "ollama_version": "0.12.3"},
        "runs": samples,
        "timing_stats": {
            "ttft_ms": {"samples": [s["ttft_ms"] for s in samples]},
            "tokens_per_second": {"samples": [s["tokens_per_second"] for s in samples]},
        },
    }
    return json.dumps(doc, indent=2) + "\n"


def summary_md():
    return """# Ollama Sweep Summary: gemma3:latest

**Date:** 2025-11-10
**Hardware:** RTX 4080 16GB, Ryzen 9 7950X

## Headline Results

- Best throughput: 98.41 tok/s
- Best TTFT: 0.312 s
- Configurations tested: 18

## Configuration Comparison

| Configuration | num_gpu | num_ctx | Throughput (tok/s) | TTFT (ms) |
|---------------|--------:|--------:|-------------------:|----------:|
| gpu60_ctx512 | 60 | 512 | 66.84 | 336.1 |
| gpu80_ctx1024 | 80 | 1024 | 76.02 | 453.7 |
| gpu120_ctx512 | 120 | 512 | 98.41 | 312.4 |
| gpu120_ctx2048 | 120 | 2048 | 93.17 | 661.0 |

## Notes

The gpu120_ctx2048 configuration failed once with an out-of-memory error; see the sweep CSV.

```
ollama run gemma3:latest --verbose
```
"""


def main():
    if os.path.isdir(ROOT):
        shutil.rmtree(ROOT)
    sweep_csv()
    configs = [(60, 1024, 0.6), (80, 1024, 0.6), (120, 1024, 0.6)]
    for i, (g, c, t) in enumerate(configs, start=1):
        write(f"runs/run_00{i}.json", run_json(i, g, c, t))
    # A duplicate: the same run copied under another name, as happens when results are re-exported.
    shutil.copyfile(os.path.join(ROOT, "runs/run_002.json"),
                    os.path.join(ROOT, "runs/run_002_copy.json"))
    write("summary.md", summary_md())
    # A malformed file: a run whose writer was killed mid-way.
    text = run_json(4, 80, 2048, 0.8)
    write("runs/run_004_interrupted.json", text[: len(text) // 2])
    write("README.txt", "Example corpus for chimera, generated by scripts/gen-example-corpus.py.\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
