#!/usr/bin/env python3
"""Trunk post-build hook (Trunk.toml [[hooks]]): writes chitieu-offline.html next to index.html.

One HTML file with everything inside, which opens from file:// (where browsers refuse module
scripts and fetch() of sibling files):
  - the <meta name="chitieu-glue|chitieu-wasm"> URLs become data: URLs (base64 JS and wasm),
    and so do those of the second module (chitieu-more-glue|chitieu-more-wasm, written by
    scripts/build_more.py, which runs this script after it);
    boot.js imports the glue and hands the wasm URL to wasm-bindgen's init, which fetches it;
  - the boot script and the stylesheet are inlined (this file has no CSP; index.html keeps them
    external for the strict-CSP page);
  - preload/modulepreload links are dropped (they would point at sibling files).
Fails loudly (non-zero exit, which fails the Trunk build) if index.html does not look as expected.

Run by Trunk with TRUNK_STAGING_DIR and TRUNK_PUBLIC_URL set; by hand:
  TRUNK_STAGING_DIR=dist TRUNK_PUBLIC_URL=/ python3 scripts/single_file.py
"""
import base64
import os
import re
import sys

OUTPUT = "chitieu-offline.html"


def die(message):
    print(f"single_file: ERROR: {message}", file=sys.stderr)
    sys.exit(1)


def main():
    staging = os.environ.get("TRUNK_STAGING_DIR") or die("TRUNK_STAGING_DIR is not set")
    public_url = os.environ.get("TRUNK_PUBLIC_URL", "/")
    index_path = os.path.join(staging, "index.html")
    with open(index_path, encoding="utf-8") as f:
        html = f.read()

    def local(url):
        """Path in the staging dir of a URL written by Trunk (public_url + file name)."""
        name = url[len(public_url):] if url.startswith(public_url) else url
        name = name.split("?")[0].lstrip("./")
        path = os.path.join(staging, name)
        if not os.path.isfile(path):
            die(f"{url} is referenced by index.html but {path} does not exist")
        return path

    def read_bytes(url):
        with open(local(url), "rb") as f:
            return f.read()

    def data_url(mime, data):
        return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"

    replaced = {"glue": 0, "wasm": 0, "more-glue": 0, "more-wasm": 0, "boot": 0}

    def meta(match):
        name, url = match.group(1), match.group(2)
        replaced[name.removeprefix("chitieu-")] += 1
        mime = "text/javascript" if name.endswith("glue") else "application/wasm"
        return f'<meta name="{name}" content="{data_url(mime, read_bytes(url))}">'

    html = re.sub(r'<meta name="(chitieu-(?:more-)?(?:glue|wasm))" content="([^"]+)">', meta, html)

    # Preloads point at sibling files; the data: URLs make them useless.
    html = re.sub(r'<link rel="(?:modulepreload|preload)"[^>]*>\s*', "", html)

    def stylesheet(match):
        css = read_bytes(match.group(1)).decode("utf-8")
        return f"<style>\n{css}</style>"

    html = re.sub(r'<link rel="stylesheet" href="([^"]+\.css)"[^>]*>', stylesheet, html)

    def icon(match):
        return f'<link rel="icon" href="{data_url("image/svg+xml", read_bytes(match.group(1)))}">'

    html = re.sub(r'<link rel="icon" href="([^"]+\.svg)"[^>]*>', icon, html)

    def boot(match):
        replaced["boot"] += 1
        js = read_bytes(match.group(1)).decode("utf-8")
        if "</script" in js.lower():
            die("boot script contains '</script'; cannot inline it")
        return f'<script type="module">\n{js}</script>'

    html = re.sub(r'<script\b[^>]*\bsrc="([^"]*boot[^"]*\.js)"[^>]*></script>', boot, html)

    # The guard of pre-rendered pages (static/guard.js) has nothing to guard here: this file is
    # written before the pages are pre-rendered and carries no pre-rendered view.
    html = re.sub(r'<script\b[^>]*\bsrc="[^"]*guard[^"]*\.js"[^>]*></script>\s*', "", html)

    for key, count in replaced.items():
        if count != 1:
            die(f"expected exactly one {key} reference in {index_path}, found {count}")
    leftover = re.findall(r'(?:src|href)="(?!data:|https?:|#)([^"]+\.(?:js|wasm|css|svg|png|ico))"', html)
    if leftover:
        die(f"references to sibling files remain: {leftover}")

    out = os.path.join(staging, OUTPUT)
    with open(out, "w", encoding="utf-8") as f:
        f.write(html)
    print(f"single_file: wrote {OUTPUT} ({os.path.getsize(out):,} bytes, {os.environ.get('TRUNK_PROFILE', '?')} build)")


if __name__ == "__main__":
    main()
