#!/usr/bin/env bash
# Installs everything chitieu needs to build and test, from the package registries only
# (crates.io, npm, Debian). Idempotent: when everything is present at the right version it
# only checks versions and finishes in about a second.
#
#   bash scripts/setup.sh
#
# What it ensures:
#   rustup target wasm32-unknown-unknown, components rustfmt + clippy + rust-src
#   trunk                == TRUNK_VERSION (cargo install --locked)
#   wasm-bindgen-cli     == the `wasm-bindgen` version in Cargo.lock (cargo install, NOT --locked:
#                           the registry mirror lacks a crate version its lockfile wants)
#   node_modules         == package-lock.json (npm ci): binaryen 132 (wasm-opt), playwright-core, axe-core
#   chromium, chromium-driver, python3 (apt-get; `apt-get update` only when an install needs it)
#   the crates in Cargo.lock are in the cargo cache (cargo fetch), because builds run offline
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

TRUNK_VERSION=0.21.14
NODE_MIN_MAJOR=20

export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export DEBIAN_FRONTEND=noninteractive
# playwright-core never downloads a browser on install, but make sure no tool tries.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: ERROR: %s\n' "$*" >&2; exit 1; }

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || die "not root and no sudo: cannot apt-get install"
  SUDO=(sudo)
fi

# ---- Debian packages -------------------------------------------------------------------
apt_missing() {
  local p missing=()
  for p in "$@"; do
    if [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" != "install ok installed" ]; then
      missing+=("$p")
    fi
  done
  printf '%s\n' "${missing[@]}"
}

apt_ensure() {
  local missing
  mapfile -t missing < <(apt_missing "$@" | sed '/^$/d')
  [ "${#missing[@]}" -eq 0 ] && return 0
  say "apt-get install ${missing[*]}"
  # Try with the current package lists first; refresh them only if that fails
  # (no lists yet on a fresh machine, or stale lists pointing at removed versions).
  if ! "${SUDO[@]}" apt-get install -y -q "${missing[@]}"; then
    say "apt-get update (package lists missing or stale)"
    "${SUDO[@]}" apt-get update -q
    "${SUDO[@]}" apt-get install -y -q "${missing[@]}"
  fi
}

apt_ensure chromium chromium-driver python3 ca-certificates
say "chromium $(dpkg-query -W -f='${Version}' chromium), chromium-driver $(dpkg-query -W -f='${Version}' chromium-driver)"

# ---- Rust toolchain --------------------------------------------------------------------
command -v rustup >/dev/null || die "rustup not found (install Rust with rustup first)"
command -v cargo >/dev/null || die "cargo not found on PATH"

sysroot="$(rustc --print sysroot)"
if [ ! -d "$sysroot/lib/rustlib/wasm32-unknown-unknown/lib" ]; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
installed_components="$(rustup component list --installed)"
# rust-src: the release wasm rebuilds the standard library for size (scripts/lib.sh release_env).
for c in rustfmt clippy; do
  if ! grep -q "^$c" <<<"$installed_components"; then
    say "rustup component add $c"
    rustup component add "$c"
  fi
done
# Not fatal: without it the release is built with the plain standard library (scripts/lib.sh).
if ! grep -q "^rust-src" <<<"$installed_components"; then
  say "rustup component add rust-src"
  rustup component add rust-src || say "WARNING: rust-src could not be installed; the release wasm will use the plain standard library"
fi
say "$(rustc --version), targets ok, rustfmt + clippy + rust-src ok"

# ---- Cargo.lock and the crate cache ----------------------------------------------------
if [ ! -f Cargo.lock ]; then
  say "no Cargo.lock: generating it"
  cargo generate-lockfile
fi
# Trunk runs offline (see scripts/lib.sh), which makes cargo --offline: the crates must be cached.
cargo fetch --quiet
# ... and so must the standard library's own dependencies, which the size-optimised release
# build compiles from rust-src (scripts/lib.sh release_env).
if [ -d "$sysroot/lib/rustlib/src/rust/library/std" ]; then
  RUSTC_BOOTSTRAP=1 cargo fetch --quiet -Zbuild-std=std,panic_abort --target wasm32-unknown-unknown
fi

# ---- trunk -----------------------------------------------------------------------------
have_trunk="$(trunk --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$have_trunk" != "$TRUNK_VERSION" ]; then
  say "cargo install --locked trunk --version $TRUNK_VERSION (found: ${have_trunk:-none}; takes ~5 min)"
  cargo install --locked --force trunk --version "$TRUNK_VERSION"
fi
say "trunk $TRUNK_VERSION ok"

# ---- wasm-bindgen-cli == wasm-bindgen in Cargo.lock ------------------------------------
wb_version="$(awk '
  /^\[\[package\]\]/ { name = "" }
  /^name = "wasm-bindgen"$/ { name = "wasm-bindgen"; next }
  name == "wasm-bindgen" && /^version = / { gsub(/"/, "", $3); print $3; exit }
' Cargo.lock)"
[ -n "$wb_version" ] || die "no wasm-bindgen package in Cargo.lock"
have_wb="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
have_wbr="$(wasm-bindgen-test-runner --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$have_wb" != "$wb_version" ] || [ "$have_wbr" != "$wb_version" ]; then
  say "cargo install wasm-bindgen-cli --version $wb_version (found: ${have_wb:-none}; takes ~2 min)"
  # Deliberately without --locked: wasm-bindgen-cli's lockfile pins a crate version that the
  # registry mirror here does not serve, so a --locked install fails to resolve.
  cargo install --force wasm-bindgen-cli --version "$wb_version"
fi
say "wasm-bindgen-cli $wb_version ok (== Cargo.lock)"

# ---- Node packages ---------------------------------------------------------------------
command -v node >/dev/null || die "node not found (need Node.js >= $NODE_MIN_MAJOR with npm)"
command -v npm >/dev/null || die "npm not found"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge "$NODE_MIN_MAJOR" ] || die "Node.js $(node --version) is too old, need >= $NODE_MIN_MAJOR"

# Every package in package-lock.json must be installed at exactly its locked version.
node_modules_ok() {
  node -e '
    const fs = require("fs");
    const lock = JSON.parse(fs.readFileSync("package-lock.json", "utf8"));
    for (const [p, meta] of Object.entries(lock.packages || {})) {
      if (!p) continue;
      let v;
      try { v = JSON.parse(fs.readFileSync(p + "/package.json", "utf8")).version; } catch { process.exit(1); }
      if (v !== meta.version) process.exit(1);
    }
  ' 2>/dev/null
}
if ! node_modules_ok; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  node_modules_ok || die "node_modules does not match package-lock.json after npm ci"
fi
say "node $(node --version), node_modules ok ($(node -p 'Object.keys(require("./package-lock.json").packages).filter(Boolean).map(p => p.replace("node_modules/", "") + "@" + require("./package-lock.json").packages[p].version).join(", ")'))"

say "all tools present"
