#!/usr/bin/env bash
# The fuzzing campaign of the plan parser and of the binary plan decoder (cargo-fuzz, libFuzzer).
# Separate from the test suite and from CI: it runs for minutes per target.
#
#   bash scripts/fuzz.sh              # 600 s per target (the campaign written in docs/testing.md)
#   bash scripts/fuzz.sh 60           # a quicker pass
#
# Seeds: every plan file in tests/fixtures/ (valid, bad and hostile) for the parser, and the
# Can Tho plan's binary form (written by build.rs) for the decoder. A crash stops the run and
# leaves its input in fuzz/artifacts/<target>/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
seconds=${1:-600}

if ! command -v cargo-fuzz >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi
# cargo-fuzz passes nightly-only flags (-Zsanitizer=address); RUSTC_BOOTSTRAP lets the stable
# compiler accept them for this build only.
export RUSTC_BOOTSTRAP=1

# Honours CARGO_TARGET_DIR; the fuzz build (its own flags) gets a directory of its own.
target_dir=${CARGO_TARGET_DIR:-target}
corpus=$target_dir/fuzz-corpus
mkdir -p "$corpus/parse" "$corpus/decode"
cp tests/fixtures/plans/*.toml tests/fixtures/bad/*.toml tests/fixtures/hostile/*.toml data/can-tho.toml "$corpus/parse/"
cargo build --quiet --bin chitieu
plan_bin=$(ls -t "$target_dir"/debug/build/chitieu-*/out/plan.bin | head -n 1)
cp "$plan_bin" "$corpus/decode/can-tho.bin"

for target in parse decode; do
  echo "---------- fuzz $target for ${seconds}s ----------"
  cargo fuzz build --fuzz-dir fuzz --target-dir "$target_dir/fuzz" "$target"
  started=$(date -u +%s)
  cargo fuzz run --fuzz-dir fuzz --target-dir "$target_dir/fuzz" "$target" "$corpus/$target" -- \
    -max_total_time="$seconds" -print_final_stats=1 -rss_limit_mb=2048
  echo "---------- fuzz $target: $(($(date -u +%s) - started)) s wall clock, corpus $(ls "$corpus/$target" | wc -l) files ----------"
done
