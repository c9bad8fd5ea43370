#!/usr/bin/env bash
# Regenerates the reviewed screenshots in docs/gallery/ from the release build:
#
#   bash scripts/gallery.sh              # setup, release build, serve dist/ on 127.0.0.1, shoot
#   bash scripts/gallery.sh --no-build   # shoot the dist/ already built (say, by scripts/test.sh)
#
# The shots and what each is for are in tests/e2e/gallery.mjs; the review of each is in
# docs/gallery/README.md (read the new PNGs and update it before committing them).
# pngquant (Debian) keeps the committed PNGs small; it is installed if missing, and the gallery
# is still written (larger) if it cannot be.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

build=1
case "${1:-}" in
  --no-build) build=0 ;;
  "") ;;
  *) echo "usage: bash scripts/gallery.sh [--no-build]" >&2; exit 2 ;;
esac

bash scripts/setup.sh
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

if ! command -v pngquant >/dev/null; then
  echo "gallery: apt-get install pngquant"
  SUDO=()
  [ "$(id -u)" -ne 0 ] && SUDO=(sudo)
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -q pngquant \
    || echo "gallery: WARNING: pngquant not installed; the PNGs will be larger" >&2
fi

if [ "$build" = 1 ]; then
  echo "gallery: trunk build --release"
  trunk_release_build
elif [ ! -f dist/index.html ]; then
  echo "gallery: no dist/index.html; run without --no-build" >&2
  exit 1
fi

trap stop_dist_server EXIT
start_dist_server
echo "gallery: serving dist/ at $SERVER_URL"
node tests/e2e/gallery.mjs "$SERVER_URL" docs/gallery
