#!/usr/bin/env bash
# Mutation testing of the status arithmetic and the validator (cargo-mutants): every mutant of
# core/src/status/ and core/src/plan/lower/ must make some test fail. Not in CI: it builds and
# tests the core once per mutant (about 1,400 of them; hours on two cores). The score of the
# last full run is written in docs/testing.md.
#
#   bash scripts/mutants.sh                       # both directories
#   bash scripts/mutants.sh -f core/src/status/goal.rs   # one file (any cargo-mutants option)
#   bash scripts/mutants.sh --iterate             # only what the last run did not catch
#
# The tests run are the core's, less the three that measure time (they check the complexity of
# the parser and the status, not their results, and would only make every mutant slower) and the
# proptest suites of tests/fuzz.rs (hostile input for the parser; run by the test suite). Results
# go to target/mutants/mutants.out/ (caught.txt, missed.txt, timeout.txt, unviable.txt).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if ! command -v cargo-mutants >/dev/null 2>&1; then
  cargo install cargo-mutants --locked
fi
files=(-f 'core/src/status/*.rs' -f 'core/src/plan/lower/*.rs')
for arg in "$@"; do
  if [ "$arg" = -f ] || [ "$arg" = --file ]; then files=(); fi
done
# No debug information: each mutant is a rebuild, and linking the test binaries without it is
# what makes a pass take hours instead of a day.
export CARGO_PROFILE_DEV_DEBUG=0 CARGO_PROFILE_TEST_DEBUG=0
cargo mutants -p chitieu-core --test-package chitieu-core "${files[@]}" \
  --output target/mutants --jobs "${MUTANTS_JOBS:-1}" --timeout-multiplier 3 \
  --cargo-test-arg=--lib --cargo-test-arg=--test=status --cargo-test-arg=--test=validation \
  --cargo-test-arg=--test=docs --cargo-test-arg=--test=codec --cargo-test-arg=--test=tidy \
  "$@" -- -- \
  --skip time_grows_linearly --skip status_time_grows --skip a_hundred_thousand_keys
