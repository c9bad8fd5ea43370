# Shared by scripts/setup-build.sh and scripts/setup.sh (sourced, not run).
# shellcheck shell=bash

export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export DEBIAN_FRONTEND=noninteractive
# playwright-core and puppeteer-core never download a browser on install; make sure no tool tries.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export PUPPETEER_SKIP_DOWNLOAD=1

say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: ERROR: %s\n' "$*" >&2; exit 1; }

# ---- Debian packages -------------------------------------------------------------------
apt_missing() {
  local p
  for p in "$@"; do
    if [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" != "install ok installed" ]; then
      printf '%s\n' "$p"
    fi
  done
}

# apt_ensure PACKAGE...: installs those not installed yet. Root (or sudo) only when something is
# missing.
apt_ensure() {
  local missing sudo=()
  mapfile -t missing < <(apt_missing "$@")
  [ "${#missing[@]}" -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "not root and no sudo: cannot apt-get install ${missing[*]}"
    sudo=(sudo)
  fi
  say "apt-get install ${missing[*]}"
  # Try with the current package lists first; refresh them only if that fails
  # (no lists yet on a fresh machine, or stale lists pointing at removed versions).
  if ! "${sudo[@]}" apt-get install -y -q "${missing[@]}"; then
    say "apt-get update (package lists missing or stale)"
    "${sudo[@]}" apt-get update -q
    "${sudo[@]}" apt-get install -y -q "${missing[@]}"
  fi
}

# node_modules_ok build|all: every package package-lock.json lists (build: only those the
# package.json "dependencies" need, i.e. not marked dev) is installed at exactly its locked version.
node_modules_ok() {
  node -e '
    const fs = require("fs");
    const lock = JSON.parse(fs.readFileSync("package-lock.json", "utf8"));
    for (const [p, meta] of Object.entries(lock.packages || {})) {
      if (!p || (process.argv[1] === "build" && meta.dev)) continue;
      let v;
      try { v = JSON.parse(fs.readFileSync(p + "/package.json", "utf8")).version; } catch { process.exit(1); }
      if (v !== meta.version) process.exit(1);
    }
  ' "$1" 2>/dev/null
}

# node_modules_list build|all: the packages package.json names, with their locked versions.
node_modules_list() {
  node -e '
    const pkg = require("./package.json");
    const lock = require("./package-lock.json");
    const names = Object.keys(Object.assign({}, pkg.dependencies, process.argv[1] === "build" ? {} : pkg.devDependencies));
    console.log(names.map((n) => n + "@" + lock.packages["node_modules/" + n].version).join(", "));
  ' "$1"
}
