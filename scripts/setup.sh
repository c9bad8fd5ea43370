#!/usr/bin/env bash
# Installs everything chitieu needs to build AND test, from the package registries only
# (crates.io, npm, Debian): first what building needs (scripts/setup-build.sh), then the test
# and benchmark tools. Idempotent: when everything is present at the right version it only
# checks versions and finishes in about a second.
#
#   bash scripts/setup.sh              (scripts/test.sh and scripts/bench.sh run it)
#
# What it adds to scripts/setup-build.sh:
#   rustfmt + clippy        (rust-toolchain.toml lists them; the fmt and clippy layers)
#   Debian: chromium, chromium-driver (browser tests, e2e, benchmark), firefox-esr (the e2e's
#           second engine), nginx + libnginx-mod-http-brotli-static (serves dist/ to the e2e
#           tests and the benchmark as docs/hosting/nginx.conf says); `apt-get update` only when
#           an install needs it. nginx is installed for its program only: no system service is
#           started (the tests run their own, unprivileged, on a free port).
#   node_modules         == package-lock.json, dev tools too (npm ci): playwright-core,
#                           puppeteer-core, axe-core, and the benchmark's Chart.js and ECharts
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/setup-build.sh

# shellcheck source=scripts/setup-common.sh
source scripts/setup-common.sh

# ---- Debian packages -------------------------------------------------------------------
# Debian starts a service when its package is installed, unless /usr/sbin/policy-rc.d says no
# (exit 101, the documented switch). If there is none, one is put in place for this install
# only, so that installing nginx does not start a system nginx on port 80.
nginx_pkgs=(nginx libnginx-mod-http-brotli-static)
if [ -n "$(apt_missing "${nginx_pkgs[@]}")" ] && [ ! -e /usr/sbin/policy-rc.d ]; then
  SUDO=()
  [ "$(id -u)" -eq 0 ] || SUDO=(sudo)
  say "installing nginx without starting its service (temporary /usr/sbin/policy-rc.d)"
  printf '#!/bin/sh\n# Put here by chitieu scripts/setup.sh for one apt-get install; removed after it.\nexit 101\n' |
    "${SUDO[@]}" tee /usr/sbin/policy-rc.d >/dev/null
  "${SUDO[@]}" chmod 755 /usr/sbin/policy-rc.d
  trap '"${SUDO[@]}" rm -f /usr/sbin/policy-rc.d' EXIT
  apt_ensure "${nginx_pkgs[@]}"
  "${SUDO[@]}" rm -f /usr/sbin/policy-rc.d
  trap - EXIT
fi
apt_ensure chromium chromium-driver firefox-esr "${nginx_pkgs[@]}" ca-certificates
say "chromium $(dpkg-query -W -f='${Version}' chromium), chromium-driver $(dpkg-query -W -f='${Version}' chromium-driver), firefox-esr $(dpkg-query -W -f='${Version}' firefox-esr), nginx $(dpkg-query -W -f='${Version}' nginx) + brotli_static $(dpkg-query -W -f='${Version}' libnginx-mod-http-brotli-static)"

# ---- rustfmt, clippy -------------------------------------------------------------------
installed_components="$(rustup component list --installed)"
for c in rustfmt clippy; do
  if ! grep -q "^$c" <<<"$installed_components"; then
    say "rustup component add $c"
    rustup component add "$c"
  fi
done
say "rustfmt + clippy ok"

# ---- Node packages, dev tools too ------------------------------------------------------
if ! node_modules_ok all; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  node_modules_ok all || die "node_modules does not match package-lock.json after npm ci"
fi
say "node_modules ok ($(node_modules_list all))"

say "all tools present"
