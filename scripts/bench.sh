#!/usr/bin/env bash
# Benchmark: builds the release, serves it with two peer pages (Chart.js and Apache ECharts from
# npm, drawing the same indicator and target band) with nginx and the hosting configuration of
# docs/hosting/nginx.conf (precompressed brotli/gzip, cache headers, strict CSP) on 127.0.0.1, and
# measures them in the same run in headless Chromium, unthrottled, with 4x CPU throttling and on
# two emulated networks (bench/bench.mjs). Writes the table into bench/results.md.
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
cp bench/peers/*.html bench/peers/*.js bench/peers/*.css bench/peers/*.svg "$site/peers/"
cp node_modules/chart.js/dist/chart.umd.min.js node_modules/echarts/dist/echarts.common.min.js "$site/peers/vendor/"
# The peers get precompressed files too, as a host serving them would (dist/ has its own).
node scripts/precompress.mjs "$site/peers" >/dev/null

# Two nginx servers on the same directory: chitieu with the hosting configuration as it is, and
# the peer pages with the same configuration less the CSP header (ECharts sets inline styles for
# its tooltip, which the strict policy forbids; chitieu is built for that policy, the peers not).
peers_conf="target/bench-peers-nginx.conf"
grep -v 'Content-Security-Policy' docs/hosting/nginx.conf >"$peers_conf"
site_pid="" site_dir=""
stop_servers() {
  stop_dist_server
  SERVER_PID="$site_pid" SERVER_DIR="$site_dir"
  stop_dist_server
}
trap stop_servers EXIT
trap 'exit 130' INT TERM
start_dist_server 0 "$site"
site_pid="$SERVER_PID" site_dir="$SERVER_DIR" site_url="$SERVER_URL"
start_dist_server 0 "$site" "$peers_conf"
echo "bench: nginx serving $site at $site_url (chitieu) and $SERVER_URL (peers, no CSP)"
node bench/bench.mjs "$site_url" "$site" "$SERVER_URL"
