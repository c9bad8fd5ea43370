#!/usr/bin/env bash
# Every test layer of chitieu, in order, stopping at the first failure:
#
#   1 fmt           cargo fmt --all --check
#   2 clippy        cargo clippy --workspace --all-targets -- -D warnings            (native)
#   3 clippy-wasm   cargo clippy --workspace --all-targets --target wasm32-unknown-unknown -- -D warnings
#   4 test          cargo test --workspace                                             (native)
#   5 test-browser  cargo test --target wasm32-unknown-unknown --test browser           (headless Chromium)
#   6 e2e-selftest  the e2e harness fails on broken pages (negative controls)
#   7 build         trunk build --release                                              (dist/)
#   8 size-budget   tests/size-budget.mjs: brotli bytes before the first chart <= 30,000 (every
#                   pre-rendered page), first-view wasm <= 150,000, whole first load <= 180,000
#   9 e2e           tests/e2e/*.test.mjs in Chromium, against dist/ served by nginx on 127.0.0.1
#                   (docs/hosting/nginx.conf: precompressed files, cache headers, strict CSP)
#  10 e2e-firefox   the test files that export engines: [..., 'firefox'] (smoke, interaction,
#                   stability) again in Firefox ESR, through WebDriver BiDi (puppeteer-core)
#
# The last line is "N passed, M failed": every test counted by a test layer, plus 1 for
# each check layer (fmt, clippy, build). Exit status is non-zero if anything failed.
#
#   bash scripts/test.sh
# shellcheck disable=SC2317  # functions below are called through run_layer
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1

LOG_DIR="target/test-logs"
mkdir -p "$LOG_DIR"

passed=0
failed=0
summary=()
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

finish() {
  local status=$1
  echo
  echo "==================== chitieu test summary ===================="
  printf '%s\n' "${summary[@]}"
  echo "=============================================================="
  echo "${passed} passed, ${failed} failed"
  exit "$status"
}

trap 'echo "interrupted"; failed=$((failed + 1)); finish 130' INT TERM

# Sum "N passed" / "N failed" over cargo-test-style result lines
#   test result: ok. 3 passed; 0 failed; ...
# and over our node runners' closing line
#   e2e: 3 passed, 0 failed
count_in_log() { # $1 = log, $2 = passed|failed
  grep -aoE "(test result: [a-zA-Z]+\. [0-9]+ passed; [0-9]+ failed|^[a-z0-9-]+: [0-9]+ passed, [0-9]+ failed)" "$1" |
    sed -E 's/^test result: [a-zA-Z]+\. //; s/^[a-z0-9-]+: //; s/[;,]//g' |
    awk -v want="$2" '{ p += $1; f += $3 } END { print (want == "passed" ? p + 0 : f + 0) }'
}

# run_layer NAME KIND CMD...   KIND: check (counts 1) | tests (counts the tests it reports)
run_layer() {
  local name=$1 kind=$2
  shift 2
  local log="$LOG_DIR/$name.log" t0 status secs np nf
  echo
  echo "---------- [$name] $* ----------"
  t0=$(now)
  "$@" 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  secs=$(elapsed "$t0")
  if [ "$kind" = tests ]; then
    np=$(count_in_log "$log" passed)
    nf=$(count_in_log "$log" failed)
  else
    np=1
    nf=0
  fi
  if [ "$status" -eq 0 ] && [ "$nf" -eq 0 ]; then
    passed=$((passed + np))
    summary+=("$(printf 'PASS  %-13s %6ss  %s' "$name" "$secs" "$([ "$kind" = tests ] && echo "$np passed" || echo ok)")")
    return 0
  fi
  [ "$kind" = tests ] || np=0
  [ "$nf" -gt 0 ] || nf=1
  passed=$((passed + np))
  failed=$((failed + nf))
  summary+=("$(printf 'FAIL  %-13s %6ss  exit %s, %s failed (log: %s)' "$name" "$secs" "$status" "$nf" "$log")")
  finish 1
}

# ---- tools ----
t0=$(now)
if ! bash scripts/setup.sh; then
  failed=$((failed + 1))
  summary+=("FAIL  setup         $(elapsed "$t0")s  scripts/setup.sh failed")
  finish 1
fi
summary+=("$(printf 'ok    %-13s %6ss' setup "$(elapsed "$t0")")")

# shellcheck source=scripts/lib.sh
source scripts/lib.sh
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

browser_test() {
  if [ ! -f tests/browser.rs ]; then
    echo "tests/browser.rs is missing: the wasm-bindgen-test browser suite must exist" >&2
    return 1
  fi
  # wasm-bindgen-test-runner (the cargo runner for wasm32, .cargo/config.toml) drives
  # chromedriver; webdriver.json adds the Chromium binary and flags.
  CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}" \
    cargo test --target wasm32-unknown-unknown --test browser
}

e2e() { # $1 = chromium | firefox
  # Runs in run_layer's pipeline subshell: the server is stopped by this subshell's own traps.
  trap stop_dist_server EXIT
  trap 'exit 130' INT TERM
  start_dist_server 0 || return 1
  echo "e2e: serving dist/ with nginx at $SERVER_URL (pid $SERVER_PID)"
  ENGINE="$1" node tests/e2e/run.mjs "$SERVER_URL"
}

run_layer fmt check cargo fmt --all --check
run_layer clippy check cargo clippy --workspace --all-targets -- -D warnings
run_layer clippy-wasm check cargo clippy --workspace --all-targets --target wasm32-unknown-unknown -- -D warnings
run_layer test tests cargo test --workspace
run_layer test-browser tests browser_test
run_layer e2e-selftest tests node tests/e2e/selftest.mjs
run_layer build check trunk_release_build
run_layer size-budget tests node tests/size-budget.mjs dist
run_layer e2e tests e2e chromium
run_layer e2e-firefox tests e2e firefox

finish 0
