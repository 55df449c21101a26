#!/usr/bin/env bash
# The test command (README): every Rust test, then the differential test
# against the official Huawei Cloud Python SDK, installed into a venv here.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo test --workspace --locked
# The fake HSS service and its tests need the feature the workspace leaves off.
cargo test --locked -p huaweicloud-hss --features test-util

# FastAPI round trip: every operation of the 51 apps of tests/fastapi, generated
# from the OpenAPI 3.1 FastAPI writes, against the apps served by uvicorn on
# 127.0.0.1 (FastAPI and uvicorn pinned in tests/fastapi/requirements.txt).
python3 scripts/fastapi_specs.py venv
cargo test --locked -p fastapi-clients --test round_trip -- --ignored

# No spec text may become a doctest: the crate of every snapshot, hostile
# fixture included, has exactly the generated examples, one per client
# method, and each compiles (`cargo test --doc` builds them all).
# A failing cargo stops the script here, rather than count as no doctests.
cargo test --locked -q -p snapshots --doc
python3 scripts/doctests.py tests/snapshots -- --locked -q -p snapshots

venv=target/sdk-venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check -r tests/differential/requirements.txt
cargo build --locked --quiet -p integration --bin hss-diff-driver
# --cases is per operation: 240 of each of the 5 task operations, 1200 in all.
"$venv/bin/python" tests/differential/differential.py \
  --driver target/debug/hss-diff-driver --cases 240 --seed 20261128

# Real-world specs: every spec in tests/corpus/fixed.txt must generate and
# pass `cargo check` with -D warnings (needs node/npm for the corpus install).
python3 scripts/corpus.py fixed

# Proven on the wire: every operation of the specs in tests/prism/fast.txt,
# called with its doc example, against Prism validating requests on 127.0.0.1
# (`scripts/prism.py fixed` runs the whole fixed corpus; README "Proven on the wire").
python3 scripts/prism.py fast

# Hostile specs: spec text in every place it reaches the output, trying to
# run as a doctest or break the build; all must generate (or be refused with
# a located error), compile with -D warnings, and yield no doctest.
python3 scripts/hostile_corpus.py
