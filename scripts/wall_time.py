#!/usr/bin/env python3
"""Median wall time of whole `clientgen` runs (process start to exit).

usage: scripts/wall_time.py [RUNS] [SPEC]   (defaults: 21, spec/hss.yaml)
Builds the release binary first; prints min / median / max in milliseconds.
"""
import statistics
import subprocess
import sys
import tempfile
import time

runs = int(sys.argv[1]) if len(sys.argv) > 1 else 21
spec = sys.argv[2] if len(sys.argv) > 2 else "spec/hss.yaml"
subprocess.run(["cargo", "build", "--release", "--quiet", "-p", "clientgen"], check=True)
times = []
with tempfile.TemporaryDirectory() as out:
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(["target/release/clientgen", "generate", spec, "--out", out],
                       check=True, stderr=subprocess.DEVNULL)
        times.append((time.perf_counter() - start) * 1000)
print(f"{spec}: {runs} runs, wall ms min {min(times):.1f} / median {statistics.median(times):.1f} / max {max(times):.1f}")
