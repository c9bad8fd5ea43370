#!/usr/bin/env bash
# Installs what building and serving chitieu need, from the package registries only (crates.io,
# npm, Debian, and rustup's own dist server for the pinned toolchain). No browser, no test tools:
# those are scripts/setup.sh's (the test command's). Idempotent: when everything is present at
# the right version it only checks versions and finishes in about a second.
#
#   bash scripts/setup-build.sh        (scripts/serve.sh runs it)
#
# What it ensures:
#   the Rust toolchain in rust-toolchain.toml (1.95.0) with the wasm32-unknown-unknown target
#                           and rust-src (the release wasm rebuilds the standard library for size)
#   python3                 (Trunk's post-build hooks, and the local server of scripts/serve.sh);
#                           apt-get only if it is missing: the one case where this needs root
#   the crates in Cargo.lock in the cargo cache (cargo fetch), because builds run offline
#   trunk                == TRUNK_VERSION (cargo install --locked)
#   wasm-bindgen-cli     == the `wasm-bindgen` version in Cargo.lock (cargo install, NOT --locked:
#                           the registry mirror lacks a crate version its lockfile wants)
#   node_modules         the package.json "dependencies" at their package-lock.json versions
#                           (npm ci --omit=dev): binaryen 132, for wasm-opt
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=scripts/setup-common.sh
source scripts/setup-common.sh

TRUNK_VERSION=0.21.14
NODE_MIN_MAJOR=20

# ---- Rust toolchain (rust-toolchain.toml) ----------------------------------------------
command -v rustup >/dev/null || die "rustup not found (install Rust with rustup first)"
toolchain="$(sed -n 's/^channel *= *"\(.*\)"/\1/p' rust-toolchain.toml)"
[ -n "$toolchain" ] || die "rust-toolchain.toml names no channel"
# Every cargo/rustc call in this directory goes to the pinned toolchain, so it must exist first.
# rustup installs it with the targets and components the file lists; where rustup cannot reach
# its dist server but the default toolchain is that very release, that one is used under the
# pinned name (a link, as `rustup toolchain link` would make if it accepted release names).
if ! rustup run "$toolchain" rustc --version >/dev/null 2>&1; then
  say "rustup toolchain install $toolchain (rust-toolchain.toml)"
  rustup toolchain install --no-self-update || true
  if ! rustup run "$toolchain" rustc --version >/dev/null 2>&1; then
    stable_sysroot="$(cd / && rustup run stable rustc --print sysroot 2>/dev/null || true)"
    if [ -n "$stable_sysroot" ] && [ "$(cd / && rustup run stable rustc --version | awk '{print $2}')" = "$toolchain" ]; then
      host="$(cd / && rustup run stable rustc -vV | sed -n 's/^host: //p')"
      say "rustup could not download $toolchain; the installed stable is $toolchain: linking it under that name"
      ln -s "$stable_sysroot" "${RUSTUP_HOME:-$HOME/.rustup}/toolchains/$toolchain-$host"
    else
      die "the Rust toolchain $toolchain (rust-toolchain.toml) is not installed and rustup could not install it"
    fi
  fi
fi
command -v cargo >/dev/null || die "cargo not found on PATH"
sysroot="$(rustc --print sysroot)"
if [ ! -d "$sysroot/lib/rustlib/wasm32-unknown-unknown/lib" ]; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
# Not fatal: without it the release is built with the plain standard library (scripts/lib.sh).
if ! rustup component list --installed | grep -q "^rust-src"; then
  say "rustup component add rust-src"
  rustup component add rust-src || say "WARNING: rust-src could not be installed; the release wasm will use the plain standard library"
fi
say "$(rustc --version) (rust-toolchain.toml), wasm32 target ok"

# ---- python3 ---------------------------------------------------------------------------
command -v python3 >/dev/null || apt_ensure python3
say "$(python3 --version)"

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

# ---- Node packages for the build -------------------------------------------------------
command -v node >/dev/null || die "node not found (need Node.js >= $NODE_MIN_MAJOR with npm)"
command -v npm >/dev/null || die "npm not found"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge "$NODE_MIN_MAJOR" ] || die "Node.js $(node --version) is too old, need >= $NODE_MIN_MAJOR"
if ! node_modules_ok build; then
  say "npm ci --omit=dev (the build's packages only)"
  npm ci --omit=dev --no-audit --no-fund --loglevel=error
  node_modules_ok build || die "node_modules does not match package-lock.json after npm ci --omit=dev"
fi
say "node $(node --version), build packages ok ($(node_modules_list build))"

say "build tools present"
