#!/usr/bin/env python3
"""Trunk post-build hook (Trunk.toml [[hooks]]): builds chitieu's second wasm module (more/).

The first view is the `chitieu` binary that Trunk builds and links from index.html. The second
module holds what only some readers ever need (the downloads, citation and embed dialogs, the
checker for `?plan=` files) and is imported by static/boot.js on first use, so it must NOT be
linked or preloaded by index.html. Trunk has no such asset type, hence this hook:

  cargo build -p chitieu-more --target wasm32-unknown-unknown [--release]   (same env as Trunk's:
      the release build's size flags reach it through the environment, scripts/lib.sh)
  wasm-bindgen --target web                      (the version Trunk.toml pins; on PATH)
  wasm-opt -Oz ... (release only)                (npm binaryen 132; on PATH)
  -> chitieu-more-<hash>.js and chitieu-more-<hash>_bg.wasm in the staging dir, named after a
     hash of their content (cacheable for good, like Trunk's own files), and two
     <meta name="chitieu-more-glue|chitieu-more-wasm"> in index.html that boot.js reads.

Then runs scripts/single_file.py, which inlines both modules into chitieu-offline.html; puts
the stylesheet and the guard script inside the page (`inline_first_paint`: the first paint then
needs the HTML alone; scripts/csp.py gives the policy that allows them); and last
`chitieu prerender`: the native build of the widget's own components writes the first view
into index.html, en.html and one compact page per indicator and language (src/cli/prerender.rs).
"""
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
WASM_OPT_FLAGS = ["-Oz", "--converge", "--strip-debug", "--strip-producers"]


def die(message):
    print(f"build_more: ERROR: {message}", file=sys.stderr)
    sys.exit(1)


def run(command):
    print("build_more: " + " ".join(command), flush=True)
    if subprocess.run(command, cwd=ROOT).returncode != 0:
        die(f"{command[0]} failed")


def build_module(crate, out_name, staging, release):
    """cargo build + wasm-bindgen (+ wasm-opt in release) of one module crate, written to the
    staging dir under names made of a hash of its content. Returns (glue name, wasm name)."""
    profile = "release" if release else "debug"
    cargo = ["cargo", "build", "-p", crate, "--lib", "--target", "wasm32-unknown-unknown", "--offline"]
    if release:
        cargo.append("--release")
    run(cargo)
    target_dir = os.environ.get("CARGO_TARGET_DIR") or os.path.join(ROOT, "target")
    built = os.path.join(target_dir, "wasm32-unknown-unknown", profile, crate.replace("-", "_") + ".wasm")
    if not os.path.isfile(built):
        die(f"{built} was not built")

    with tempfile.TemporaryDirectory() as tmp:
        run(["wasm-bindgen", "--target", "web", "--no-typescript", "--out-dir", tmp, "--out-name", out_name, built])
        glue_path = os.path.join(tmp, f"{out_name}.js")
        wasm_path = os.path.join(tmp, f"{out_name}_bg.wasm")
        if release:
            optimised = os.path.join(tmp, "optimised.wasm")
            run(["wasm-opt", *WASM_OPT_FLAGS, wasm_path, "-o", optimised])
            wasm_path = optimised
        with open(glue_path, "rb") as f:
            glue = f.read()
        with open(wasm_path, "rb") as f:
            wasm = f.read()

    digest = hashlib.sha256(glue + b"\0" + wasm).hexdigest()[:16]
    glue_name = f"{out_name}-{digest}.js"
    wasm_name = f"{out_name}-{digest}_bg.wasm"
    for name, data in ((glue_name, glue), (wasm_name, wasm)):
        with open(os.path.join(staging, name), "wb") as f:
            f.write(data)
    print(f"build_more: {glue_name} ({len(glue):,} B), {wasm_name} ({len(wasm):,} B), {profile}")
    return glue_name, wasm_name


def main():
    staging = os.environ.get("TRUNK_STAGING_DIR") or die("TRUNK_STAGING_DIR is not set")
    public_url = os.environ.get("TRUNK_PUBLIC_URL", "/")
    release = os.environ.get("TRUNK_PROFILE", "debug") == "release"

    more_glue, more_wasm = build_module("chitieu-more", "chitieu-more", staging, release)
    hover_glue, hover_wasm = build_module("chitieu-hover", "chitieu-hover", staging, release)

    index_path = os.path.join(staging, "index.html")
    with open(index_path, encoding="utf-8") as f:
        html = f.read()
    if "chitieu-more-glue" in html:
        die("index.html already names a second module")
    if "</head>" not in html:
        die("index.html has no </head>")
    # The app (Trunk's own module) loads when a reader first uses a control (static/boot.js):
    # Trunk's preloads would fetch it on every page load, so they go. The first module (hover)
    # is what every page needs at once: it is preloaded instead.
    app_preloads = re.findall(r'<link rel="(?:modulepreload|preload)"[^>]*>', html)
    if len(app_preloads) != 2:
        die(f"expected Trunk's two preloads of the app in index.html, found {len(app_preloads)}")
    for link in app_preloads:
        html = html.replace(link, "", 1)
    metas = (
        f'<meta name="chitieu-more-glue" content="{public_url}{more_glue}">'
        f'<meta name="chitieu-more-wasm" content="{public_url}{more_wasm}">'
        f'<meta name="chitieu-hover-glue" content="{public_url}{hover_glue}">'
        f'<meta name="chitieu-hover-wasm" content="{public_url}{hover_wasm}">'
    )
    html = html.replace("</head>", metas + "\n</head>", 1)
    # The pointer module is fetched early, but after the page's own bytes: its preloads are the
    # last thing in <body>, so that on a slow network they do not share the line with the HTML
    # that carries the chart (the preload scanner finds them when the body has arrived).
    if html.count("</body>") != 1:
        die("index.html must have exactly one </body>")
    preloads = (
        f'<link rel="modulepreload" href="{public_url}{hover_glue}">'
        f'<link rel="preload" href="{public_url}{hover_wasm}" as="fetch" type="application/wasm" crossorigin>'
    )
    html = html.replace("</body>", preloads + "\n</body>", 1)
    with open(index_path, "w", encoding="utf-8") as f:
        f.write(html)

    sys.path.insert(0, HERE)
    import single_file  # noqa: E402  (after the second module is in place)

    single_file.main()
    inline_first_paint(index_path, staging)
    prerender(staging)
    name_prerendered_embeds(staging)


def inline_first_paint(index_path, staging):
    """Puts the stylesheet and the guard script (static/style.css, static/guard.js) inside the
    page, as <style> and <script>: both block the first paint, and as files they cost a second
    round trip after the HTML before anything is shown (150 ms on a slow mobile network). Every
    pre-rendered page is written from this template, so every page carries them. The strict CSP
    allows exactly these two blocks by their SHA-256 (scripts/csp.py, docs/hosting/nginx.conf);
    the files themselves are no longer needed and leave the build."""
    with open(index_path, encoding="utf-8") as f:
        html = f.read()
    blocks = [
        ("stylesheet", r'<link rel="stylesheet" href="(?:[^"]*/)?(style-[0-9a-f]+\.css)"[^>]*>', "style"),
        ("guard", r'<script src="(?:[^"]*/)?(guard-[0-9a-f]+\.js)"[^>]*></script>', "script"),
    ]
    for what, pattern, tag in blocks:
        found = re.findall(pattern, html)
        if len(found) != 1:
            die(f"expected one {what} in index.html, found {len(found)}")
        path = os.path.join(staging, found[0])
        with open(path, encoding="utf-8") as f:
            text = f.read()
        if f"</{tag}" in text.lower():
            die(f"{found[0]} contains '</{tag}'; it cannot be put inside the page")
        html = re.sub(pattern, lambda _m, tag=tag, text=text: f"<{tag}>{text}</{tag}>", html, count=1)
        os.remove(path)
    with open(index_path, "w", encoding="utf-8") as f:
        f.write(html)


# In static/embed.js, the list of indicators whose compact page was pre-rendered: a
# `<div data-chitieu data-indicator=…>` of one of them becomes an iframe of that page.
EMBED_MARKER = "/* chitieu:prerendered */[]"


def name_prerendered_embeds(staging):
    ids = sorted(
        m.group(1)
        for m in (re.fullmatch(r"embed-([a-z0-9_]+)\.html", f) for f in os.listdir(staging))
        if m
    )
    if not ids:
        die("no pre-rendered compact page (embed-*.html) was written")
    path = os.path.join(staging, "embed.js")
    with open(path, encoding="utf-8") as f:
        script = f.read()
    if script.count(EMBED_MARKER) != 1:
        die(f"embed.js must hold the marker {EMBED_MARKER!r} exactly once")
    with open(path, "w", encoding="utf-8") as f:
        f.write(script.replace(EMBED_MARKER, "/* chitieu:prerendered */" + json.dumps(ids), 1))
    print(f"build_more: embed.js names {len(ids)} pre-rendered compact pages", flush=True)


def prerender(staging):
    """Renders the first view into the pages with the native `chitieu` (debug profile: it only
    renders, and the tests build the same). The release's size flags are for the wasm only: a
    plain stable native build, sharing the tests' compiled dependencies."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("RUSTFLAGS", "RUSTC_BOOTSTRAP") and not k.startswith("CARGO_UNSTABLE_")
           and not k.startswith("CARGO_BUILD_TARGET")}
    command = ["cargo", "run", "--quiet", "--offline", "--bin", "chitieu", "--", "prerender", staging]
    print("build_more: " + " ".join(command), flush=True)
    if subprocess.run(command, cwd=ROOT, env=env).returncode != 0:
        die("chitieu prerender failed")


if __name__ == "__main__":
    if shutil.which("wasm-bindgen") is None:
        die("wasm-bindgen is not on PATH (run scripts/setup.sh; scripts/lib.sh sets PATH)")
    main()
