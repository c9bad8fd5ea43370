# Shared by scripts/serve.sh and scripts/test.sh (sourced, not run).
# shellcheck shell=bash disable=SC2034  # SERVER_PID and SERVER_URL are for the caller

# Tools: cargo-installed trunk / wasm-bindgen first, and npm's wasm-opt 132 before any other
# wasm-opt (Debian's binaryen 108 cannot read wasm-bindgen 0.2.130 output; Trunk.toml pins
# wasm_opt = "version_132", so a wrong one fails with a clear message instead).
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# The release bundle in dist/. Offline: Trunk never tries to download a tool (a version
# mismatch is an immediate error), skips its update check, and passes --offline to cargo;
# scripts/setup.sh has already run `cargo fetch`. Then FILE.br and FILE.gz beside each asset
# (scripts/precompress.mjs) for static hosts that serve precompressed files.
#
# The release wasm is built with the standard library compiled for size (bench/results.md): std
# rebuilt from the toolchain's own rust-src with `optimize_for_size`, panics that trap without
# formatting a message (`-Cpanic=immediate-abort`, no file/line strings). These are unstable
# flags of the same stable compiler, switched on for this one command by RUSTC_BOOTSTRAP; the
# native build, the tests and clippy use plain stable. CHITIEU_PLAIN_STD=1 builds without them
# (same behaviour, about 20 KB of brotli more).
# Without rust-src (say a machine where rustup cannot download it) the release falls back to the
# plain standard library, says so, and the size budget applies its plain-std ceiling
# (tests/size-budget.mjs).
if [ "${CHITIEU_PLAIN_STD:-0}" != 1 ] && ! [ -d "$(rustc --print sysroot 2>/dev/null)/lib/rustlib/src/rust/library/std" ]; then
  echo "lib.sh: WARNING: rust-src is not installed; the release wasm is built with the plain standard library (CHITIEU_PLAIN_STD=1), about 20 KB brotli larger" >&2
  export CHITIEU_PLAIN_STD=1
fi

release_env() {
  if [ "${CHITIEU_PLAIN_STD:-0}" = 1 ]; then
    "$@"
  else
    RUSTC_BOOTSTRAP=1 \
      CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
      CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size \
      RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none" \
      "$@"
  fi
}

trunk_release_build() {
  release_env trunk build --release --offline=true "$@" && node scripts/precompress.mjs dist
}

# Start `python3 -m http.server` on 127.0.0.1 serving dist/ (or the directory given second) and
# wait until it is listening.
# Port 0 lets the OS pick a free port; the chosen one is read back from the server's log.
# Sets SERVER_PID and SERVER_URL. Serve with -d (not cd dist): trunk replaces dist/ on build.
start_dist_server() {
  local port="${1:-0}" dir="${2:-dist}" log
  log="$(mktemp -t chitieu-http.XXXXXX)"
  python3 -u -m http.server --bind 127.0.0.1 -d "$dir" "$port" >"$log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 100); do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      cat "$log" >&2
      echo "http server exited" >&2
      return 1
    fi
    port="$(sed -n 's/.* port \([0-9][0-9]*\) .*/\1/p' "$log" | head -n1)"
    if [ -n "$port" ]; then
      SERVER_URL="http://127.0.0.1:$port/"
      return 0
    fi
    sleep 0.05
  done
  echo "http server did not report its port" >&2
  return 1
}

stop_dist_server() {
  if [ -n "${SERVER_PID:-}" ]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
  fi
}
