#!/usr/bin/env bash
# Benchmark: builds the release, serves it with two peer pages (Chart.js and Apache ECharts from
# npm, drawing the same indicator and target band) on 127.0.0.1, and measures all three in the
# same run in headless Chromium (bench/bench.mjs). Writes the table into bench/results.md.
#
#   bash scripts/bench.sh                 (BENCH_RUNS=15 by default; more is fine, fewer is not)
#
# Separate from scripts/test.sh: it asserts nothing about timing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/setup.sh
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

echo "bench: trunk build --release"
# shellcheck disable=SC2119  # no extra trunk flags here
trunk_release_build

# One served directory: the release build at /, the peer pages at /peers/, their libraries
# copied from node_modules (package-lock.json pins them) into /peers/vendor/. Never a CDN.
site="target/bench-site"
rm -rf "$site"
mkdir -p "$site/peers/vendor"
cp -R dist/. "$site/"
cp bench/peers/*.html bench/peers/*.js bench/peers/*.css "$site/peers/"
cp node_modules/chart.js/dist/chart.umd.min.js node_modules/echarts/dist/echarts.common.min.js "$site/peers/vendor/"

trap stop_dist_server EXIT
trap 'exit 130' INT TERM
start_dist_server 0 "$site"
echo "bench: serving $site at $SERVER_URL (pid $SERVER_PID)"
node bench/bench.mjs "$SERVER_URL" "$site"
