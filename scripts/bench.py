#!/usr/bin/env python3
"""clientgen against cargo-progenitor, the official Python SDK and the hash floor, in one run.

  python3 scripts/bench.py                      # everything (about 2 minutes; the GitHub check peaks at ~3.7 GB)
  python3 scripts/bench.py --quick --only gen,lines   # smoke test: HSS and keeper, one run
  python3 scripts/bench.py --skip-github --runs 3 --check

Measures, side by side:

  gen      whole-process wall time and peak RSS of generating a crate from
           HSS (spec/hss.yaml), keeper and nexus (tests/bench/specs/, Oxide's)
           and GitHub (@octokit/openapi, pinned npm package), by clientgen
           and Zoom's description written as OpenAPI 3.1 (APIs.guru's 3.0
           one through `translate-spec 3.1`: 3.5 MB, OpenAI's size) and Kubernetes 1.13's
           Swagger 2.0 description (4.2 MB), both from the corpus packages,
           and by cargo-progenitor (installed at PROGENITOR_VERSION when
           missing; its default `positional` interface, the baseline of
           issue 11, or `--progenitor-interface builder`, which like ours
           gives every operation a builder). RUNS runs, the two tools
           interleaved; medians.
  lines    lines of the `.rs` files under each generated crate's src/. Both
           tools' crates depend on a separate hand-written runtime crate
           (clientgen-runtime, progenitor-client), counted for neither.
  check    `cargo check` of a generated crate alone: its dependencies are
           built first (a check of the crate with a stub lib.rs), then the
           real source is put back, touched and checked (CARGO_INCREMENTAL=0,
           one CARGO_TARGET_DIR for every crate: target/bench/check-target).
           nexus for both tools; GitHub for ours, whole and with one tag's
           feature only, when the crate has tag features.
  request  per-request cost: `cargo bench -p integration --bench request`
           (end_to_end, sign, hash_floor; criterion medians) against the
           official Python SDK building and signing the same CreateTask
           request (scripts/bench_sdk.py, in the SDK venv target/sdk-venv).

Peak memory is the child's ru_maxrss from os.wait4: for cargo, the largest of
cargo and the processes it waited for (rustc), which is the peak of the
compilation. MB are 10^6 bytes.

Writes a Markdown table to stdout and target/bench/results.md, the raw numbers
to target/bench/results.json. Exits 0 whatever the numbers, unless --check is
given: then 1 when a target is missed.
"""
import argparse
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
import tomllib
from dataclasses import asdict, dataclass

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from semver_tools import clientgen_binary, crate_lines, log, run, write_json  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "target", "bench")
RUNTIME = os.path.join(ROOT, "templates", "runtime")
SAMPLER = os.path.join(ROOT, "scripts", "corpus_specs.py")
SDK_BENCH = os.path.join(ROOT, "scripts", "bench_sdk.py")
SDK_REQUIREMENTS = os.path.join(ROOT, "tests", "differential", "requirements.txt")
PROGENITOR_LOCK = os.path.join(ROOT, "tests", "bench", "progenitor.Cargo.lock")
PROGENITOR_VERSION = "0.15.1"
PROGENITOR_INTERFACE = "positional"
GITHUB_ID = "octokit__api.github.com"
GITHUB_TAG = "repos"
SPECS = {
    "hss": os.path.join(ROOT, "spec", "hss.yaml"),
    "keeper": os.path.join(ROOT, "tests", "bench", "specs", "keeper.json"),
    "nexus": os.path.join(ROOT, "tests", "bench", "specs", "nexus.json"),
    "github": None,  # fetched: see github_spec()
    "zoom31": None,  # fetched and translated: see version_spec()
    "kubernetes": None,  # fetched: see version_spec()
}
# Specs in other versions than 3.0: corpus id, and the version to write it as.
VERSION_SPECS = {"zoom31": ("apisguru__zoom.us", "3.1"), "kubernetes": ("kubernetes__swagger-1.13", None)}
TOOLS = ("clientgen", "progenitor")
PARTS = ("gen", "lines", "check", "request")

GEN_TIMEOUT = 900
CHECK_TIMEOUT = 3600
INSTALL_TIMEOUT = 3600
BENCH_TIMEOUT = 3600


# ---------------------------------------------------------------- measuring

@dataclass
class Measure:
    ok: bool
    wall_s: float
    peak_kb: int  # ru_maxrss: KiB on Linux
    detail: str = ""  # why it failed

    @property
    def peak_mb(self):
        return self.peak_kb * 1024 / 1e6


def measure(cmd, log_path, timeout, env=None, cwd=None):
    """Runs `cmd` to completion; its wall time and the peak RSS of it and its waited-for descendants."""
    with open(log_path, "w") as out:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=cwd,
                                start_new_session=True)
        killed = threading.Event()

        def kill():
            killed.set()
            os.killpg(proc.pid, signal.SIGKILL)

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if killed.is_set():
        return Measure(False, wall, usage.ru_maxrss, f"timed out after {timeout}s")
    if proc.returncode != 0:
        return Measure(False, wall, usage.ru_maxrss, failure_line(log_path, proc.returncode))
    return Measure(True, wall, usage.ru_maxrss)


def failure_line(log_path, returncode):
    """The panic or error line of a failed run's log."""
    with open(log_path, errors="replace") as f:
        lines = [line.strip() for line in f]
    for i, line in enumerate(lines):
        if "panicked at" in line:
            message = lines[i + 1] if i + 1 < len(lines) else ""
            return f"panicked: {message}"[:200]
    for line in lines:
        if line.startswith("error"):
            return line[:200]
    return (lines[-1] if lines else f"exit status {returncode}")[:200]


def median_of(measures):
    ok = [m for m in measures if m.ok]
    if not ok:
        return measures[0] if measures else None
    return Measure(True, statistics.median(m.wall_s for m in ok), int(statistics.median(m.peak_kb for m in ok)))


# ---------------------------------------------------------------- tools and inputs

def progenitor_binary():
    """cargo-progenitor at PROGENITOR_VERSION, installed when missing or another version."""
    listed = run(["cargo", "install", "--list"], timeout=120).stdout
    found = re.search(r"^cargo-progenitor v(\S+):", listed, re.M)
    if not found or found.group(1) != PROGENITOR_VERSION:
        log(f"installing cargo-progenitor {PROGENITOR_VERSION} (found: {found.group(1) if found else 'none'})")
        step = run(["cargo", "install", "cargo-progenitor", "--version", PROGENITOR_VERSION, "--locked"],
                   timeout=INSTALL_TIMEOUT)
        if step.returncode != 0:
            sys.exit("installing cargo-progenitor failed:\n" + step.stderr[-3000:])
    cargo_home = os.environ.get("CARGO_HOME") or os.path.join(os.path.expanduser("~"), ".cargo")
    binary = shutil.which("cargo-progenitor") or os.path.join(cargo_home, "bin", "cargo-progenitor")
    if not os.path.exists(binary):
        sys.exit(f"cargo-progenitor not found at {binary}")
    return binary


def github_spec(cache):
    """GitHub's REST description from the pinned @octokit/openapi, through the corpus cache."""
    out = os.path.join(WORK, "github-spec")
    path = os.path.join(out, GITHUB_ID + ".json")
    if not os.path.exists(path):
        step = run([sys.executable, SAMPLER, "fixed", cache, out, GITHUB_ID], timeout=3600)
        if step.returncode != 0:
            sys.exit("getting GitHub's spec failed:\n" + step.stderr[-3000:])
    return path


def version_spec(cache, name):
    """A spec in another version than 3.0, from the corpus packages (translated when asked)."""
    corpus_id, version = VERSION_SPECS[name]
    # One folder each: a selection replaces the specs of an earlier one.
    out = os.path.join(WORK, "version-specs", name)
    path = os.path.join(out, corpus_id + ".json")
    if not os.path.exists(path):
        step = run([sys.executable, SAMPLER, "fixed", cache, out, corpus_id], timeout=3600)
        if step.returncode != 0:
            sys.exit(f"getting {corpus_id} failed:\n" + step.stderr[-3000:])
    if version is None:
        return path
    translated = os.path.join(out, f"{name}.json")
    if not os.path.exists(translated):
        build = run(["cargo", "build", "--release", "--locked", "--quiet", "-p", "integration",
                     "--bin", "translate-spec"], cwd=ROOT, timeout=3600)
        if build.returncode != 0:
            sys.exit("building translate-spec failed:\n" + build.stderr[-3000:])
        step = run([os.path.join(ROOT, "target", "release", "translate-spec"), version, path, translated], timeout=600)
        if step.returncode != 0:
            sys.exit(f"translating {corpus_id} failed:\n" + step.stderr[-3000:])
    return translated


def crate_name(tool, spec):
    return f"bench-{tool}-{spec}"


def gen_command(tool, binaries, spec, out):
    if tool == "clientgen":
        return [binaries[tool], "generate", SPECS[spec], "--out", out, "--crate-name", crate_name(tool, spec),
                "--runtime-path", RUNTIME]
    # The binary itself rather than `cargo progenitor`, so cargo's start-up is not counted.
    return [binaries[tool], "progenitor", "-i", SPECS[spec], "-o", out, "-n", crate_name(tool, spec),
            "-v", "0.1.0", "--interface", PROGENITOR_INTERFACE]


def out_dir(tool, spec):
    return os.path.join(WORK, "out", tool, spec)


def log_path(*parts):
    path = os.path.join(WORK, "logs", "-".join(parts) + ".log")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    return path


def generate(tool, binaries, spec, run_index):
    out = out_dir(tool, spec)
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    return measure(gen_command(tool, binaries, spec, out), log_path("gen", tool, spec, str(run_index)),
                   GEN_TIMEOUT)


# ---------------------------------------------------------------- parts

def bench_generation(specs, tools, binaries, runs, results):
    for spec in specs:
        samples = {tool: [] for tool in tools}
        for i in range(runs):
            for tool in tools:
                if samples[tool] and not samples[tool][-1].ok:
                    continue  # it failed once: it fails every time
                samples[tool].append(generate(tool, binaries, spec, i))
        for tool in tools:
            m = median_of(samples[tool])
            results["gen"][(tool, spec)] = m
            runs_ok = sum(1 for s in samples[tool] if s.ok)
            log(f"gen {spec} {tool}: " + (f"{m.wall_s:.3f}s {m.peak_mb:.0f} MB ({runs_ok} runs)" if m.ok
                                          else m.detail))


def ensure_generated(specs, tools, binaries, results):
    """Generates once what `gen` did not, for lines and check."""
    for spec in specs:
        for tool in tools:
            if (tool, spec) not in results["gen"]:
                results["gen_once"][(tool, spec)] = generate(tool, binaries, spec, 0)


def generated_ok(results, tool, spec):
    m = results["gen"].get((tool, spec)) or results["gen_once"].get((tool, spec))
    return m is not None and m.ok


def bench_lines(specs, tools, results):
    for spec in specs:
        for tool in tools:
            if generated_ok(results, tool, spec):
                src = os.path.join(out_dir(tool, spec), "src")
                # crate_lines counts every file under src/: make sure they are all Rust.
                if others := [f for _, _, files in os.walk(src) for f in files if not f.endswith(".rs")]:
                    results["notes"].append(f"{tool} {spec}: src/ also holds {others}, counted too")
                results["lines"][(tool, spec)] = crate_lines(out_dir(tool, spec))


def check_env():
    env = dict(os.environ, CARGO_TARGET_DIR=os.path.join(WORK, "check-target"), CARGO_INCREMENTAL="0",
               CARGO_TERM_COLOR="never")
    for var in ("RUSTFLAGS", "CARGO_ENCODED_RUSTFLAGS", "CARGO_BUILD_RUSTFLAGS"):
        env.pop(var, None)
    return env


def prepare_crate(tool, crate):
    """Makes the crate checkable on its own: out of the enclosing workspace, with pinned dependencies."""
    manifest = os.path.join(crate, "Cargo.toml")
    if tool == "clientgen":
        shutil.copy(os.path.join(ROOT, "Cargo.lock"), os.path.join(crate, "Cargo.lock"))
        return
    with open(manifest) as f:
        text = f.read()
    if "[workspace]" not in text:
        with open(manifest, "a") as f:
            f.write("\n[workspace]\n")
    if os.path.exists(PROGENITOR_LOCK):
        shutil.copy(PROGENITOR_LOCK, os.path.join(crate, "Cargo.lock"))


def cargo_check(tool, spec, crate, features, label, runs):
    """Builds the crate's dependencies, then measures checking the crate itself."""
    cmd = ["cargo", "check", "--manifest-path", os.path.join(crate, "Cargo.toml"), *features]
    lib = os.path.join(crate, "src", "lib.rs")
    real = lib + ".real"
    os.replace(lib, real)
    try:
        with open(lib, "w") as f:
            f.write("// stub: builds the dependencies only\n")
        warm = measure(cmd, log_path("check-deps", tool, spec, label), CHECK_TIMEOUT, env=check_env())
    finally:
        os.replace(real, lib)
    if not warm.ok:
        return Measure(False, warm.wall_s, warm.peak_kb, "building the dependencies failed: " + warm.detail)
    samples = []
    for i in range(runs):
        os.utime(lib)  # newer than the stub's build: cargo checks the crate again
        samples.append(measure(cmd, log_path("check", tool, spec, label, str(i)), CHECK_TIMEOUT,
                               env=check_env()))
        if not samples[-1].ok:
            break
    return median_of(samples) if all(s.ok for s in samples) else samples[-1]


def tag_features(crate):
    """The crate's cargo features that are not the runtime's: one per OpenAPI tag, when there are any."""
    with open(os.path.join(crate, "Cargo.toml"), "rb") as f:
        features = tomllib.load(f).get("features", {})
    runtime_features = {"default", "tracing", "test-util"}
    return sorted(name for name in features if name not in runtime_features)


def bench_check(specs, tools, runs, results):
    for spec in specs:
        for tool in tools:
            if tool == "progenitor" and spec == "github":
                continue  # progenitor does not generate it
            crate = out_dir(tool, spec)
            if not generated_ok(results, tool, spec):
                results["check"][(tool, spec, "full")] = Measure(False, 0, 0, "not generated")
                continue
            prepare_crate(tool, crate)
            m = cargo_check(tool, spec, crate, [], "full", runs)
            results["check"][(tool, spec, "full")] = m
            log(f"check {spec} {tool}: " + (f"{m.wall_s:.1f}s {m.peak_mb:.0f} MB" if m.ok else m.detail))
            if spec != "github":
                continue
            tags = tag_features(crate)
            if not tags:
                log("one-tag check: not available (no tag features)")  # and its row says so
                continue
            tag = GITHUB_TAG if GITHUB_TAG in tags else None
            if tag is None:
                results["notes"].append(f"one-tag check: the crate has {len(tags)} features but no `{GITHUB_TAG}`")
                continue
            m = cargo_check(tool, spec, crate, ["--no-default-features", "--features", tag], "tag", runs)
            results["check"][(tool, spec, "tag")] = m
            results["tag"] = tag
            log(f"check {spec} {tool} --features {tag}: " + (f"{m.wall_s:.1f}s {m.peak_mb:.0f} MB" if m.ok
                                                              else m.detail))


def criterion_estimates(criterion_dir):
    """Median ns of request/{end_to_end,sign,hash_floor} from criterion's estimates.json, or an error text."""
    found = {}
    for name in ("end_to_end", "sign", "hash_floor"):
        path = os.path.join(criterion_dir, "request", name, "new", "estimates.json")
        try:
            with open(path) as f:
                found[name] = float(json.load(f)["median"]["point_estimate"])
        except (OSError, ValueError, KeyError, TypeError) as e:
            return f"no estimate in {path}: {e}"
    return found


def request_bench_present():
    with open(os.path.join(ROOT, "tests", "Cargo.toml"), "rb") as f:
        benches = tomllib.load(f).get("bench", [])
    return any(b.get("name") == "request" for b in benches)


def ensure_sdk_venv(venv):
    """The official SDK's venv, made as scripts/test.sh makes it."""
    python = os.path.join(venv, "bin", "python")
    pins = dict(line.split("#")[0].strip().split("==") for line in open(SDK_REQUIREMENTS) if "==" in line)
    wanted = pins["huaweicloudsdkcore"]
    probe = "import importlib.metadata as m; print(m.version('huaweicloudsdkcore'), m.version('huaweicloudsdkhss'))"
    if os.path.exists(python) and run([python, "-c", probe], timeout=60).stdout.split() == [wanted, wanted]:
        return python, None
    if not os.path.exists(python):
        log(f"creating {venv}")
        step = run([sys.executable, "-m", "venv", venv], timeout=300)
        if step.returncode != 0:
            return None, "python3 -m venv failed: " + step.stderr.strip()[-300:]
    step = run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r",
                SDK_REQUIREMENTS], timeout=1200)
    if step.returncode != 0:
        return None, "installing the SDK failed: " + step.stderr.strip()[-300:]
    return python, None


def bench_request(args, results):
    ours = results["request"]
    criterion_dir = args.criterion_dir
    if criterion_dir:
        pass  # read what an earlier `cargo bench` wrote
    elif not request_bench_present():
        ours["error"] = ("the criterion bench `request` is not in this tree "
                         "(cargo bench -p integration --bench request)")
    else:
        target = os.environ.get("CARGO_TARGET_DIR") or os.path.join(ROOT, "target")
        log("cargo bench -p integration --bench request")
        step = run(["cargo", "bench", "--locked", "-p", "integration", "--bench", "request"],
                   timeout=BENCH_TIMEOUT, cwd=ROOT)
        if step.returncode != 0:
            ours["error"] = "cargo bench failed: " + (step.stderr.strip().splitlines() or ["?"])[-1]
        else:
            criterion_dir = os.path.join(target, "criterion")
    if criterion_dir:
        estimates = criterion_estimates(criterion_dir)
        ours.update(estimates if isinstance(estimates, dict) else {"error": estimates})
    python, error = ensure_sdk_venv(args.sdk_venv)
    if error:
        results["sdk"] = {"error": error}
        return
    step = run([python, SDK_BENCH, "--json"], timeout=600)
    if step.returncode != 0:
        results["sdk"] = {"error": "scripts/bench_sdk.py failed: " + step.stderr.strip()[-300:]}
    else:
        results["sdk"] = json.loads(step.stdout)


# ---------------------------------------------------------------- the table

@dataclass
class Row:
    what: str
    ours: str
    other: str
    ratio: str
    target: str
    met: bool | None  # None: no target (target "-"), or not measured


def fmt_s(m):
    return f"{m.wall_s:.3f} s" if m.wall_s < 10 else f"{m.wall_s:.1f} s"


def fmt_mb(m):
    return f"{m.peak_mb:.0f} MB"


def shown(m, fmt):
    if m is None:
        return "not run"
    if not m.ok:
        return f"failed ({m.detail})" if fmt is fmt_s else "failed"
    return fmt(m)


def judge(*measures, holds):
    """A target's verdict: None when something was not measured, False when it failed, else `holds()`."""
    if any(m is None for m in measures):
        return None
    return all(m.ok for m in measures) and holds()


def both_ok(a, b):
    return a is not None and b is not None and a.ok and b.ok


def generation_rows(results, specs):
    rows = []
    for spec in specs:
        ours, theirs = results["gen"].get(("clientgen", spec)), results["gen"].get(("progenitor", spec))
        if ours is None and theirs is None:
            continue
        time_ratio = f"{theirs.wall_s / ours.wall_s:.1f}× faster" if both_ok(ours, theirs) else "-"
        mem_ratio = f"{ours.peak_mb / theirs.peak_mb:.2f}×" if both_ok(ours, theirs) else "-"
        target, met = "-", None
        if spec == "nexus":
            target = "≥ 3× faster"
            met = judge(ours, theirs, holds=lambda: theirs.wall_s / ours.wall_s >= 3)
        elif spec == "github":
            target = "≤ 3 s"
            met = judge(ours, holds=lambda: ours.wall_s <= 3)
        elif spec in VERSION_SPECS:
            target = "≤ 1 s"
            met = judge(ours, holds=lambda: ours.wall_s <= 1)
        rows.append(Row(f"{spec}: generation, wall (median)", shown(ours, fmt_s),
                        shown(theirs, fmt_s), time_ratio, target, met))
        target, met = "-", None
        if spec == "github":
            target = "≤ 600 MB"
            met = judge(ours, holds=lambda: ours.peak_mb <= 600)
        rows.append(Row(f"{spec}: generation, peak RSS", shown(ours, fmt_mb),
                        shown(theirs, fmt_mb), mem_ratio, target, met))
    return rows


def lines_rows(results, specs):
    rows = []
    for spec in specs:
        ours, theirs = results["lines"].get(("clientgen", spec)), results["lines"].get(("progenitor", spec))
        if ours is None and theirs is None:
            continue
        failed = results["gen"].get(("progenitor", spec)) or results["gen_once"].get(("progenitor", spec))
        other = f"{theirs:,}" if theirs is not None else (
            f"none ({failed.detail})" if failed is not None and not failed.ok else "not run")
        ratio = f"{ours / theirs:.2f}×" if ours is not None and theirs else "-"
        target, met = "-", None
        if spec == "nexus":
            target = "≤ progenitor's"
            met = None if ours is None or theirs is None else ours <= theirs
        rows.append(Row(f"{spec}: output lines (src/**/*.rs)", f"{ours:,}" if ours is not None else "not run",
                        other, ratio, target, met))
    return rows


def check_rows(results, specs):
    rows = []
    check = results["check"]
    for spec in specs:
        ours, theirs = check.get(("clientgen", spec, "full")), check.get(("progenitor", spec, "full"))
        if ours is None and theirs is None:
            continue
        other_time = shown(theirs, fmt_s) if spec != "github" else "does not generate"
        other_mem = shown(theirs, fmt_mb) if spec != "github" else "does not generate"
        if spec == "github":
            rows.append(Row("github: `cargo check`, whole crate, wall", shown(ours, fmt_s), other_time, "-",
                            "≤ 60 s", judge(ours, holds=lambda: ours.wall_s <= 60)))
            rows.append(Row("github: `cargo check`, whole crate, peak RSS", shown(ours, fmt_mb), other_mem, "-",
                            "≤ 4000 MB", judge(ours, holds=lambda: ours.peak_mb <= 4000)))
            tag = check.get(("clientgen", spec, "tag"))
            if tag is not None:
                rows.append(Row(f"github: `cargo check`, tag `{results['tag']}` only, wall", shown(tag, fmt_s), "-",
                                "-", "≤ 10 s", judge(tag, holds=lambda: tag.wall_s <= 10)))
                rows.append(Row(f"github: `cargo check`, tag `{results['tag']}` only, peak RSS", shown(tag, fmt_mb),
                                "-", "-", "-", None))
            else:
                rows.append(Row("github: `cargo check`, one tag only", "not available (no tag features)", "-", "-",
                                "≤ 10 s", None))
            continue
        ratio_t = f"{ours.wall_s / theirs.wall_s:.2f}×" if both_ok(ours, theirs) else "-"
        ratio_m = f"{ours.peak_mb / theirs.peak_mb:.2f}×" if both_ok(ours, theirs) else "-"
        target, met = "-", None
        if spec == "nexus":
            target = "≤ 0.7× progenitor's"
            met = judge(ours, theirs, holds=lambda: ours.wall_s / theirs.wall_s <= 0.7)
        rows.append(Row(f"{spec}: `cargo check` of the crate, wall", shown(ours, fmt_s), other_time, ratio_t,
                        target, met))
        rows.append(Row(f"{spec}: `cargo check` of the crate, peak RSS", shown(ours, fmt_mb), other_mem, ratio_m,
                        "-", None))
    return rows


def request_rows(results):
    ours, sdk = results["request"], results.get("sdk", {})
    if "error" in ours:
        results["notes"].append(f"per request, ours: {ours['error']}")
    if "error" in sdk:
        results["notes"].append(f"per request, the SDK: {sdk['error']}")

    def us(key):
        return f"{ours[key] / 1000:.2f} µs" if key in ours else "not run (see below)"

    sdk_e2e = f"{sdk['end_to_end_us']:.1f} µs (Python SDK)" if "end_to_end_us" in sdk else "SDK not run (see below)"
    sdk_sign = f"{sdk['sign_us']:.1f} µs (Python SDK)" if "sign_us" in sdk else "SDK not run (see below)"
    rows = []
    e2e = ours.get("end_to_end")
    rows.append(Row("per request, end to end (build, validate, serialize, sign; no I/O)", us("end_to_end"), sdk_e2e,
                    f"SDK {sdk['end_to_end_us'] * 1000 / e2e:.0f}× slower" if e2e and "end_to_end_us" in sdk else "-",
                    "≤ 3 µs", None if e2e is None else e2e <= 3000))
    sign, floor = ours.get("sign"), ours.get("hash_floor")
    rows.append(Row("per request, signing alone", us("sign"), us("hash_floor").replace(" µs", " µs (hash floor)"),
                    f"{sign / floor:.2f}× the floor" if sign and floor else "-", "≤ 2× the hash floor",
                    None if sign is None or floor is None else sign <= 2 * floor))
    sdk_ratio = f"SDK {sdk['sign_us'] * 1000 / sign:.0f}× slower" if sign and "sign_us" in sdk else "-"
    rows.append(Row("per request, signing alone, against the SDK's signer", us("sign"), sdk_sign, sdk_ratio,
                    "-", None))
    return rows


def table(rows):
    lines = ["| what | clientgen | progenitor / SDK / floor | ratio | target | met? |",
             "|---|---|---|---|---|---|"]
    for r in rows:
        met = ("-" if r.target == "-" else "not measured") if r.met is None else ("yes" if r.met else "**no**")
        cells = [r.what, r.ours, r.other, r.ratio, r.target, met]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines)


# ---------------------------------------------------------------- main

def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="generation runs per tool and spec (default 5)")
    parser.add_argument("--check-runs", type=int, default=1, help="measured `cargo check` runs per crate (default 1)")
    parser.add_argument("--only", default=",".join(PARTS), help=f"comma-separated subset of {','.join(PARTS)}")
    parser.add_argument("--skip-github", action="store_true", help="leave GitHub's spec out")
    parser.add_argument("--skip-versions", action="store_true",
                        help="leave out the 3.1 and Swagger 2.0 specs (for a clientgen that reads 3.0 only)")
    parser.add_argument("--quick", action="store_true",
                        help="HSS and keeper only, one run (checks keeper); a smoke test")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--progenitor-interface", choices=["positional", "builder"], default="positional",
                        help="progenitor's interface style (default: positional, its own default)")
    parser.add_argument("--clientgen", help="a clientgen binary to use instead of a fresh release build")
    parser.add_argument("--corpus-cache", default=os.path.join(ROOT, "target", "corpus", "cache"),
                        help="npm cache of the corpus packages, shared with scripts/corpus.py")
    parser.add_argument("--sdk-venv", default=os.path.join(ROOT, "target", "sdk-venv"),
                        help="venv with the official SDK (made as scripts/test.sh makes it when missing)")
    parser.add_argument("--criterion-dir", help="read request/*/new/estimates.json from this criterion directory "
                        "instead of running `cargo bench`")
    args = parser.parse_args()
    global PROGENITOR_INTERFACE
    PROGENITOR_INTERFACE = args.progenitor_interface
    parts = [p for p in args.only.split(",") if p]
    if unknown := [p for p in parts if p not in PARTS]:
        parser.error(f"unknown parts {unknown}; known: {', '.join(PARTS)}")
    if args.quick:
        args.runs = 1
        gen_specs, check_specs = ["hss", "keeper"], ["keeper"]
    else:
        gen_specs = ["hss", "keeper", "nexus"] + ([] if args.skip_github else ["github"])
        gen_specs += [] if args.skip_versions else list(VERSION_SPECS)
        check_specs = ["nexus"] + ([] if args.skip_github else ["github"])
    os.makedirs(WORK, exist_ok=True)
    started = time.monotonic()

    results = {"gen": {}, "gen_once": {}, "lines": {}, "check": {}, "request": {}, "notes": [], "tag": None}
    needs_crates = [p for p in parts if p in ("gen", "lines", "check")]
    binaries = {}
    if needs_crates:
        binaries = {"clientgen": clientgen_binary(args.clientgen), "progenitor": progenitor_binary()}
        if "github" in gen_specs:
            SPECS["github"] = github_spec(os.path.abspath(args.corpus_cache))
        for name in VERSION_SPECS:
            if name in gen_specs:
                SPECS[name] = version_spec(os.path.abspath(args.corpus_cache), name)
    tools = list(TOOLS)
    if "gen" in parts:
        bench_generation(gen_specs, tools, binaries, args.runs, results)
    if "lines" in parts:
        ensure_generated(gen_specs, tools, binaries, results)
        bench_lines(gen_specs, tools, results)
    if "check" in parts:
        ensure_generated(check_specs, tools, binaries, results)
        bench_check(check_specs, tools, args.check_runs, results)
    if "request" in parts:
        bench_request(args, results)

    rows = []
    if "gen" in parts:
        rows += generation_rows(results, gen_specs)
    if "lines" in parts:
        rows += lines_rows(results, gen_specs)
    if "check" in parts:
        rows += check_rows(results, check_specs)
    if "request" in parts:
        rows += request_rows(results)

    command = "python3 scripts/bench.py " + " ".join(sys.argv[1:])
    header = (f"`{command.strip()}`: cargo-progenitor {PROGENITOR_VERSION} (`--interface {PROGENITOR_INTERFACE}`), "
              + (f"{args.runs} generation run(s) per tool and spec (medians), " if "gen" in parts else "")
              + f"{time.monotonic() - started:.0f} s in all, {time.strftime('%Y-%m-%d %H:%M %Z')}")
    notes = ["ratio: clientgen / the other, unless it says faster or slower; MB are 10^6 bytes; peak RSS "
             "of cargo is its largest process (rustc)"] + results["notes"]
    text = "\n".join([header, "", table(rows), ""] + [f"- {n}" for n in notes])
    print(text)
    with open(os.path.join(WORK, "results.md"), "w") as f:
        f.write(text + "\n")

    def keyed(d):
        return {"/".join(k) if isinstance(k, tuple) else k: (asdict(v) if isinstance(v, Measure) else v)
                for k, v in d.items()}

    write_json(os.path.join(WORK, "results.json"), {
        "command": command.strip(), "progenitor_version": PROGENITOR_VERSION, "runs": args.runs,
        "generation": keyed(results["gen"]), "lines": keyed(results["lines"]), "check": keyed(results["check"]),
        "one_tag": results["tag"], "request_ns": results["request"], "sdk": results.get("sdk"),
        "notes": results["notes"], "rows": [asdict(r) for r in rows]})
    missed = [r.what for r in rows if r.met is False]
    if missed:
        log(f"{len(missed)} target(s) missed: " + "; ".join(missed))
    if unmeasured := [r.what for r in rows if r.met is None and r.target != "-"]:
        log(f"{len(unmeasured)} target(s) not measured (not counted by --check): " + "; ".join(unmeasured))
    if args.check and missed:
        sys.exit(1)


if __name__ == "__main__":
    main()
