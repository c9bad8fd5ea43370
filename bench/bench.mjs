#!/usr/bin/env node
// chitieu's benchmark against two peer pages (Chart.js, Apache ECharts) drawing the same figure,
// all served from one local directory on 127.0.0.1 and measured in the same run, in headless
// Chromium (Debian's, through playwright-core, flags as in tests/e2e/lib.mjs).
//
//   node bench/bench.mjs URL SITE_DIR        (scripts/bench.sh builds, assembles and serves)
//
// Every page load is a fresh browser context (cold cache). Per run and page:
//   - a plain load: navigation start -> first chart drawn (the page's performance mark), then
//     JS heap (performance.memory after a forced GC) and wasm memory, then HOVER_SAMPLES pointer
//     moves and KEY_SAMPLES arrow keys, each timed in the page from the input event's timeStamp
//     to the canvas's data-draws attribute going up (MutationObserver); for chitieu, then a click
//     on "Tải xuống" until its dialog is open (the first time in the page, so it includes
//     fetching the second wasm module);
//   - a load under 4x CPU throttling (CDP Emulation.setCPUThrottlingRate): first chart only.
// Bytes on first view: every same-origin response of the first plain load, read from SITE_DIR
// and compressed as a static host would serve it (brotli q11, gzip -9).
// Prints a table and writes it into bench/results.md between the bench markers.
import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, totalmem, release, platform } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/lib.mjs';
import { brotli, gzip } from '../scripts/precompress.mjs';

const RUNS = Number(process.env.BENCH_RUNS || 15);
const HOVER_SAMPLES = Number(process.env.BENCH_HOVER_SAMPLES || 10);
const KEY_SAMPLES = Number(process.env.BENCH_KEY_SAMPLES || 10);
const THROTTLE = 4;
const RESULTS = new URL('./results.md', import.meta.url);

const [base, siteDir] = process.argv.slice(2);
if (!base || !siteDir) {
  console.error('usage: node bench/bench.mjs URL SITE_DIR');
  process.exit(2);
}

const PAGES = [
  { name: 'chitieu', path: '', mark: 'chitieu:first-chart', canvas: 'canvas.chart-canvas', keys: 'canvas.chart-canvas' },
  { name: 'Chart.js', path: 'peers/chartjs.html', mark: 'peer:first-chart', canvas: '#chart', keys: '#chart' },
  { name: 'ECharts', path: 'peers/echarts.html', mark: 'peer:first-chart', canvas: '#chart canvas', keys: '#chart' },
];

const median = (xs) => quantile(xs, 0.5);
function quantile(values, q) {
  const xs = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (!xs.length) return null;
  if (q === 0.5) return xs.length % 2 ? xs[(xs.length - 1) / 2] : (xs[xs.length / 2 - 1] + xs[xs.length / 2]) / 2;
  return xs[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)]; // nearest rank
}

const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: [...CHROMIUM_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'],
});
const browserVersion = browser.version();

/** Opens a page in a fresh context, optionally CPU-throttled, and waits for its first chart. */
async function load(spec, throttle) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(30000);
  const errors = [];
  const responses = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('response', (r) => responses.push(r.url()));
  // Trunk's loader announces the wasm exports (with `memory`) in this event; keep a reference.
  await page.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (e) => { window.__benchWasm = e.detail && e.detail.wasm; });
  });
  if (throttle > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  }
  await page.goto(new URL(spec.path, base).href, { waitUntil: 'load' });
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, spec.mark);
  const firstChart = await page.evaluate((mark) => performance.getEntriesByName(mark)[0].startTime, spec.mark);
  return { context, page, firstChart, errors, responses };
}

/**
 * chitieu only: a real click on "Tải xuống" until its dialog is open, in the page's own clock
 * (the click event's timeStamp to the MutationObserver seeing `open`). On a cold load this
 * includes fetching, compiling and starting the second wasm module, which the first view does
 * not carry. Peers have no such dialog: null.
 */
async function dialogOpen(page) {
  const armed = page.evaluate(() => new Promise((resolve) => {
    const button = document.querySelector('.export-downloads');
    if (!button) return resolve(null);
    let start;
    button.addEventListener('click', (e) => { start = e.timeStamp; }, { once: true, capture: true });
    const done = (value) => { observer.disconnect(); resolve(value); };
    const observer = new MutationObserver(() => {
      if (start !== undefined && document.querySelector('#downloads-dialog[open]')) done(performance.now() - start);
    });
    observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['open'] });
    setTimeout(() => done(null), 15000);
  }));
  await page.click('.export-downloads');
  const ms = await armed;
  await page.keyboard.press('Escape');
  return ms;
}

async function memory(page) {
  await page.waitForTimeout(300);
  return page.evaluate(() => {
    if (typeof window.gc === 'function') window.gc();
    const wasm = window.__benchWasm && window.__benchWasm.memory;
    return {
      heap: performance.memory ? performance.memory.usedJSHeapSize : null,
      wasm: wasm ? wasm.buffer.byteLength : 0,
    };
  });
}

/** Arms a probe in the page: resolves with ms from the next input event to the next draw. */
function arm(page, selector) {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    let start = Number(el.dataset.draws || 0);
    window.__benchProbe = new Promise((resolve) => {
      let t0 = null;
      const onInput = (e) => { if (t0 === null) t0 = e.timeStamp; };
      const done = (value) => {
        observer.disconnect();
        clearTimeout(timer);
        removeEventListener('pointermove', onInput, true);
        removeEventListener('mousemove', onInput, true);
        removeEventListener('keydown', onInput, true);
        resolve(value);
      };
      const observer = new MutationObserver(() => {
        const now = Number(el.dataset.draws || 0);
        // A draw before the input event belongs to an earlier input: keep waiting.
        if (t0 === null) start = now;
        else if (now > start) done(performance.now() - t0);
      });
      observer.observe(el, { attributes: true, attributeFilter: ['data-draws'] });
      addEventListener('pointermove', onInput, true);
      addEventListener('mousemove', onInput, true);
      addEventListener('keydown', onInput, true);
      const timer = setTimeout(() => done(null), 1000);
    });
  }, selector);
}
const probe = (page) => page.evaluate(() => window.__benchProbe);
const draws = (page, sel) => page.evaluate((s) => Number(document.querySelector(s).dataset.draws || 0), sel);
const frames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** x positions (page coordinates) at which moving the pointer made the chart redraw. */
async function sweep(page, spec) {
  await page.locator(spec.canvas).first().scrollIntoViewIfNeeded();
  const box = await page.locator(spec.canvas).first().boundingBox();
  const y = box.y + box.height / 2;
  const found = [];
  for (let x = box.x + 2; x < box.x + box.width - 2; x += 8) {
    const before = await draws(page, spec.canvas);
    await page.mouse.move(x, y);
    await frames(page);
    if ((await draws(page, spec.canvas)) > before) found.push(x);
  }
  return { y, xs: found, scrollY: await page.evaluate(() => scrollY) };
}

async function hover(page, spec, targets) {
  const out = [];
  const { xs, y } = targets;
  // Same scroll position as when the targets were found (the page layout is the same each load).
  await page.evaluate((top) => scrollTo(0, top), targets.scrollY);
  const low = Math.ceil(xs.length / 2);
  const high = xs.length - low;
  for (let i = 0; i < HOVER_SAMPLES && xs.length >= 2; i++) {
    // Alternate between the left and the right half of the redraw positions: a new point each time.
    const x = i % 2 === 0 ? xs[(i / 2) % low] : xs[low + (((i - 1) / 2) % Math.max(1, high))];
    await arm(page, spec.canvas);
    await page.mouse.move(x, y);
    out.push(await probe(page));
  }
  return out;
}

async function keys(page, spec) {
  await page.mouse.move(0, 0);
  await page.focus(spec.keys);
  await page.waitForTimeout(100);
  const out = [];
  // Home (chitieu: the first point, whatever the pointer focused before), then right, left,
  // right, ...: every press moves to another point. The peers' handlers start before the first
  // point and ignore Home.
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(50);
  for (let i = 0; i < KEY_SAMPLES; i++) {
    await arm(page, spec.canvas);
    await page.keyboard.press(i % 2 === 0 ? 'ArrowRight' : 'ArrowLeft');
    out.push(await probe(page));
  }
  return out;
}

function fileSizes(urls) {
  const origin = new URL(base).origin;
  const seen = new Set();
  const files = [];
  for (const u of urls) {
    const url = new URL(u);
    if (url.origin !== origin) continue;
    let path = decodeURIComponent(url.pathname);
    if (path.endsWith('/')) path += 'index.html';
    if (seen.has(path)) continue;
    seen.add(path);
    const local = join(siteDir, path);
    if (!existsSync(local)) continue;
    const bytes = readFileSync(local);
    files.push({ file: path.replace(/^\//, ''), raw: bytes.length, gz: gzip(bytes).length, br: brotli(bytes).length });
  }
  const total = files.reduce((t, f) => ({ raw: t.raw + f.raw, gz: t.gz + f.gz, br: t.br + f.br }), { raw: 0, gz: 0, br: 0 });
  return { files, total };
}

const results = Object.fromEntries(
  PAGES.map((p) => [p.name, { first: [], throttled: [], heap: [], wasm: [], hover: [], keys: [], dialog: [], bytes: null, errors: [], targets: null }]),
);

const t0 = Date.now();
for (let run = 0; run < RUNS; run++) {
  // Rotate the order of the pages from run to run, so none always goes first.
  const order = PAGES.map((_, i) => PAGES[(i + run) % PAGES.length]);
  for (const spec of order) {
    const r = results[spec.name];
    {
      const { context, page, firstChart, errors, responses } = await load(spec, 1);
      r.first.push(firstChart);
      const mem = await memory(page);
      r.heap.push(mem.heap);
      r.wasm.push(mem.wasm);
      if (!r.bytes) {
        await page.waitForLoadState('networkidle').catch(() => {});
        r.bytes = fileSizes(responses);
      }
      if (!r.targets) r.targets = await sweep(page, spec);
      r.hover.push(...(await hover(page, spec, r.targets)));
      r.keys.push(...(await keys(page, spec)));
      if (spec.name === 'chitieu') r.dialog.push(await dialogOpen(page));
      r.errors.push(...errors);
      await context.close();
    }
    {
      const { context, firstChart, errors } = await load(spec, THROTTLE);
      r.throttled.push(firstChart);
      r.errors.push(...errors);
      await context.close();
    }
  }
  process.stdout.write(`bench: run ${run + 1}/${RUNS} done (${Math.round((Date.now() - t0) / 1000)} s)\n`);
}
await browser.close();

// ---- report ----------------------------------------------------------------------------------
const fmtBytes = (n) => (n === null || n === undefined ? '—' : n.toLocaleString('en-US'));
const fmtMs = (n) => (n === null || n === undefined ? '—' : n < 10 ? n.toFixed(2) : n.toFixed(1));
const fmtMiB = (n) => (n === null || n === undefined ? '—' : n === 0 ? '0 (no wasm)' : `${(n / 1048576).toFixed(2)} MiB`);
const ratio = (a, b) => (a === null || b === null || !b ? '—' : (a / b).toFixed(2));
const count = (xs) => xs.filter((v) => v !== null).length;

const rows = [
  ['first view, raw bytes (total)', (r) => r.bytes.total.raw, fmtBytes],
  ['first view, gzip -9 bytes (total)', (r) => r.bytes.total.gz, fmtBytes],
  ['first view, brotli q11 bytes (total)', (r) => r.bytes.total.br, fmtBytes],
  ['navigation → first chart drawn, ms (median)', (r) => median(r.first), fmtMs],
  [`navigation → first chart drawn, ${THROTTLE}x CPU throttling, ms (median)`, (r) => median(r.throttled), fmtMs],
  ['hover → redraw, ms (median)', (r) => median(r.hover), fmtMs],
  ['hover → redraw, ms (p95)', (r) => quantile(r.hover, 0.95), fmtMs],
  ['arrow key → redraw, ms (median)', (r) => median(r.keys), fmtMs],
  ['arrow key → redraw, ms (p95)', (r) => quantile(r.keys, 0.95), fmtMs],
  ['"Tải xuống" click → dialog open, first time in the page (second module fetched), ms (median)', (r) => (r.dialog.length ? median(r.dialog) : null), fmtMs],
  ['JS heap after load, after GC (median)', (r) => median(r.heap), fmtMiB],
  ['wasm memory after load (median)', (r) => median(r.wasm), fmtMiB],
];
const names = PAGES.map((p) => p.name);
const lines = [];
lines.push(`| figure | ${names.join(' | ')} | chitieu / Chart.js | chitieu / ECharts |`);
lines.push(`|---|${names.map(() => '--:').join('|')}|--:|--:|`);
for (const [label, get, fmt] of rows) {
  const v = names.map((n) => get(results[n]));
  lines.push(`| ${label} | ${v.map(fmt).join(' | ')} | ${ratio(v[0], v[1])} | ${ratio(v[0], v[2])} |`);
}
lines.push('');
lines.push(
  `Samples per page: ${RUNS} plain loads, ${RUNS} throttled loads, ` +
    names.map((n) => `${n} ${count(results[n].hover)} hover / ${count(results[n].keys)} key`).join(', ') +
    ' redraws (missed redraws are left out, none expected).',
);
lines.push('');
lines.push('Bytes on first view, per file (every same-origin response of the first load):');
lines.push('');
lines.push('| page | file | raw | gzip -9 | brotli q11 |');
lines.push('|---|---|--:|--:|--:|');
for (const n of names) {
  for (const f of results[n].bytes.files) lines.push(`| ${n} | \`${f.file}\` | ${fmtBytes(f.raw)} | ${fmtBytes(f.gz)} | ${fmtBytes(f.br)} |`);
}
const errors = names.flatMap((n) => results[n].errors.map((e) => `${n}: ${e}`));
if (errors.length) {
  lines.push('');
  lines.push(`Page errors during the run (${errors.length}): ${[...new Set(errors)].slice(0, 5).join(' | ')}`);
}

const cpu = cpus();
const machine =
  `${new Date().toISOString().replace(/\.\d+Z$/, 'Z')} · ${cpu.length} × ${cpu[0] ? cpu[0].model.trim() : '?'} · ` +
  `${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM · ${platform()} ${release()} · node ${process.version} · ` +
  `Chromium ${browserVersion} headless (playwright-core) · served by python3 http.server on 127.0.0.1 (no compression, cold cache per load)`;
const block = [`Measured ${machine}.`, '', ...lines].join('\n');

console.log('');
console.log(block);

const BEGIN = '<!-- bench:begin (written by bench/bench.mjs; edit outside the markers) -->';
const END = '<!-- bench:end -->';
let doc = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : `# Benchmark results\n\n${BEGIN}\n${END}\n`;
const a = doc.indexOf(BEGIN);
const b = doc.indexOf(END);
doc = a >= 0 && b > a ? `${doc.slice(0, a + BEGIN.length)}\n${block}\n${doc.slice(b)}` : `${doc}\n${BEGIN}\n${block}\n${END}\n`;
writeFileSync(RESULTS, doc);
console.log(`\nbench: wrote ${RESULTS.pathname}`);
const missed = names.filter((n) => count(results[n].hover) < RUNS || count(results[n].keys) < RUNS);
if (missed.length) {
  console.error(`bench: too few redraw samples for ${missed.join(', ')} (need >= ${RUNS})`);
  process.exit(1);
}
