"""The tools scripts/semver_agreement.py drives: clientgen (generate, diff),
cargo-semver-checks (pinned, installed when missing), PyYAML (in a venv under
target/ when the interpreter has none) and npm (the real version pairs).

Every subprocess has a timeout; nothing here reaches the network except
`cargo install` and `npm install` (and cargo's own registry index updates).
"""
import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "target", "semver")
RUNTIME = os.path.join(ROOT, "templates", "runtime")
# One target directory for every generated crate, so that the runtime, serde
# and the runtime's dependencies are documented once.
CRATES_TARGET = os.path.join(WORK, "target")

# cargo-semver-checks 0.51.0 reads rustdoc JSON format v57, which is what the
# stable toolchain of this project (rustc 1.93 and later, 1.95 here) writes.
SEMVER_CHECKS_VERSION = "0.51.0"
PYYAML_VERSION = "6.0.3"

INSTALL_TIMEOUT = 3600  # cargo install compiles cargo-semver-checks: ~10+ min on 2 cores
BUILD_TIMEOUT = 1800
GENERATE_TIMEOUT = 120
SEMVER_TIMEOUT = 1200  # the first pair documents reqwest, tokio, rustls…
DIFF_TIMEOUT = 120
NPM_TIMEOUT = 600


def log(message):
    print(message, file=sys.stderr, flush=True)


def run(cmd, timeout, **kw):
    """Runs `cmd`, capturing text output; a timeout becomes exit status None."""
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, **kw)
    except subprocess.TimeoutExpired as e:
        out = e.stdout.decode(errors="replace") if isinstance(e.stdout, bytes) else (e.stdout or "")
        err = e.stderr.decode(errors="replace") if isinstance(e.stderr, bytes) else (e.stderr or "")
        return subprocess.CompletedProcess(cmd, None, out, err + f"\ntimed out after {timeout}s")


# ---------------------------------------------------------------- YAML

def ensure_yaml():
    """Returns the `yaml` module, re-running this script in a venv that has
    PyYAML when the current interpreter does not."""
    try:
        import yaml  # noqa: PLC0415 - optional at import time by design
        return yaml
    except ImportError:
        pass
    venv = os.path.join(WORK, "venv")
    python = os.path.join(venv, "bin", "python")
    if os.path.realpath(sys.executable) == os.path.realpath(python):
        sys.exit("PyYAML is missing even in the venv " + venv)
    if not os.path.exists(python):
        log(f"creating {venv} with PyYAML {PYYAML_VERSION}")
        step = run([sys.executable, "-m", "venv", venv], timeout=300)
        if step.returncode != 0:
            sys.exit("python3 -m venv failed:\n" + step.stderr)
    step = run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                f"pyyaml=={PYYAML_VERSION}"], timeout=600)
    if step.returncode != 0:
        sys.exit("installing PyYAML failed:\n" + step.stderr)
    os.execv(python, [python, *sys.argv])
    return None  # not reached


def load_spec(path):
    """A spec file (YAML or JSON) as plain Python data."""
    yaml = ensure_yaml()
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if path.endswith(".json"):
        return json.loads(text)
    # BaseLoader would keep every scalar a string; SafeLoader's YAML 1.1
    # booleans and numbers are what clientgen's YAML loader sees too for the
    # specs used here (no `yes`/`no`/`on`/`off` keys, no bare dates).
    return yaml.safe_load(text)


def write_json(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=2, ensure_ascii=False, default=str)
        f.write("\n")


# ---------------------------------------------------------------- clientgen

def clientgen_binary(given):
    """The `clientgen` binary: `given`, or a fresh release build of clientgen-cli."""
    if given:
        return os.path.abspath(given)
    target = os.environ.get("CARGO_TARGET_DIR") or os.path.join(ROOT, "target")
    log("building clientgen (cargo build --release -p clientgen-cli)")
    step = run(["cargo", "build", "--release", "--locked", "--quiet", "-p", "clientgen-cli"],
               timeout=BUILD_TIMEOUT, cwd=ROOT)
    if step.returncode != 0:
        sys.exit("building clientgen failed:\n" + step.stderr)
    return os.path.join(os.path.abspath(target), "release", "clientgen")


def generate(clientgen, spec, out, crate_name):
    """Writes the crate for `spec` to `out`; returns an error text or None."""
    step = run([clientgen, "generate", spec, "--out", out, "--crate-name", crate_name,
                "--runtime-path", RUNTIME], timeout=GENERATE_TIMEOUT)
    if step.returncode != 0:
        return (step.stderr or step.stdout).strip() or f"exit status {step.returncode}"
    # The workspace's lock file pins every dependency, as in scripts/corpus.py.
    shutil.copy(os.path.join(ROOT, "Cargo.lock"), os.path.join(out, "Cargo.lock"))
    return None


def crate_lines(crate_dir):
    total = 0
    for dirpath, _, files in os.walk(os.path.join(crate_dir, "src")):
        for name in files:
            with open(os.path.join(dirpath, name), encoding="utf-8") as f:
                total += sum(1 for _ in f)
    return total


@dataclass
class DiffVerdict:
    breaking: bool | None  # None: the tool failed or is missing
    bump: str = ""
    classes: dict = field(default_factory=dict)  # class -> count
    breaking_changes: list = field(default_factory=list)  # "item: change" of breaking ones
    error: str = ""


def clientgen_diff(clientgen, old, new):
    """`clientgen diff OLD NEW --format json`, read from its JSON and exit status."""
    step = run([clientgen, "diff", old, new, "--format", "json"], timeout=DIFF_TIMEOUT)
    if step.returncode not in (0, 2):
        return DiffVerdict(None, error=(step.stderr or step.stdout).strip()[:400]
                           or f"exit status {step.returncode}")
    try:
        report = json.loads(step.stdout)
        changes = report["changes"]
        verdict = report["verdict"]
    except (ValueError, KeyError, TypeError) as e:
        # clap also exits with 2, on a usage error: no JSON then.
        detail = (step.stderr or step.stdout).strip()[:300]
        return DiffVerdict(None, error=f"exit status {step.returncode}, no JSON report ({e}): {detail}")
    breaking = bool(verdict.get("breaking"))
    if breaking != (step.returncode == 2):
        return DiffVerdict(None, error=f"verdict.breaking={breaking} but exit status {step.returncode}")
    classes = {}
    for change in changes:
        classes[change.get("class", "?")] = classes.get(change.get("class", "?"), 0) + 1
    broken = [f"{c.get('item', '?')}: {c.get('change', '?')}" for c in changes
              if c.get("class") == "breaking"]
    return DiffVerdict(breaking, str(verdict.get("bump", "")), classes, broken)


# ---------------------------------------------------------------- cargo-semver-checks

def semver_checks_version():
    step = run(["cargo", "semver-checks", "--version"], timeout=60)
    if step.returncode != 0:
        return None
    match = re.search(r"(\d+\.\d+\.\d+)", step.stdout)
    return match.group(1) if match else None


def ensure_semver_checks():
    """Installs the pinned cargo-semver-checks unless it is already there."""
    found = semver_checks_version()
    if found == SEMVER_CHECKS_VERSION:
        return found
    log(f"installing cargo-semver-checks {SEMVER_CHECKS_VERSION} (found: {found or 'none'}); "
        "this compiles it, ~10 minutes on 2 cores")
    started = time.monotonic()
    step = run(["cargo", "install", "cargo-semver-checks", "--version", SEMVER_CHECKS_VERSION,
                "--locked"], timeout=INSTALL_TIMEOUT)
    if step.returncode != 0:
        sys.exit("installing cargo-semver-checks failed:\n" + step.stderr[-3000:])
    log(f"installed cargo-semver-checks in {time.monotonic() - started:.0f}s")
    return semver_checks_version()


def semver_lint_levels():
    """Each cargo-semver-checks lint's required update (`major` or `minor`)."""
    step = run(["cargo", "semver-checks", "check-release", "--list"], timeout=60)
    levels = {}
    for line in step.stdout.splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[1] in ("major", "minor"):
            levels[parts[0]] = parts[1]
    return levels


@dataclass
class SemverVerdict:
    breaking: bool | None  # None: the tool failed
    major: int = 0
    minor: int = 0
    lints: list = field(default_factory=list)  # names of the failed (and warned) lints
    error: str = ""


SUMMARY_COUNTS = re.compile(r"(\d+) major and (\d+) minor checks? failed")
LINT_LINE = re.compile(r"^--- (failure|warning) ([a-z0-9_]+):", re.M)


def parse_semver_checks(returncode, output):
    """Reads the verdict from cargo-semver-checks' human output (it has no JSON).

    Breaking means at least one failed lint of the `major` level; `minor`
    lints (e.g. a newly deprecated item) and warnings are not breaking."""
    lints = [f"{kind}:{name}" if kind == "warning" else name for kind, name in LINT_LINE.findall(output)]
    counts = SUMMARY_COUNTS.search(output)
    if counts:
        major, minor = int(counts.group(1)), int(counts.group(2))
        return SemverVerdict(major > 0, major, minor, lints)
    if "no semver update required" in output and returncode == 0:
        return SemverVerdict(False, 0, 0, lints)
    tail = "\n".join(output.strip().splitlines()[-15:])
    return SemverVerdict(None, lints=lints, error=f"exit status {returncode}: {tail}")


def semver_checks(old_crate, new_crate, log_path):
    """`cargo semver-checks check-release` of `new_crate` against `old_crate`."""
    env = dict(os.environ, CARGO_TARGET_DIR=CRATES_TARGET, CARGO_TERM_COLOR="never",
               CARGO_INCREMENTAL="0")
    cmd = ["cargo", "semver-checks", "check-release",
           "--manifest-path", os.path.join(new_crate, "Cargo.toml"),
           "--baseline-root", old_crate,
           # Same version on both sides reads as a minor release, which skips
           # the minor-level lints (new deprecations…); as a patch release every
           # lint runs. Breaking is still only a failed major-level lint.
           "--release-type", "patch"]
    step = run(cmd, timeout=SEMVER_TIMEOUT, env=env)
    output = (step.stdout or "") + "\n" + (step.stderr or "")
    with open(log_path, "w", encoding="utf-8") as f:
        f.write("$ " + " ".join(cmd) + "\n" + output)
    return parse_semver_checks(step.returncode, output)


# ---------------------------------------------------------------- npm

def npm_install(packages, prefix):
    """Installs `packages` (npm specifiers, aliases allowed) into `prefix` once."""
    marker = os.path.join(prefix, "installed.json")
    if os.path.exists(marker):
        with open(marker, encoding="utf-8") as f:
            if json.load(f) == packages:
                return
    os.makedirs(prefix, exist_ok=True)
    log("npm install " + " ".join(packages))
    step = run(["npm", "install", "--no-save", "--ignore-scripts", "--no-audit", "--no-fund",
                "--fetch-timeout=120000", "--fetch-retries=2", "--prefix", prefix, *packages],
               timeout=NPM_TIMEOUT)
    if step.returncode != 0:
        sys.exit("npm install failed:\n" + step.stderr[-3000:])
    with open(marker, "w", encoding="utf-8") as f:
        json.dump(packages, f)
