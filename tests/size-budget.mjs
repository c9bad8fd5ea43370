#!/usr/bin/env node
// Size budget of the first view: the files a browser fetches to show the widget (the page, its
// stylesheet, every script and module it loads, the wasm), each brotli-compressed at quality 11
// as a static host would serve it, must total at most BUDGET_BYTES. Bytes only: deterministic,
// no timing. The files are found by reading dist/index.html, not by listing dist/.
//
// TARGET_BYTES (130,000) is the goal of issue 6 and is NOT met yet; the enforced BUDGET_BYTES is
// an interim ceiling just above today's size, so that the widget cannot grow unnoticed while the
// size work goes on (see bench/results.md). Lower it as the size comes down; never raise it to
// make a change fit without saying so in the commit.
//
//   node tests/size-budget.mjs [DIST] [--budget BYTES]
//
// Prints a per-file table and closes with "size-budget: 1 passed, 0 failed" (or 0 passed,
// 1 failed, exit 1). `--budget` (or SIZE_BUDGET_BYTES) lowers or raises the limit, to check
// that the test can fail.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotli, gzip } from '../scripts/precompress.mjs';

export const TARGET_BYTES = 130_000;
export const BUDGET_BYTES = 215_000;
// The same widget built with the plain standard library (CHITIEU_PLAIN_STD=1: rust-src missing,
// see scripts/lib.sh) is about 20 KB larger; its own ceiling keeps the guard against growth.
export const PLAIN_STD_BUDGET_BYTES = 235_000;

const args = process.argv.slice(2);
const budgetFlag = args.indexOf('--budget');
const plainStd = process.env.CHITIEU_PLAIN_STD === '1';
const budget = Number(budgetFlag >= 0 ? args[budgetFlag + 1] : process.env.SIZE_BUDGET_BYTES || (plainStd ? PLAIN_STD_BUDGET_BYTES : BUDGET_BYTES));
if (plainStd) console.log('size-budget: NOTE built with the plain standard library (CHITIEU_PLAIN_STD=1): ceiling ' + PLAIN_STD_BUDGET_BYTES);
const dist = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--budget') || 'dist';

/** Same-origin URLs the page loads on first view, as dist-relative paths. */
export function firstViewFiles(html) {
  const refs = new Set();
  const add = (url) => {
    if (!url || /^(data:|blob:|[a-z]+:\/\/|\/\/|#)/i.test(url)) return;
    refs.add(url.replace(/^\.?\//, '').replace(/[?#].*$/, ''));
  };
  for (const tag of html.match(/<link\b[^>]*>/gi) || []) {
    const rel = (tag.match(/\brel\s*=\s*["']([^"']*)["']/i) || [])[1] || '';
    if (/\b(stylesheet|modulepreload|preload)\b/i.test(rel)) add((tag.match(/\bhref\s*=\s*["']([^"']*)["']/i) || [])[1]);
  }
  for (const tag of html.match(/<script\b[^>]*>/gi) || []) add((tag.match(/\bsrc\s*=\s*["']([^"']*)["']/i) || [])[1]);
  // Inline module scripts (Trunk's loader): static imports and the wasm passed to init().
  for (const [, body] of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) {
    for (const [, url] of body.matchAll(/\bfrom\s*["']([^"']+)["']/g)) add(url);
    for (const [, url] of body.matchAll(/\bimport\s*\(\s*["']([^"']+)["']\s*\)/g)) add(url);
    for (const [, url] of body.matchAll(/["']([^"']+\.wasm)["']/g)) add(url);
  }
  return [...refs];
}

const indexPath = join(dist, 'index.html');
if (!existsSync(indexPath)) {
  console.error(`size-budget: ${indexPath} is missing (build first: trunk build --release)`);
  console.log('size-budget: 0 passed, 1 failed');
  process.exit(1);
}
const html = readFileSync(indexPath);
const rows = [{ file: 'index.html', bytes: html }];
const missing = [];
for (const file of firstViewFiles(html.toString('utf8'))) {
  const path = join(dist, file);
  if (existsSync(path)) rows.push({ file, bytes: readFileSync(path) });
  else missing.push(file);
}
const kinds = new Set(rows.map((r) => r.file.split('.').pop()));

const table = rows.map((r) => ({ file: r.file, raw: r.bytes.length, gz: gzip(r.bytes).length, br: brotli(r.bytes).length }));
const total = table.reduce((t, r) => ({ raw: t.raw + r.raw, gz: t.gz + r.gz, br: t.br + r.br }), { raw: 0, gz: 0, br: 0 });
const pad = (v, n) => String(v).padStart(n);
console.log(`size-budget: first view of ${dist}/ (brotli q11, gzip -9), budget ${budget} B brotli`);
console.log(`  ${'file'.padEnd(40)} ${pad('raw', 9)} ${pad('gzip', 9)} ${pad('brotli', 9)}`);
for (const r of table) console.log(`  ${r.file.padEnd(40)} ${pad(r.raw, 9)} ${pad(r.gz, 9)} ${pad(r.br, 9)}`);
console.log(`  ${'total'.padEnd(40)} ${pad(total.raw, 9)} ${pad(total.gz, 9)} ${pad(total.br, 9)}`);

// The second wasm module (more/: dialogs, the ?plan= checker) is loaded on demand by boot.js
// from two <meta> elements. It must be there, and must not be fetched by the first view: not
// linked, not preloaded (then it would belong in the total above).
const htmlText = html.toString('utf8');
const moreGlue = (htmlText.match(/<meta name="chitieu-more-glue" content="([^"]+)"/) || [])[1];
const moreWasm = (htmlText.match(/<meta name="chitieu-more-wasm" content="([^"]+)"/) || [])[1];
const problems = [];
if (!moreGlue || !moreWasm) problems.push('index.html does not name the second module (chitieu-more-glue / chitieu-more-wasm)');
else {
  const onDemand = [moreGlue, moreWasm].map((u) => u.replace(/^\.?\//, ''));
  for (const file of onDemand) {
    if (rows.some((r) => r.file === file)) problems.push(`${file} (second module) is fetched by the first view`);
    const path = join(dist, file);
    if (!existsSync(path)) problems.push(`${file} (second module) is missing from ${dist}/`);
    else {
      const bytes = readFileSync(path);
      console.log(`  on demand, not counted: ${file.padEnd(38)} ${pad(bytes.length, 9)} ${pad(gzip(bytes).length, 9)} ${pad(brotli(bytes).length, 9)}`);
    }
  }
}
if (missing.length) problems.push(`index.html refers to files missing from ${dist}/: ${missing.join(', ')}`);
for (const kind of ['js', 'wasm']) if (!kinds.has(kind)) problems.push(`no .${kind} file found in index.html`);
if (total.br > budget) problems.push(`brotli total ${total.br} B is over the budget of ${budget} B by ${total.br - budget} B`);
if (problems.length) {
  for (const p of problems) console.log(`  FAIL  ${p}`);
  console.log('size-budget: 0 passed, 1 failed');
  process.exit(1);
}
console.log(`  ok    brotli total ${total.br} B <= ${budget} B (${budget - total.br} B to spare)`);
if (total.br > TARGET_BYTES) {
  console.log(`  note  ${total.br - TARGET_BYTES} B over the ${TARGET_BYTES} B target of issue 6 (open); the interim ceiling holds`);
}
console.log('size-budget: 1 passed, 0 failed');
