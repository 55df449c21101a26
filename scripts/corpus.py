#!/usr/bin/env python3
"""Real-world OpenAPI specs through clientgen: generate, then `cargo check` clean.

  scripts/corpus.py fixed              # the committed list (tests/corpus/fixed.txt); CI runs this
  scripts/corpus.py sample N SEED      # a fresh random sample of APIs.guru OpenAPI 3.0 specs

Specs come from public npm packages at pinned versions (tests/corpus/packages.txt),
installed into target/corpus/cache and chosen by scripts/corpus_specs.py. Each spec is
generated as a standalone crate and checked with `RUSTFLAGS=-D warnings`, all
crates sharing one target directory and the workspace's Cargo.lock. Prints one
row per spec (generation and check time), the pass rate, and failures grouped
by cause. `fixed` exits non-zero when any spec fails.
"""
import argparse
import collections
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLER = os.path.join(ROOT, "scripts", "corpus_specs.py")
WORK = os.path.join(ROOT, "target", "corpus")
CLIENTGEN = os.path.join(ROOT, "target", "release", "clientgen")
GEN_TIMEOUT = 600
CHECK_TIMEOUT = 1800


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def cause_of(text):
    """A failure's cause without the details that differ between specs."""
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("error"):
            line = re.sub(r"\(at #.*\)$", "", line)
            line = re.sub(r"`[^`]*`", "`…`", line)
            return line[:160]
    return (text.strip().splitlines() or ["no output"])[-1][:160]


def prepare(args, specs_dir):
    cache = os.path.join(WORK, "cache")
    step = run([sys.executable, SAMPLER, "install", cache])
    if step.returncode != 0:
        sys.exit(f"installing the corpus failed:\n{step.stderr}")
    shutil.rmtree(specs_dir, ignore_errors=True)
    if args.mode == "fixed":
        cmd = [sys.executable, SAMPLER, "fixed", cache, specs_dir, "--list", args.list]
    else:
        cmd = [sys.executable, SAMPLER, "sample", cache, specs_dir, str(args.n), str(args.seed)]
    step = run(cmd)
    if step.returncode != 0:
        sys.exit(f"selecting specs failed:\n{step.stderr}")
    build = run(["cargo", "build", "--release", "--locked", "--quiet", "-p", "clientgen-cli"], cwd=ROOT)
    if build.returncode != 0:
        sys.exit(f"building clientgen failed:\n{build.stderr}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="mode", required=True)
    fixed = sub.add_parser("fixed")
    fixed.add_argument("--list", default=os.path.join(ROOT, "tests", "corpus", "fixed.txt"))
    sample = sub.add_parser("sample")
    sample.add_argument("n", type=int)
    sample.add_argument("seed", type=int)
    args = parser.parse_args()

    specs_dir = os.path.join(WORK, f"specs-{args.mode}")
    prepare(args, specs_dir)
    out_root = os.path.join(WORK, f"out-{args.mode}")
    shutil.rmtree(out_root, ignore_errors=True)
    os.makedirs(out_root)
    env = dict(os.environ, CARGO_TARGET_DIR=os.path.join(WORK, "check-target"),
               RUSTFLAGS="-D warnings", CARGO_INCREMENTAL="0", CARGO_TERM_COLOR="never")
    specs = sorted(f for f in os.listdir(specs_dir) if f.endswith(".json"))
    rows, failures, gen_times = [], collections.defaultdict(list), []
    for spec in specs:
        name = spec[:-5]
        crate_dir = os.path.join(out_root, name)
        size = os.path.getsize(os.path.join(specs_dir, spec))
        started = time.monotonic()
        crate_name = ("corpus-" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-"))[:64].rstrip("-")
        gen = run([CLIENTGEN, "generate", os.path.join(specs_dir, spec), "--out", crate_dir,
                   "--crate-name", crate_name,
                   "--runtime-path", os.path.join(ROOT, "templates", "runtime")],
                  timeout=GEN_TIMEOUT)
        gen_s = time.monotonic() - started
        gen_times.append(gen_s)
        if gen.returncode != 0:
            failures["generate: " + cause_of(gen.stderr)].append(name)
            rows.append((name, size, gen_s, None, "generate failed"))
            print(f"{name}: generate failed", flush=True)
            continue
        shutil.copy(os.path.join(ROOT, "Cargo.lock"), os.path.join(crate_dir, "Cargo.lock"))
        started = time.monotonic()
        try:
            check = run(["cargo", "check", "--quiet", "--manifest-path", os.path.join(crate_dir, "Cargo.toml")],
                        env=env, timeout=CHECK_TIMEOUT)
            ok, output = check.returncode == 0, check.stderr
        except subprocess.TimeoutExpired:
            ok, output = False, "error: cargo check timed out"
        check_s = time.monotonic() - started
        if ok:
            rows.append((name, size, gen_s, check_s, "ok"))
        else:
            failures["check: " + cause_of(output)].append(name)
            rows.append((name, size, gen_s, check_s, "check failed"))
            with open(os.path.join(out_root, name + ".check.log"), "w") as log:
                log.write(output)
        print(f"{name}: {rows[-1][4]} (generate {gen_s:.2f}s, check {check_s:.1f}s)", flush=True)

    print("\n| spec | spec bytes | generate s | check s | result |\n|---|---|---|---|---|")
    for name, size, gen_s, check_s, result in rows:
        check_text = "-" if check_s is None else f"{check_s:.1f}"
        print(f"| {name} | {size} | {gen_s:.2f} | {check_text} | {result} |")
    passed = sum(1 for r in rows if r[4] == "ok")
    print(f"\npassed: {passed}/{len(rows)} ({100.0 * passed / max(len(rows), 1):.1f}%)")
    if gen_times:
        print(f"generation time: median {statistics.median(gen_times):.2f}s, max {max(gen_times):.2f}s")
    if failures:
        print("failures by cause:")
        for cause, names in sorted(failures.items(), key=lambda kv: -len(kv[1])):
            print(f"  {len(names)} x {cause}: {', '.join(names)}")
    if args.mode == "fixed" and passed != len(rows):
        sys.exit(1)


if __name__ == "__main__":
    main()
