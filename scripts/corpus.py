#!/usr/bin/env python3
"""Real-world OpenAPI specs through clientgen: generate, then `cargo check` clean.

  scripts/corpus.py fixed              # the committed list (tests/corpus/fixed.txt) and the FastAPI corpus; CI runs this
  scripts/corpus.py fastapi            # the FastAPI corpus alone (tests/fastapi/specs, OpenAPI 3.1)
  scripts/corpus.py sample N SEED      # a fresh random sample of APIs.guru OpenAPI 3.0 specs

Specs come from public npm packages at pinned versions (tests/corpus/packages.txt),
installed into target/corpus/cache and chosen by scripts/corpus_specs.py. Each spec is
generated as a standalone crate and checked with `RUSTFLAGS=-D warnings`, all
crates sharing one target directory and the workspace's Cargo.lock. Prints one
row per spec (generation and check time), the pass rate, and failures grouped
by cause. `fixed` exits non-zero when any spec fails.

The FastAPI corpus (tests/fastapi/specs: 3.1 documents FastAPI wrote for the
apps in tests/fastapi/apps) is generated into one Cargo workspace and checked
in one `cargo check --workspace --keep-going`, which takes a minute for all of
them; it must also hold no `serde_json::Value` where its spec says what the
value is (the counts allowed per spec are in tests/fastapi/any_values.txt),
and every discriminated union must be a tagged enum.
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


FASTAPI_SPECS = os.path.join(ROOT, "tests", "fastapi", "specs")
FASTAPI_ANY = os.path.join(ROOT, "tests", "fastapi", "any_values.txt")


def any_values(crate_dir):
    """How many times the generated code (not its doc examples) names `serde_json::Value`."""
    count = 0
    for folder, _, files in os.walk(os.path.join(crate_dir, "src")):
        for name in files:
            with open(os.path.join(folder, name)) as f:
                count += sum(line.count("serde_json::Value") for line in f
                             if not line.lstrip().startswith(("///", "//!")))
    return count


def fastapi_corpus(env):
    """Generates every FastAPI spec into one workspace and checks it; returns failures."""
    out = os.path.join(WORK, "out-fastapi")
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(os.path.join(out, "clients"))
    with open(os.path.join(out, "Cargo.toml"), "w") as f:
        f.write('[workspace]\nresolver = "2"\nmembers = ["clients/*"]\n')
    shutil.copy(os.path.join(ROOT, "Cargo.lock"), os.path.join(out, "Cargo.lock"))
    allowed = {}
    with open(FASTAPI_ANY) as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                name, count = line.split()
                allowed[name] = int(count)
    failures = []
    names = sorted(f[:-5] for f in os.listdir(FASTAPI_SPECS) if f.endswith(".json"))
    started = time.monotonic()
    for name in names:
        crate = "fastapi-" + name.replace("_", "-")
        crate_dir = os.path.join(out, "clients", name)
        gen = run([CLIENTGEN, "generate", os.path.join(FASTAPI_SPECS, name + ".json"), "--out", crate_dir,
                   "--crate-name", crate, "--runtime-path", os.path.join(ROOT, "templates", "runtime")],
                  timeout=GEN_TIMEOUT)
        if gen.returncode != 0:
            failures.append(f"fastapi {name}: generate: {cause_of(gen.stderr)}")
            shutil.rmtree(crate_dir, ignore_errors=True)
            continue
        # Every Pydantic discriminated union must become a tagged enum.
        if "discriminator" in gen.stderr:
            failures.append(f"fastapi {name}: a discriminator was ignored: {cause_of(gen.stderr.replace('warning', 'error'))}")
        with open(os.path.join(FASTAPI_SPECS, name + ".json")) as f:
            unions = f.read().count('"discriminator"')
        tagged = sum(open(os.path.join(folder, file)).read().count("rt::tagged_union!(")
                     for folder, _, files in os.walk(os.path.join(crate_dir, "src")) for file in files)
        if unions and not tagged:
            failures.append(f"fastapi {name}: {unions} discriminated union(s) in the spec, no tagged enum")
        found = any_values(crate_dir)
        if found != allowed.get(name, 0):
            failures.append(f"fastapi {name}: {found} serde_json::Value, {allowed.get(name, 0)} allowed")
    gen_s = time.monotonic() - started
    started = time.monotonic()
    check = run(["cargo", "check", "--quiet", "--workspace", "--keep-going"], cwd=out, env=env,
                timeout=CHECK_TIMEOUT)
    for crate in sorted(set(re.findall(r"could not compile `([^`]+)`", check.stderr))):
        failures.append(f"fastapi {crate}: check failed")
    if check.returncode != 0 and not failures:
        failures.append(f"fastapi: cargo check failed: {cause_of(check.stderr)}")
    if check.returncode != 0:
        with open(os.path.join(out, "check.log"), "w") as log:
            log.write(check.stderr)
    print(f"fastapi corpus: {len(names)} specs, generate {gen_s:.1f}s, check {time.monotonic() - started:.1f}s, "
          f"{len(failures)} failure(s)", flush=True)
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="mode", required=True)
    fixed = sub.add_parser("fixed")
    fixed.add_argument("--list", default=os.path.join(ROOT, "tests", "corpus", "fixed.txt"))
    sample = sub.add_parser("sample")
    sample.add_argument("n", type=int)
    sample.add_argument("seed", type=int)
    sub.add_parser("fastapi")
    args = parser.parse_args()
    env = dict(os.environ, CARGO_TARGET_DIR=os.path.join(WORK, "check-target"),
               RUSTFLAGS="-D warnings", CARGO_INCREMENTAL="0", CARGO_TERM_COLOR="never")
    if args.mode == "fastapi":
        build = run(["cargo", "build", "--release", "--locked", "--quiet", "-p", "clientgen-cli"], cwd=ROOT)
        if build.returncode != 0:
            sys.exit(f"building clientgen failed:\n{build.stderr}")
        failures = fastapi_corpus(env)
        for failure in failures:
            print(f"  {failure}")
        sys.exit(1 if failures else 0)

    specs_dir = os.path.join(WORK, f"specs-{args.mode}")
    prepare(args, specs_dir)
    out_root = os.path.join(WORK, f"out-{args.mode}")
    shutil.rmtree(out_root, ignore_errors=True)
    os.makedirs(out_root)
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
    local_failures = fastapi_corpus(env) if args.mode == "fixed" else []
    for failure in local_failures:
        print(f"  {failure}")
    if args.mode == "fixed" and (passed != len(rows) or local_failures):
        sys.exit(1)


if __name__ == "__main__":
    main()
