#!/usr/bin/env python3
"""Median wall time of whole `clientgen generate` runs (process start to exit).

usage: scripts/wall_time.py [RUNS] [SPEC] [--baseline BINARY]
  (defaults: 21 runs, spec/hss.yaml)

Builds the release binary first; prints min / median / max in milliseconds.
With --baseline, runs another clientgen binary (e.g. one built from an older
commit) interleaved with this one on the same spec, so both are measured in
one run under the same machine load.
"""
import argparse
import statistics
import subprocess
import tempfile
import time

parser = argparse.ArgumentParser()
parser.add_argument("runs", nargs="?", type=int, default=21)
parser.add_argument("spec", nargs="?", default="spec/hss.yaml")
parser.add_argument("--baseline", help="another clientgen binary to compare with")
args = parser.parse_args()

subprocess.run(["cargo", "build", "--release", "--quiet", "-p", "clientgen-cli"], check=True)
binaries = {"this build": "target/release/clientgen"}
if args.baseline:
    binaries["baseline"] = args.baseline
times = {name: [] for name in binaries}
with tempfile.TemporaryDirectory() as out:
    for _ in range(args.runs):
        for name, binary in binaries.items():
            start = time.perf_counter()
            subprocess.run([binary, "generate", args.spec, "--out", out],
                           check=True, stderr=subprocess.DEVNULL)
            times[name].append((time.perf_counter() - start) * 1000)
for name, ms in times.items():
    print(f"{name}: {args.spec}: {args.runs} runs, wall ms min {min(ms):.1f} / "
          f"median {statistics.median(ms):.1f} / max {max(ms):.1f}")
if args.baseline:
    ratio = statistics.median(times["baseline"]) / statistics.median(times["this build"])
    print(f"baseline / this build (medians): {ratio:.2f}x")
