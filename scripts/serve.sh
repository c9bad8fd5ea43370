#!/usr/bin/env bash
# Build the release bundle and serve it locally:  bash scripts/serve.sh   (PORT=9000 to change the port)
# Serves on 127.0.0.1 only, with Python's http.server (no compression, no CSP; the tests and the
# benchmark serve with nginx as docs/hosting.md describes). Stop with Ctrl-C.
# Installs only what building and serving need (scripts/setup-build.sh): no browser, no test
# tools, and no root unless python3 itself is missing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/setup-build.sh
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

echo "serve: trunk build --release"
trunk_release_build "$@"

port="${PORT:-8080}"
echo "serve: chitieu is at http://127.0.0.1:$port/   (Ctrl-C to stop)"
exec python3 -m http.server --bind 127.0.0.1 -d dist "$port"
