#!/usr/bin/env node
// Byte budgets of the first view (issue 13), each file brotli-compressed at quality 11 as a
// static host serves it (scripts/precompress.mjs, docs/hosting/nginx.conf). Bytes only:
// deterministic, no timing. The files are found by reading the built pages, not by listing dist/.
//
//   1. before the first chart is visible: the pre-rendered page (its HTML carries the chart, the
//      stylesheet and the guard script; any render-blocking file it named would count too)
//                                                                  <= 30,000 B, for EVERY
//      pre-rendered page (index.html, en.html, embed-*.html), and no such file at all;
//   2. the first view's wasm: every .wasm the page preloads (the pointer module, hover/)
//                                                                  <= 150,000 B;
//   3. the whole first load of index.html: 1 + module scripts, modulepreloads and preloads
//      (static/boot.js, the pointer module's glue and wasm)        <= 180,000 B.
//
// The app (Trunk's module: Yew, the reducer) is fetched when a reader first uses a control, and
// the second module (more/: dialogs, the ?plan= checker) when a dialog is opened: both must be
// named in the page (<meta>), exist, and NOT be linked or preloaded by it — else they would
// belong to the first load. Their sizes are printed, not counted.
//
//   node tests/size-budget.mjs [DIST] [--budgets BEFORE_CHART,FIRST_WASM,FIRST_LOAD]
//
// Prints a table per budget and closes with "size-budget: N passed, M failed" (exit 1 on any
// failure). `--budgets` (or SIZE_BUDGETS) replaces the limits, to check that the test can fail.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { brotli, gzip } from '../scripts/precompress.mjs';

export const BEFORE_CHART_BYTES = 30_000;
export const FIRST_VIEW_WASM_BYTES = 150_000;
export const FIRST_LOAD_BYTES = 180_000;

const args = process.argv.slice(2);
const budgetsFlag = args.indexOf('--budgets');
const budgetText = budgetsFlag >= 0 ? args[budgetsFlag + 1] : process.env.SIZE_BUDGETS;
const [beforeChart, firstWasm, firstLoad] = budgetText
  ? budgetText.split(',').map(Number)
  : [BEFORE_CHART_BYTES, FIRST_VIEW_WASM_BYTES, FIRST_LOAD_BYTES];
const dist = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--budgets') || 'dist';

const local = (url) => (url && !/^(data:|blob:|[a-z]+:\/\/|\/\/|#)/i.test(url) ? url.replace(/^\.?\//, '').replace(/[?#].*$/, '') : null);
const attr = (tag, name) => (tag.match(new RegExp(`\\b${name}\\s*=\\s*["']([^"']*)["']`, 'i')) || [])[1];
const has = (tag, name) => new RegExp(`\\s${name}(\\s|=|>|/)`, 'i').test(tag);

/**
 * The same-origin files a page loads, in two groups: `blocking` (stylesheets and classic scripts
 * without async/defer: the browser waits for them before it paints) and `later` (module scripts,
 * async/defer scripts, modulepreload and preload links). Icons and metas are not counted.
 */
export function pageFiles(html) {
  const blocking = new Set();
  const later = new Set();
  for (const tag of html.match(/<link\b[^>]*>/gi) || []) {
    const rel = attr(tag, 'rel') || '';
    const href = local(attr(tag, 'href'));
    if (!href) continue;
    if (/\bstylesheet\b/i.test(rel)) blocking.add(href);
    else if (/\b(modulepreload|preload)\b/i.test(rel)) later.add(href);
  }
  for (const tag of html.match(/<script\b[^>]*>/gi) || []) {
    const src = local(attr(tag, 'src'));
    if (!src) continue;
    const deferred = /module/i.test(attr(tag, 'type') || '') || has(tag, 'async') || has(tag, 'defer');
    (deferred ? later : blocking).add(src);
  }
  for (const f of blocking) later.delete(f);
  return { blocking: [...blocking], later: [...later] };
}

const sizes = new Map();
function size(file) {
  if (!sizes.has(file)) {
    const bytes = readFileSync(join(dist, file));
    sizes.set(file, { raw: bytes.length, gz: gzip(bytes).length, br: brotli(bytes).length });
  }
  return sizes.get(file);
}

const pad = (v, n) => String(v).padStart(n);
function table(title, files) {
  console.log(`  ${title}`);
  let total = { raw: 0, gz: 0, br: 0 };
  for (const file of files) {
    const s = size(file);
    total = { raw: total.raw + s.raw, gz: total.gz + s.gz, br: total.br + s.br };
    console.log(`    ${file.padEnd(44)} ${pad(s.raw, 9)} ${pad(s.gz, 9)} ${pad(s.br, 9)}`);
  }
  console.log(`    ${'total'.padEnd(44)} ${pad(total.raw, 9)} ${pad(total.gz, 9)} ${pad(total.br, 9)}`);
  return total.br;
}

let passed = 0;
let failed = 0;
const verdict = (ok, text) => {
  console.log(`  ${ok ? 'ok  ' : 'FAIL'}  ${text}`);
  if (ok) passed += 1;
  else failed += 1;
};

const indexPath = join(dist, 'index.html');
if (!existsSync(indexPath)) {
  console.error(`size-budget: ${indexPath} is missing (build first: trunk build --release)`);
  console.log('size-budget: 0 passed, 1 failed');
  process.exit(1);
}
const html = readFileSync(indexPath, 'utf8');
const meta = (name) => (html.match(new RegExp(`<meta name="${name}" content="([^"]+)"`)) || [])[1];
const { blocking, later } = pageFiles(html);
const missing = [...blocking, ...later].filter((f) => !existsSync(join(dist, f)));

console.log(`size-budget: ${dist}/ (brotli q11, gzip -9; columns raw, gzip, brotli)`);
if (missing.length) {
  verdict(false, `index.html refers to files missing from ${dist}/: ${missing.join(', ')}`);
  console.log(`size-budget: ${passed} passed, ${failed} failed`);
  process.exit(1);
}

// 1. Before the first chart, on every pre-rendered page.
const pages = readdirSync(dist).filter((f) => f.endsWith('.html') && f !== 'chitieu-offline.html').sort();
const prerendered = pages.filter((f) => /<meta name="chitieu-prerendered"/.test(readFileSync(join(dist, f), 'utf8')));
verdict(prerendered.includes('index.html') && prerendered.includes('en.html'), `pre-rendered pages: ${prerendered.length} (index.html and en.html among them)`);
const indexBefore = table('1. before the first chart is visible (index.html)', ['index.html', ...blocking]);
verdict(/<svg[^>]*class="[^"]*chart-svg/.test(html), 'index.html carries the chart (inline SVG)');
let worst = { page: 'index.html', br: indexBefore };
for (const page of prerendered) {
  const own = pageFiles(readFileSync(join(dist, page), 'utf8')).blocking.filter((f) => existsSync(join(dist, f)));
  const br = [page, ...own].reduce((t, f) => t + size(f).br, 0);
  if (br > worst.br) worst = { page, br };
}
verdict(worst.br <= beforeChart, `before the first chart: largest of ${prerendered.length} pages is ${worst.page}, ${worst.br} B <= ${beforeChart} B`);
// The first paint waits for the HTML alone: a render-blocking file would cost a round trip more.
const waits = prerendered.filter((page) => pageFiles(readFileSync(join(dist, page), 'utf8')).blocking.length > 0);
verdict(waits.length === 0, `the first paint of every pre-rendered page needs no file but its HTML (stylesheet and guard inside)${waits.length ? `: not ${waits.slice(0, 3).join(', ')}` : ''}`);
// Those two inline blocks are what the strict CSP of docs/hosting allows, by hash.
const csp = spawnSync('python3', [fileURLToPath(new URL('../scripts/csp.py', import.meta.url)), '--check', dist], { encoding: 'utf8' });
verdict(csp.status === 0, `docs/hosting's CSP allows the pages' inline blocks (scripts/csp.py --check)${csp.status === 0 ? '' : `:\n${csp.stderr.trim()}`}`);

// 2. The first view's wasm.
const wasm = later.filter((f) => f.endsWith('.wasm'));
const wasmBr = table('2. wasm of the first view (preloaded)', wasm);
verdict(wasm.length >= 1 && wasm.every((f) => /chitieu-hover-/.test(f)), `the first view's wasm is the pointer module alone: ${wasm.join(', ') || 'none'}`);
verdict(wasmBr <= firstWasm, `first-view wasm ${wasmBr} B <= ${firstWasm} B`);

// 3. The whole first load.
const loadBr = table('3. whole first load of index.html', ['index.html', ...blocking, ...later]);
verdict(later.some((f) => f.endsWith('.js')), 'the first load starts the widget (a module script)');
verdict(loadBr <= firstLoad, `whole first load ${loadBr} B <= ${firstLoad} B`);

// Loaded later: named, present, not part of the first load.
for (const [what, glueName, wasmName] of [
  ['the app, on first use of a control', 'chitieu-glue', 'chitieu-wasm'],
  ['the dialogs and plan checker, on demand', 'chitieu-more-glue', 'chitieu-more-wasm'],
]) {
  const files = [meta(glueName), meta(wasmName)].map(local);
  if (files.some((f) => !f)) {
    verdict(false, `index.html does not name ${what} (${glueName} / ${wasmName})`);
    continue;
  }
  const absent = files.filter((f) => !existsSync(join(dist, f)));
  if (absent.length) {
    verdict(false, `${what}: missing from ${dist}/: ${absent.join(', ')}`);
    continue;
  }
  table(`not counted: ${what}`, files);
  const fetched = files.filter((f) => blocking.includes(f) || later.includes(f));
  verdict(fetched.length === 0, `${what}: not fetched by the first view${fetched.length ? ` (but ${fetched.join(', ')} is)` : ''}`);
}

console.log(`size-budget: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
