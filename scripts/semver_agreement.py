#!/usr/bin/env python3
"""Does `clientgen diff` call a spec change breaking exactly when
cargo-semver-checks finds the generated crate broken?

  python3 scripts/semver_agreement.py                 # every pair
  python3 scripts/semver_agreement.py --fixed         # the six cheap pairs (CI)
  python3 scripts/semver_agreement.py --only NAME     # one pair (repeatable)
  python3 scripts/semver_agreement.py --list          # the pairs, without running
  python3 scripts/semver_agreement.py --json OUT.json # also write every result

For each pair (scripts/semver_pairs.py: single mutations of tests/fixtures and
spec/hss.yaml; scripts/semver_real.py: two versions of public specs) the old
and new specs are written to target/semver/<pair>/{old,new}.json, both crates
are generated with one crate name and one runtime path into
target/semver/<pair>/{old,new}, then

  cargo semver-checks check-release --manifest-path new/Cargo.toml --baseline-root old
  clientgen diff old.json new.json --format json

run and their "breaking or not" compared. Breaking for cargo-semver-checks is
a failed lint of the major level. All generated crates share the target
directory target/semver/target. cargo-semver-checks is installed at the
pinned version (scripts/semver_tools.py) when missing, PyYAML into
target/semver/venv when the interpreter has none, and the npm package of the
real pairs into target/semver/npm.

Prints a row per pair and `agree N/M` (pairs where either tool failed are not
counted). Exits 1 when a tool failed on some pair or, with --fixed, when a
verdict differs from the one recorded in semver_pairs.FIXED; else 0, known
disagreements included: they are findings, explained in tests/semver/RESULTS.md.
"""
import argparse
import copy
import json
import os
import platform
import shutil
import sys
import time

import semver_pairs
import semver_real
import semver_tools as tools
from semver_tools import ROOT, WORK, log


def crate_name_for(pair_name):
    return "semver-" + pair_name[:50]


def prepare_synthetic(pair, pair_dir):
    """Writes old and new specs of a synthetic pair; returns their paths."""
    base_path = os.path.join(ROOT, semver_pairs.BASES[pair.base])
    spec = tools.load_spec(base_path)
    mutated = copy.deepcopy(spec)
    pair.mutate(mutated)
    if pair.old_is_source:
        old = os.path.join(pair_dir, "old" + os.path.splitext(base_path)[1])
        shutil.copy(base_path, old)
    else:
        old = os.path.join(pair_dir, "old.json")
        tools.write_json(old, spec)
    new = os.path.join(pair_dir, "new.json")
    tools.write_json(new, mutated)
    return old, new


def prepare_real(pair, pair_dir):
    prefix = os.path.join(WORK, "npm")
    tools.npm_install(semver_real.npm_packages(), prefix)
    paths = []
    for which, version in (("old", pair.old), ("new", pair.new)):
        path = os.path.join(pair_dir, which + ".json")
        shutil.copy(semver_real.spec_path(prefix, version, pair.spec), path)
        paths.append(path)
    return paths


def run_pair(pair, real, clientgen, with_semver):
    """Both tools on one pair; returns a result dict."""
    pair_dir = os.path.join(WORK, pair.name)
    shutil.rmtree(pair_dir, ignore_errors=True)
    os.makedirs(pair_dir)
    result = {"pair": pair.name, "source": "real" if real else pair.base,
              "expect": pair.expect, "what": pair.what, "error": ""}
    old_spec, new_spec = (prepare_real if real else prepare_synthetic)(pair, pair_dir)

    started = time.monotonic()
    crates = {}
    for which, spec in (("old", old_spec), ("new", new_spec)):
        crates[which] = os.path.join(pair_dir, which)
        error = tools.generate(clientgen, spec, crates[which], crate_name_for(pair.name))
        if error:
            result["error"] = f"generate {which}: {error}"
            return result
    result["generate_s"] = round(time.monotonic() - started, 2)
    result["lines"] = max(tools.crate_lines(c) for c in crates.values())

    started = time.monotonic()
    diff = tools.clientgen_diff(clientgen, old_spec, new_spec)
    result["diff_s"] = round(time.monotonic() - started, 2)
    result["diff"] = {"breaking": diff.breaking, "bump": diff.bump, "classes": diff.classes,
                      "breaking_changes": diff.breaking_changes, "error": diff.error}

    if with_semver:
        started = time.monotonic()
        semver = tools.semver_checks(crates["old"], crates["new"],
                                     os.path.join(pair_dir, "semver-checks.log"))
        result["semver_s"] = round(time.monotonic() - started, 1)
        result["semver"] = {"breaking": semver.breaking, "major": semver.major,
                            "minor": semver.minor, "lints": semver.lints, "error": semver.error}
    return result


def verdict_text(verdict):
    if not verdict:
        return "-"
    if verdict["breaking"] is None:
        return "ERROR"
    return "breaking" if verdict["breaking"] else "not"


def agreement(result):
    """True/False when both tools gave a verdict, else None."""
    a, b = result.get("diff"), result.get("semver")
    if not a or not b or a["breaking"] is None or b["breaking"] is None:
        return None
    return a["breaking"] == b["breaking"]


def lint_text(lints, levels):
    """Failed lints, the minor-level ones marked, warnings as given."""
    return ", ".join(f"{name} (minor)" if levels.get(name) == "minor" else name for name in lints)


def print_table(results, levels):
    print("\n| pair | source | expected | clientgen diff | cargo-semver-checks | agree | semver-checks lints |")
    print("|---|---|---|---|---|---|---|")
    for r in results:
        diff, semver = r.get("diff"), r.get("semver")
        diff_text = verdict_text(diff) + (f" ({diff['bump']})" if diff and diff.get("bump") else "")
        agree = {True: "yes", False: "**no**", None: "-"}[agreement(r)]
        lints = lint_text(semver["lints"], levels) if semver else ""
        print(f"| {r['pair']} | {r['source']} | {r['expect']} | {diff_text} | {verdict_text(semver)} "
              f"| {agree} | {lints} |")
    for r in results:
        for label, verdict in (("generate", r), ("clientgen diff", r.get("diff")),
                               ("cargo-semver-checks", r.get("semver"))):
            if verdict and verdict.get("error"):
                print(f"\n{r['pair']}: {label} failed: {verdict['error']}")


def summary(results, elapsed):
    compared = [r for r in results if agreement(r) is not None]
    agreed = [r for r in compared if agreement(r)]
    return {"agree": len(agreed), "compared": len(compared), "pairs": len(results),
            "disagree": [r["pair"] for r in compared if not agreement(r)],
            "failed": [r["pair"] for r in results
                       if r["error"] or verdict_text(r.get("diff")) == "ERROR"
                       or verdict_text(r.get("semver")) == "ERROR"],
            "elapsed_s": round(elapsed, 1)}


def drift_from_recorded(results):
    """`--fixed`: pairs whose verdicts differ from those in semver_pairs.FIXED."""
    drift = []
    for r in results:
        recorded = semver_pairs.FIXED.get(r["pair"])
        got = (r.get("diff", {}).get("breaking"), r.get("semver", {}).get("breaking"))
        if recorded is not None and got != recorded:
            drift.append(f"{r['pair']}: recorded (diff, semver-checks) breaking = {recorded}, now {got}")
    return drift


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fixed", action="store_true", help="only the cheap CI subset")
    parser.add_argument("--only", action="append", default=[], metavar="NAME", help="only this pair (repeatable)")
    parser.add_argument("--json", metavar="OUT", help="write every result as JSON")
    parser.add_argument("--list", action="store_true", help="list the pairs and exit")
    parser.add_argument("--no-semver-checks", action="store_true",
                        help="generate and diff only (a quick look at clientgen diff)")
    parser.add_argument("--clientgen", metavar="BIN", help="use this clientgen binary instead of building one")
    args = parser.parse_args()

    pairs = [(p, False) for p in semver_pairs.load()] + [(p, True) for p in semver_real.REAL_PAIRS]
    names = [p.name for p, _ in pairs]
    if len(set(names)) != len(names):
        sys.exit("duplicate pair names")
    if args.fixed:
        pairs = [(p, real) for p, real in pairs if p.name in semver_pairs.FIXED]
    if args.only:
        unknown = set(args.only) - set(names)
        if unknown:
            sys.exit("no such pair: " + ", ".join(sorted(unknown)))
        pairs = [(p, real) for p, real in pairs if p.name in args.only]
    if args.list:
        for p, real in pairs:
            print(f"{p.name:40} {'real' if real else p.base:10} {p.expect:11} {p.what}")
        return 0

    tools.ensure_yaml()
    started = time.monotonic()
    clientgen = tools.clientgen_binary(args.clientgen)
    commit = tools.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], timeout=30).stdout.strip()
    versions = {"clientgen": tools.run([clientgen, "--version"], timeout=30).stdout.strip() + f" ({commit})",
                "rustc": tools.run(["rustc", "--version"], timeout=30).stdout.strip(),
                "python": platform.python_version()}
    levels = {}
    if not args.no_semver_checks:
        versions["cargo-semver-checks"] = tools.ensure_semver_checks()
        levels = tools.semver_lint_levels()
    log("versions: " + json.dumps(versions))

    results = []
    for pair, real in pairs:
        pair_started = time.monotonic()
        result = run_pair(pair, real, clientgen, not args.no_semver_checks)
        results.append(result)
        agree = agreement(result)
        log(f"{pair.name}: diff {verdict_text(result.get('diff'))}, "
            f"semver-checks {verdict_text(result.get('semver'))}"
            f"{'' if agree is None else (', agree' if agree else ', DISAGREE')}"
            f"{' ' + result['error'] if result['error'] else ''} "
            f"({time.monotonic() - pair_started:.0f}s)")

    totals = summary(results, time.monotonic() - started)
    print_table(results, levels)
    print(f"\nagree {totals['agree']}/{totals['compared']} "
          f"({totals['pairs']} pairs, {len(totals['failed'])} with a failed tool; "
          f"{totals['elapsed_s']:.0f}s)")
    if totals["disagree"]:
        print("disagree: " + ", ".join(totals["disagree"]))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"versions": versions, "summary": totals, "results": results}, f, indent=2)
            f.write("\n")
    drift = drift_from_recorded(results) if args.fixed and not args.no_semver_checks else []
    for line in drift:
        print("changed: " + line)
    return 1 if totals["failed"] or drift else 0


if __name__ == "__main__":
    sys.exit(main())
