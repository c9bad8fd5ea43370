#!/usr/bin/env python3
"""The strict Content Security Policy of a release build, and where the repository states it.

A pre-rendered page carries two blocks inside it (scripts/build_more.py `inline_first_paint`):
the stylesheet as <style> and the guard as <script>, because as files each would cost a round
trip before the first paint. The policy allows exactly these two blocks, by the SHA-256 of their
text, and nothing else inline:

  default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-…'; style-src 'self' 'sha256-…'

The hashes change when static/style.css or static/guard.js change, and the policy is written
out in docs/hosting/nginx.conf (the configuration the tests and the benchmark serve with) and in
the Caddy and Apache configurations of docs/hosting.md. So:

  python3 scripts/csp.py [DIST]            prints the policy of the build in DIST (default dist/)
  python3 scripts/csp.py --check [DIST]    exit 1, naming each place, if a file states another
  python3 scripts/csp.py --write [DIST]    writes the build's policy into those files

tests/size-budget.mjs runs --check after every release build (CI), so a stylesheet change that
is not followed by --write fails with this command in its message.
"""
import base64
import hashlib
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Where the repository states the policy (each line that sets the header).
PLACES = ["docs/hosting/nginx.conf", "docs/hosting.md"]
# A policy as the places write it: from default-src to the end of the quoted value.
POLICY_RE = re.compile(r"default-src 'self'; script-src 'self' 'wasm-unsafe-eval'[^\"`]*")

INLINE_SCRIPT_RE = re.compile(r"<script>(.*?)</script>", re.S)
INLINE_STYLE_RE = re.compile(r"<style>(.*?)</style>", re.S)


def source_hash(text):
    """The CSP source expression of an inline block: 'sha256-' and the base64 of its UTF-8."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def policy(dist):
    """The policy every pre-rendered page in `dist` needs, or an error naming the page."""
    scripts, styles, pages = set(), set(), 0
    for name in sorted(os.listdir(dist)):
        if not name.endswith(".html"):
            continue
        with open(os.path.join(dist, name), encoding="utf-8") as f:
            html = f.read()
        if '<meta name="chitieu-prerendered"' not in html:
            continue
        pages += 1
        page_scripts = INLINE_SCRIPT_RE.findall(html)
        page_styles = INLINE_STYLE_RE.findall(html)
        if len(page_scripts) != 1 or len(page_styles) != 1:
            raise ValueError(
                f"{name}: expected one inline <script> (the guard) and one <style>, found "
                f"{len(page_scripts)} and {len(page_styles)}"
            )
        scripts.add(source_hash(page_scripts[0]))
        styles.add(source_hash(page_styles[0]))
    if pages == 0:
        raise ValueError(f"{dist}: no pre-rendered page (run the release build first)")
    if len(scripts) != 1 or len(styles) != 1:
        raise ValueError(f"{dist}: the pages do not share one guard and one stylesheet")
    return (
        "default-src 'self'; "
        f"script-src 'self' 'wasm-unsafe-eval' {scripts.pop()}; "
        f"style-src 'self' {styles.pop()}"
    )


def main(argv):
    mode = argv[0] if argv and argv[0] in ("--check", "--write") else None
    rest = argv[1:] if mode else argv
    dist = rest[0] if rest else os.path.join(ROOT, "dist")
    try:
        wanted = policy(dist)
    except (OSError, ValueError) as error:
        print(f"csp: {error}", file=sys.stderr)
        return 1
    if mode is None:
        print(wanted)
        return 0
    stale = []
    for place in PLACES:
        path = os.path.join(ROOT, place)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        stated = POLICY_RE.findall(text)
        if not stated:
            stale.append(f"{place}: states no policy")
            continue
        for number, line in enumerate(text.splitlines(), 1):
            for found in POLICY_RE.findall(line):
                if found != wanted:
                    stale.append(f"{place}:{number}: {found}")
        if mode == "--write":
            with open(path, "w", encoding="utf-8") as f:
                f.write(POLICY_RE.sub(wanted, text))
    if mode == "--check" and stale:
        print("csp: these places state another policy than the build needs:", file=sys.stderr)
        for line in stale:
            print(f"  {line}", file=sys.stderr)
        print(f"  the build needs: {wanted}", file=sys.stderr)
        print("  (after a change to static/style.css or static/guard.js: python3 scripts/csp.py --write)", file=sys.stderr)
        return 1
    if mode == "--write":
        print(f"csp: {len(stale)} statement(s) updated: {wanted}")
    else:
        print(f"csp: docs/hosting states the build's policy: {wanted}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
