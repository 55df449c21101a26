#!/usr/bin/env bash
# Fuzzing with cargo-fuzz (nightly): the generator (structure-aware spec
# mutations), the response and error-body decoders, and the signer against an
# independent model. Crashes are saved under fuzz/artifacts/<target>/; turn
# each into a file under fuzz/regressions/<target>/, which every run replays.
#
#   bash scripts/fuzz.sh            # brief run of every target (CI)
#   bash scripts/fuzz.sh 10000000   # 10 million executions per target
#   bash scripts/fuzz.sh 10000000 generate
#   FUZZ_JOBS=2 bash scripts/fuzz.sh 10000000 generate   # split over 2 processes
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(generate decode sign)

if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --version 0.13.2 --locked
fi
jobs=${FUZZ_JOBS:-1}
if ! [[ "$jobs" =~ ^[1-9][0-9]*$ ]]; then
  echo "FUZZ_JOBS must be a positive number, not '$jobs'" >&2
  exit 2
fi
pids=()
# A failing job must not leave the others running.
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
cd fuzz

for target in "${targets[@]}"; do
  # No sanitizer: the code under test forbids unsafe, and speed buys
  # executions. The generator target also goes without comparison tracing
  # (2.2x as fast): its structure-aware inputs take keys and values from
  # lists, not from compares; the byte-level targets keep it.
  if [ "$target" = generate ]; then
    flags=(-O -a -s none --no-trace-compares --target-dir ../target/fuzz-generate)
  else
    flags=(-O -a -s none --target-dir ../target/fuzz)
  fi
  cargo +nightly fuzz build "${flags[@]}" "$target"
  corpus=../target/fuzz-corpus/$target
  mkdir -p "$corpus" "regressions/$target" "seeds/$target"
  # Every past crash first: a fixed one must stay fixed.
  mapfile -t replays < <(find "regressions/$target" -type f ! -name .keep | sort)
  if [ ${#replays[@]} -gt 0 ]; then
    cargo +nightly fuzz run "${flags[@]}" "$target" "${replays[@]}"
  fi
  case "$target:$runs" in
    generate:) n=2000 ;;
    *:) n=100000 ;;
    *) n=$runs ;;
  esac
  echo "== $target: $n executions"
  # Each process runs its share on the shared corpus, logging on its own.
  pids=()
  for ((job = 1; job <= jobs; job++)); do
    cargo +nightly fuzz run "${flags[@]}" "$target" "$corpus" "seeds/$target" -- \
      -runs=$(((n + jobs - 1) / jobs)) -print_final_stats=1 \
      >"../target/fuzz-$target-$job.log" 2>&1 &
    pids+=($!)
  done
  for ((job = 1; job <= jobs; job++)); do
    log=../target/fuzz-$target-$job.log
    status=0
    wait "${pids[job - 1]}" || status=$?
    grep -E '^(Done|stat::number_of_executed_units|stat::average_exec_per_sec)' "$log" || true
    if [ "$status" -ne 0 ]; then
      tail -n 60 "$log" >&2
      exit "$status"
    fi
  done
done
