#!/usr/bin/env node
// chitieu's benchmark against two peer pages (Chart.js, Apache ECharts) drawing the same figure,
// all served by nginx with the project's hosting configuration (docs/hosting/nginx.conf:
// precompressed brotli/gzip, cache headers, the strict CSP) on 127.0.0.1, and measured in the
// same run, in headless Chromium (Debian's, through playwright-core, flags as in tests/e2e/lib.mjs).
//
//   node bench/bench.mjs URL SITE_DIR [PEERS_URL]   (scripts/bench.sh builds, assembles and serves)
//
// PEERS_URL serves the same SITE_DIR for the peer pages with the same configuration less the CSP
// header (ECharts sets inline styles for its tooltip, which the strict policy forbids; under it,
// every hover logged violations and cost the peer time). Default: URL.
//
// Pages: chitieu's default page, chitieu's compact embed (embed-grdp_growth.html, pre-rendered), and the
// two peers. Every page load is a fresh browser context (cold cache, no service worker). Profiles,
// two loads each per run and page (one untouched, one with the pointer held):
//   plain       no throttling;
//   cpu4x       4x CPU throttling (CDP Emulation.setCPUThrottlingRate);
//   net-9mbit   9 Mbit/s down, 1.5 Mbit/s up, 40 ms round trip (CDP Network.emulateNetworkConditions);
//   net-1.6mbit 1.6 Mbit/s down, 0.75 Mbit/s up, 150 ms round trip (Lighthouse's "slow 4G").
// From navigation start (the page's own clock), in the untouched load:
//   - first contentful paint (the paint timing entry);
//   - first chart visible: the first animation frame after the page's own performance mark for
//     its first chart draw (chitieu:first-chart, peer:first-chart), or, if earlier, the first
//     frame in which an inline <svg class="chart-svg"> of at least 200 x 100 px is in #chitieu (a
//     chart pre-rendered in the HTML); in both cases not before the first contentful paint;
//   - page interactive (in the other load): the pointer is held over a data point from the moment the navigation
//     commits (moved by 1 px every ~20 ms, real input through Playwright), and the time is when
//     the page first shows its tooltip for it (chitieu: .chart-tooltip.shown; the peers set
//     data-tooltip on <body> from their library's tooltip hook), and not before the chart is visible;
//   - bytes before the first chart is visible: the compressed bytes (encodedBodySize) of the
//     whole document and of every resource that had finished loading by then (Resource Timing).
// In the plain load only, after that: JS heap (after a forced GC) and wasm memory; HOVER_SAMPLES
// pointer moves and KEY_SAMPLES arrow keys, each timed from the input event's timeStamp to the
// chart's response counter going up (data-draws of the peers' canvas; chitieu's data-shows); for chitieu's default page, a click on "Tải xuống"
// until its dialog is open (the first time, so it includes fetching the second wasm module).
// Bytes on first view: every same-origin response of a plain load, as sent over the wire
// (encodedBodySize) and as the files in SITE_DIR compress (brotli q11, gzip -9).
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
const VIEWPORT = { width: 1280, height: 800 };
const RESULTS = new URL('./results.md', import.meta.url);

const [base, siteDir, peersBase = base] = process.argv.slice(2);
if (!base || !siteDir) {
  console.error('usage: node bench/bench.mjs URL SITE_DIR');
  process.exit(2);
}

const mbit = (n) => (n * 1e6) / 8; // bytes per second
const PROFILES = [
  { name: 'plain', label: 'no throttling' },
  { name: 'cpu4x', label: '4x CPU throttling', cpu: 4 },
  { name: 'net-9mbit', label: '9 Mbit/s, 40 ms RTT', net: { latency: 40, downloadThroughput: mbit(9), uploadThroughput: mbit(1.5) } },
  { name: 'net-1.6mbit', label: '1.6 Mbit/s, 150 ms RTT', net: { latency: 150, downloadThroughput: mbit(1.6), uploadThroughput: mbit(0.75) } },
];

// draws: the element whose data-<counter> attribute counts the chart's responses to the pointer
// and the keys (the peers redraw their canvas: data-draws; chitieu's pointer module moves a ring
// and a tooltip above a drawing that stays: data-shows); plot: the chart's box, swept by the
// pointer; keys: what takes the arrow keys.
const CHITIEU = { base, mark: 'chitieu:first-chart', draws: '.chart-stage', counter: 'shows', plot: '.chart-plot', keys: '.chart-plot', tooltip: '.chart-tooltip.shown', prerendered: '#chitieu svg.chart-svg' };
const PEER = { mark: 'peer:first-chart', counter: 'draws', tooltip: 'body[data-tooltip]', prerendered: null, base: peersBase };
const PAGES = [
  { name: 'chitieu', path: '', ...CHITIEU, dialog: true },
  // The compact embed as the Embed dialog and embed.js write it: the indicator's pre-rendered page.
  { name: 'chitieu embed', path: 'embed-grdp_growth.html', ...CHITIEU },
  { name: 'Chart.js', path: 'peers/chartjs.html', ...PEER, draws: '#chart', plot: '#chart', keys: '#chart' },
  { name: 'ECharts', path: 'peers/echarts.html', ...PEER, draws: '#chart canvas', plot: '#chart canvas', keys: '#chart' },
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

/**
 * Runs in every document from its start: records when a pre-rendered chart is first there, and
 * when the tooltip first shows (both in the page's clock); keeps the wasm exports for memory.
 */
function probes({ mark, tooltip, prerendered }) {
  addEventListener('TrunkApplicationStarted', (e) => { window.__benchWasm = e.detail && e.detail.wasm; });
  addEventListener('chitieu:hover-started', (e) => { window.__benchHoverWasm = e.detail && e.detail.wasm; });
  window.__bench = { interactive: null, prerendered: null, drawnFrame: null, cspViolations: 0 };
  // The page marks its first chart right after drawing it; the chart is on screen with the next
  // frame the page renders, whatever else the page does first in that task.
  const markFn = performance.mark.bind(performance);
  performance.mark = (name, ...rest) => {
    const entry = markFn(name, ...rest);
    if (name === mark && window.__bench.drawnFrame === null) {
      requestAnimationFrame(() => { if (window.__bench.drawnFrame === null) window.__bench.drawnFrame = performance.now(); });
    }
    return entry;
  };
  document.addEventListener('securitypolicyviolation', () => { window.__bench.cspViolations++; });
  let framePending = false;
  const check = () => {
    if (window.__bench.interactive === null && document.querySelector(tooltip)) window.__bench.interactive = performance.now();
    if (prerendered && window.__bench.prerendered === null && !framePending && document.querySelector(prerendered)) {
      // Measure on the next frame, when layout is done anyway (not during parsing).
      framePending = true;
      requestAnimationFrame(() => {
        framePending = false;
        const big = [...document.querySelectorAll(prerendered)].some((el) => {
          const r = el.getBoundingClientRect();
          return r.width >= 200 && r.height >= 100;
        });
        if (big && window.__bench.prerendered === null) window.__bench.prerendered = performance.now();
      });
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['class', 'data-tooltip'] });
}

/**
 * One cold load of `spec` under `profile`. With `target` (a data point's page coordinates), the
 * pointer is held over it from the navigation's commit until the tooltip shows.
 */
async function load(spec, profile, target) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  page.setDefaultTimeout(60000);
  const errors = [];
  const responses = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('response', (r) => responses.push(r.url()));
  await page.addInitScript(probes, { mark: spec.mark, tooltip: spec.tooltip, prerendered: spec.prerendered });
  const cdp = await context.newCDPSession(page);
  if (profile.cpu) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  if (profile.net) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...profile.net });
  }
  await page.goto(new URL(spec.path, spec.base).href, { waitUntil: 'commit' });
  if (target) {
    // Hold the pointer over the point until the page answers it (scrolled to where the point was
    // found, if it is below the fold).
    const t0 = Date.now();
    for (let i = 0; Date.now() - t0 < 20000; i++) {
      const state = await page.evaluate((top) => {
        if (top && scrollY !== top) scrollTo(0, top);
        return window.__bench ? window.__bench.interactive : null;
      }, target.scrollY).catch(() => null);
      if (state !== null) break;
      await page.mouse.move(target.x + (i % 2), target.y);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  // A load nobody touches is left alone until its load event: Playwright's waiting functions run
  // a script of their own in the page (and poll it every frame), which cost the page being
  // measured ~8 ms of first paint (~30 ms on the full page; 9 interleaved loads each, 2026-12-01)
  // while it was still being parsed. The peers are measured the same way.
  if (!target) await page.waitForLoadState('load');
  // Drawn by the page's script (its first-chart mark), or already in the HTML (pre-rendered).
  await page.waitForFunction(() => window.__bench && (window.__bench.drawnFrame !== null || window.__bench.prerendered !== null), null, { timeout: 60000 });
  await page.waitForLoadState('load');
  // The paint timing entry comes with the frame's presentation, a little after the frame: wait
  // for it (nothing counts as visible before it).
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { timeout: 60000 });
  const t = await page.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    const b = window.__bench;
    // Nothing is on screen before the first contentful paint.
    const onScreen = (ms) => (fcp ? Math.max(ms, fcp.startTime) : ms);
    const visible = Math.min(onScreen(b.drawnFrame), b.prerendered !== null ? onScreen(b.prerendered) : Infinity);
    const nav = performance.getEntriesByType('navigation')[0];
    // The document always counts, whole: on a slow line the chart can be painted before the
    // last bytes of its page have arrived (the tables come after it).
    const before = [nav, ...performance.getEntriesByType('resource')]
      .filter((e) => e === nav || (e.responseEnd > 0 && e.responseEnd <= visible))
      .reduce((n, e) => n + e.encodedBodySize, 0);
    // A tooltip shown in the same task as the first chart is seen with it, not before.
    const interactive = b.interactive === null ? null : Math.max(b.interactive, visible);
    return { fcp: fcp ? fcp.startTime : null, firstChart: visible, interactive, bytesBefore: before, csp: b.cspViolations };
  });
  if (t.csp) errors.push(`${t.csp} CSP violation(s)`);
  return { context, page, errors, responses, ...t };
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
  if ((await page.locator('.export-downloads').count()) === 0) return null;
  await page.click('.export-downloads');
  const ms = await armed;
  await page.keyboard.press('Escape');
  return ms;
}

async function memory(page) {
  await page.waitForTimeout(300);
  return page.evaluate(() => {
    if (typeof window.gc === 'function') window.gc();
    const bytes = (exports) => (exports && exports.memory ? exports.memory.buffer.byteLength : 0);
    return {
      heap: performance.memory ? performance.memory.usedJSHeapSize : null,
      wasm: bytes(window.__benchWasm) + bytes(window.__benchHoverWasm),
    };
  });
}

/** Arms a probe in the page: resolves with ms from the next input event to the chart's next
 * response (its data-<counter> going up). */
function arm(page, selector, counter) {
  return page.evaluate(([sel, key]) => {
    const el = document.querySelector(sel);
    let start = Number(el.dataset[key] || 0);
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
        const now = Number(el.dataset[key] || 0);
        // A draw before the input event belongs to an earlier input: keep waiting.
        if (t0 === null) start = now;
        else if (now > start) done(performance.now() - t0);
      });
      observer.observe(el, { attributes: true, attributeFilter: [`data-${key}`] });
      addEventListener('pointermove', onInput, true);
      addEventListener('mousemove', onInput, true);
      addEventListener('keydown', onInput, true);
      const timer = setTimeout(() => done(null), 1000);
    });
  }, [selector, counter]);
}
const probe = (page) => page.evaluate(() => window.__benchProbe);
const draws = (page, spec) => page.evaluate(([s, key]) => Number(document.querySelector(s).dataset[key] || 0), [spec.draws, spec.counter]);
const frames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** x positions (page coordinates) at which moving the pointer made the chart redraw. */
async function sweep(page, spec) {
  await page.locator(spec.plot).first().scrollIntoViewIfNeeded();
  const box = await page.locator(spec.plot).first().boundingBox();
  const y = box.y + box.height / 2;
  const found = [];
  for (let x = box.x + 2; x < box.x + box.width - 2; x += 8) {
    const before = await draws(page, spec);
    await page.mouse.move(x, y);
    await frames(page);
    if ((await draws(page, spec)) > before) found.push(x);
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
    await arm(page, spec.draws, spec.counter);
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
    await arm(page, spec.draws, spec.counter);
    await page.keyboard.press(i % 2 === 0 ? 'ArrowRight' : 'ArrowLeft');
    out.push(await probe(page));
  }
  return out;
}

/** Same-origin responses of a load: sizes over the wire (Resource Timing) and of the files. */
async function fileSizes(page, urls, pageBase) {
  const origin = new URL(pageBase).origin;
  const wire = await page.evaluate(() => Object.fromEntries(
    [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map((e) => [e.name, e.encodedBodySize]),
  ));
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
    files.push({ file: path.replace(/^\//, ''), raw: bytes.length, gz: gzip(bytes).length, br: brotli(bytes).length, wire: wire[u] ?? null });
  }
  const sum = (k) => files.reduce((t, f) => t + (f[k] ?? 0), 0);
  return { files, total: { raw: sum('raw'), gz: sum('gz'), br: sum('br'), wire: sum('wire') } };
}

const results = Object.fromEntries(PAGES.map((p) => [p.name, {
  ...Object.fromEntries(PROFILES.map((pr) => [pr.name, { fcp: [], first: [], interactive: [], before: [] }])),
  heap: [], wasm: [], hover: [], keys: [], dialog: [], bytes: null, errors: [], targets: null,
}]));

// Where each page's data points are (one load, not counted): the interactive probe hovers there.
for (const spec of PAGES) {
  const { context, page, errors } = await load(spec, PROFILES[0], null);
  await page.waitForLoadState('networkidle').catch(() => {});
  results[spec.name].targets = await sweep(page, spec);
  results[spec.name].errors.push(...errors);
  await context.close();
  const t = results[spec.name].targets;
  if (t.xs.length < 2) throw new Error(`${spec.name}: hovering the chart never redraws it (${JSON.stringify(t)})`);
}

const t0 = Date.now();
for (let run = 0; run < RUNS; run++) {
  // Rotate the order of the pages from run to run, so none always goes first.
  const order = PAGES.map((_, i) => PAGES[(i + run) % PAGES.length]);
  for (const spec of order) {
    const r = results[spec.name];
    const { xs, y, scrollY } = r.targets;
    const target = { x: xs[Math.floor(xs.length / 2)], y, scrollY };
    for (const profile of PROFILES) {
      // First paint and first chart in a load nobody touches; page interactive in a load of its
      // own with the pointer held from the commit: a pointer moving over a page that is still
      // being parsed makes the browser hit-test it, laying out the partial page again and again,
      // which slowed the very first paint being measured (more so on a bigger page).
      const loaded = await load(spec, profile, null);
      const { context, page, errors, responses } = loaded;
      const m = r[profile.name];
      m.fcp.push(loaded.fcp);
      m.first.push(loaded.firstChart);
      m.before.push(loaded.bytesBefore);
      const held = await load(spec, profile, target);
      m.interactive.push(held.interactive);
      r.errors.push(...held.errors);
      await held.context.close();
      r.errors.push(...errors);
      if (profile.name === 'plain') {
        const mem = await memory(page);
        r.heap.push(mem.heap);
        r.wasm.push(mem.wasm);
        if (!r.bytes) {
          await page.waitForLoadState('networkidle').catch(() => {});
          r.bytes = await fileSizes(page, responses, spec.base);
        }
        r.hover.push(...(await hover(page, spec, r.targets)));
        r.keys.push(...(await keys(page, spec)));
        if (spec.dialog) r.dialog.push(await dialogOpen(page));
      }
      await context.close();
    }
  }
  process.stdout.write(`bench: run ${run + 1}/${RUNS} done (${Math.round((Date.now() - t0) / 1000)} s)\n`);
}
await browser.close();

// ---- report ----------------------------------------------------------------------------------
const fmtBytes = (n) => (n === null || n === undefined ? '—' : Math.round(n).toLocaleString('en-US'));
const fmtMs = (n) => (n === null || n === undefined ? '—' : n < 10 ? n.toFixed(2) : n.toFixed(1));
const fmtMiB = (n) => (n === null || n === undefined ? '—' : n === 0 ? '0 (no wasm)' : `${(n / 1048576).toFixed(2)} MiB`);
const ratio = (a, b) => (a === null || b === null || !b ? '—' : (a / b).toFixed(2));
const count = (xs) => xs.filter((v) => v !== null).length;

const rows = [
  ['first view, raw bytes (total)', (r) => r.bytes.total.raw, fmtBytes],
  ['first view, gzip -9 bytes (total)', (r) => r.bytes.total.gz, fmtBytes],
  ['first view, brotli q11 bytes (total)', (r) => r.bytes.total.br, fmtBytes],
  ['first view, bytes over the wire from nginx (total, Content-Encoding br)', (r) => r.bytes.total.wire, fmtBytes],
  ['bytes over the wire before the first chart is visible (1.6 Mbit/s profile, median)', (r) => median(r['net-1.6mbit'].before), fmtBytes],
];
for (const p of PROFILES) {
  rows.push([`first contentful paint, ${p.label}, ms (median)`, (r) => median(r[p.name].fcp), fmtMs]);
  rows.push([`**first chart visible**, ${p.label}, ms (median)`, (r) => median(r[p.name].first), fmtMs]);
  rows.push([`page interactive (a hover shows the tooltip), ${p.label}, ms (median)`, (r) => median(r[p.name].interactive), fmtMs]);
}
rows.push(
  ['hover → chart responds (peers: redraw; chitieu: ring and tooltip moved), ms (median)', (r) => median(r.hover), fmtMs],
  ['hover → chart responds, ms (p95)', (r) => quantile(r.hover, 0.95), fmtMs],
  ['arrow key → chart responds, ms (median)', (r) => median(r.keys), fmtMs],
  ['arrow key → chart responds, ms (p95)', (r) => quantile(r.keys, 0.95), fmtMs],
  ['"Tải xuống" click → dialog open, first time in the page (second module fetched), ms (median)', (r) => (r.dialog.length ? median(r.dialog) : null), fmtMs],
  ['JS heap after load, after GC (median)', (r) => median(r.heap), fmtMiB],
  ['wasm memory after load, every module started (median)', (r) => median(r.wasm), fmtMiB],
);
const names = PAGES.map((p) => p.name);
const lines = [];
lines.push(`| figure | ${names.join(' | ')} | chitieu / Chart.js | embed / Chart.js | chitieu / ECharts |`);
lines.push(`|---|${names.map(() => '--:').join('|')}|--:|--:|--:|`);
for (const [label, get, fmt] of rows) {
  const v = names.map((n) => get(results[n]));
  lines.push(`| ${label} | ${v.map(fmt).join(' | ')} | ${ratio(v[0], v[2])} | ${ratio(v[1], v[2])} | ${ratio(v[0], v[3])} |`);
}
lines.push('');
lines.push(
  `Samples per page: ${RUNS} loads in each of the ${PROFILES.length} profiles; ` +
    names.map((n) => `${n} ${count(results[n].hover)} hover / ${count(results[n].keys)} key`).join(', ') +
    ' redraws (missed redraws are left out, none expected); page interactive measured in ' +
    names.map((n) => `${n} ${PROFILES.map((p) => count(results[n][p.name].interactive)).join('/')}`).join(', ') +
    ` of ${RUNS} loads per profile (${PROFILES.map((p) => p.name).join('/')}).`,
);
lines.push('');
lines.push('Bytes on first view, per file (every same-origin response of a plain load):');
lines.push('');
lines.push('| page | file | raw | gzip -9 | brotli q11 | over the wire |');
lines.push('|---|---|--:|--:|--:|--:|');
for (const n of names) {
  for (const f of results[n].bytes.files) lines.push(`| ${n} | \`${f.file}\` | ${fmtBytes(f.raw)} | ${fmtBytes(f.gz)} | ${fmtBytes(f.br)} | ${fmtBytes(f.wire)} |`);
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
  `Chromium ${browserVersion} headless (playwright-core) · served by nginx on 127.0.0.1 with docs/hosting/nginx.conf ` +
  '(precompressed brotli; the peers without its CSP header) · cold cache per load · a shared machine: other builds and tests ran at the same time';
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
