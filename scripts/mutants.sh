#!/usr/bin/env bash
# Mutation testing of the status arithmetic and the validator (cargo-mutants): every mutant of
# core/src/status/ and core/src/plan/lower/ must make some test fail. Not in CI: it builds and
# tests the core once per mutant (about 1,500 of them; hours on two cores). The score of the
# last run, and how it was cut to fit its time, is written in docs/testing.md.
#
#   bash scripts/mutants.sh                       # both directories
#   bash scripts/mutants.sh -f core/src/status/goal.rs   # one file (any cargo-mutants option)
#   bash scripts/mutants.sh --iterate             # only what the last run did not catch
#
# The tests run are the core's, less the three that measure time (they check the complexity of
# the parser and the status, not their results, and would only make every mutant slower) and the
# proptest suites of tests/fuzz.rs (hostile input for the parser; run by the test suite), and the
# chart, views and sources tests (drawing and wording, slow to build, outside both directories).
# The test targets are cargo arguments, not only test arguments, so that each mutant also builds
# no more than it runs. Results go to target/mutants/mutants.out/ (caught.txt, missed.txt,
# timeout.txt, unviable.txt). MUTANTS_JOBS=2 runs two mutants at a time.
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
  --output "${MUTANTS_OUT:-target/mutants}" --jobs "${MUTANTS_JOBS:-1}" --timeout-multiplier 3 \
  --cargo-arg=--lib --cargo-arg=--test=status --cargo-arg=--test=validation \
  --cargo-arg=--test=docs --cargo-arg=--test=codec --cargo-arg=--test=tidy \
  --cargo-arg=--test=derived --cargo-arg=--test=history --cargo-arg=--test=verdict \
  "$@" -- -- \
  --skip time_grows_linearly --skip status_time_grows --skip a_hundred_thousand_keys
