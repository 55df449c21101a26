#!/usr/bin/env python3
"""Witnesses for the disagreements of scripts/semver_agreement.py: a few lines
of downstream code per pair, `cargo check`ed against the pair's old and new
crates (target/semver/<pair>/{old,new}, left by an agreement run).

  python3 scripts/semver_witness.py            # every witness
  python3 scripts/semver_witness.py PAIR...    # some

"old compiles, new fails" shows a change breaks callers at compile time even
where cargo-semver-checks saw nothing; "both compile" shows a change it is
right not to flag at compile time (what breaks then is behaviour, e.g. a
request the new client refuses: see tests/semver/RESULTS.md). Each check
shares target/semver/target with the agreement run, so it is quick.
"""
import os
import shutil
import sys

import semver_tools as tools
from semver_tools import CRATES_TARGET, ROOT, WORK

WITNESSES = {
    "nullable-added": "pub fn f(r: &subject::types::Record) -> usize { r.id.len() }\n"
                      "pub fn g() -> subject::types::Record { subject::types::Record::new(\"x\", None) }",
    "change-property-type": "pub fn f(r: subject::types::Record) -> subject::types::Record { r.with_count(3) }",
    "widen-integer-format": "pub fn f(s: &subject::types::Sample) -> Option<i32> { s.small }",
    "change-additional-properties":
        "pub fn f(o: &subject::types::Open) -> Option<&String> { o.additional_properties.get(\"k\") }",
    "change-param-type": "pub fn f(c: &subject::Client) { let _ = c.get_file().name(\"a\"); }",
    "widen-param-type":
        "pub fn f(c: &subject::Client) { let _ = c.get_file().limit(std::num::NonZeroI32::new(5).unwrap()); }",
    "change-response-schema":
        "pub async fn f(c: &subject::Client)\n"
        "    -> Result<subject::Response<subject::types::Self_>, subject::Error> {\n"
        "    c.r#match().r#type(\"t\").send().await\n}",
    "readme-petstore": "pub fn f(c: &subject::Client) { let _ = c.upload_file().pet_id(1).body(vec![1u8]); }",
    "add-required-query-param":
        "pub fn f(c: &subject::Client) { let _ = c.get_file().user_id(1).name(\"n\").x_trace_id(\"t\").prepare(); }",
    "hss-add-region": "pub fn f() -> isize { subject::Region::EuWest101 as isize }",
}
CHECK_TIMEOUT = 900


def crate_name(crate_dir):
    with open(os.path.join(crate_dir, "Cargo.toml"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("name = "):
                return line.split('"')[1]
    raise ValueError(f"no package name in {crate_dir}/Cargo.toml")


def check(pair, side, snippet):
    """`cargo check` of a crate holding `snippet`, depending on the pair's `side` crate."""
    subject = os.path.join(WORK, pair, side)
    user = os.path.join(WORK, "witness", f"{pair}-{side}")
    shutil.rmtree(user, ignore_errors=True)
    os.makedirs(os.path.join(user, "src"))
    with open(os.path.join(user, "Cargo.toml"), "w", encoding="utf-8") as f:
        f.write(f'[package]\nname = "witness-{pair}-{side}"\nversion = "0.0.0"\nedition = "2021"\n\n'
                f'[dependencies]\nsubject = {{ package = "{crate_name(subject)}", path = "{subject}" }}\n\n'
                "[workspace]\n")
    with open(os.path.join(user, "src", "lib.rs"), "w", encoding="utf-8") as f:
        f.write(snippet + "\n")
    shutil.copy(os.path.join(ROOT, "Cargo.lock"), os.path.join(user, "Cargo.lock"))
    env = dict(os.environ, CARGO_TARGET_DIR=CRATES_TARGET, CARGO_TERM_COLOR="never")
    step = tools.run(["cargo", "check", "--quiet", "--manifest-path", os.path.join(user, "Cargo.toml")],
                     timeout=CHECK_TIMEOUT, env=env)
    if step.returncode == 0:
        return "compiles"
    first = next((line for line in step.stderr.splitlines() if line.startswith("error")), "?")
    return "fails: " + first


def main():
    pairs = sys.argv[1:] or list(WITNESSES)
    unknown = [p for p in pairs if p not in WITNESSES]
    if unknown:
        sys.exit("no witness for: " + ", ".join(unknown))
    missing = [p for p in pairs if not os.path.isdir(os.path.join(WORK, p, "new"))]
    if missing:
        sys.exit("run scripts/semver_agreement.py first (no crates for: " + ", ".join(missing) + ")")
    print("| pair | old crate | new crate |\n|---|---|---|")
    for pair in pairs:
        old, new = (check(pair, side, WITNESSES[pair]) for side in ("old", "new"))
        print(f"| {pair} | {old} | {new} |", flush=True)


if __name__ == "__main__":
    main()
