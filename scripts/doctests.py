#!/usr/bin/env python3
"""Checks that a crate's doctests are exactly the examples clientgen writes:
one per client method (`…::Client::<method>`), and nothing else, so that no
spec text became a doctest.

  scripts/doctests.py [--readme] CRATE_DIR -- CARGO_TEST_ARGS…

With --readme, the crate's docs (its README, written by `clientgen generate`)
hold exactly one example too.

Client methods are counted in the crate's sources (`fn name(&self) ->
operations::…`); doctests are listed with `cargo test --doc -- --list`.
Exits non-zero and says why on any difference.
"""
import os
import re
import subprocess
import sys

METHOD = re.compile(r"pub fn (r#)?(\w+)\(&self\) -> operations::")
DOCTEST = re.compile(r"^(?P<file>\S+) - (?:(?P<path>\S+) )?\(line \d+\): test$")
CLIENT = re.compile(r"(^|::)Client::")


def client_methods(crate_dir):
    found = []
    for dirpath, _, files in os.walk(os.path.join(crate_dir, "src")):
        for name in sorted(files):
            if name.endswith(".rs"):
                with open(os.path.join(dirpath, name), encoding="utf-8") as f:
                    found += [(os.path.join(dirpath, name), m.group(2)) for m in METHOD.finditer(f.read())]
    return found


def main():
    if "--" not in sys.argv[1:]:
        sys.exit(__doc__)
    split = sys.argv.index("--")
    options = sys.argv[1:split]
    readme = "--readme" in options
    crate_dir, cargo_args = [o for o in options if o != "--readme"][0], sys.argv[split + 1:]
    listed = subprocess.run(
        ["cargo", "test", *cargo_args, "--doc", "--", "--list"],
        check=True, capture_output=True, text=True,
    ).stdout
    doctests = [m for m in map(DOCTEST.match, listed.splitlines()) if m]
    crate_level = [m for m in doctests if m.group("path") is None]
    if readme and len(crate_level) == 1:
        doctests = [m for m in doctests if m.group("path") is not None]
    elif readme:
        print(f"{len(crate_level)} crate-level doctests, not the README's one example", file=sys.stderr)
        sys.exit(1)
    strays = [m.group(0) for m in doctests if not CLIENT.search(m.group("path") or "")]
    methods = client_methods(crate_dir)
    problems = []
    if strays:
        problems.append(f"{len(strays)} doctest(s) that are not client examples (spec text?):\n  " + "\n  ".join(strays[:20]))
    examples = {(m.group("file"), m.group("path").rsplit("::", 1)[-1].removeprefix("r#")) for m in doctests if CLIENT.search(m.group("path") or "")}
    missing = [(f, name) for f, name in methods if not any(n == name and f.endswith(ef) for ef, n in examples)]
    if missing:
        problems.append(f"{len(missing)} client method(s) without an example:\n  " + "\n  ".join(f"{f}: {n}" for f, n in missing[:20]))
    if len(doctests) - len(strays) != len(methods):
        problems.append(f"{len(doctests) - len(strays)} examples for {len(methods)} client methods")
    if problems:
        print("\n".join(problems), file=sys.stderr)
        sys.exit(1)
    also = " and the README's" if readme else ""
    print(f"{crate_dir}: {len(methods)} client methods, each with one compiled example{also}; no other doctest")


if __name__ == "__main__":
    main()
