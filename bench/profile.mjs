#!/usr/bin/env node
// Start-up profile of chitieu's default page (issue 13, item 4): what the browser's main thread
// spends its time on (a) from navigation until the pre-rendered chart is visible and the pointer
// module answers, and (b) from a reader's first use of a control until the app has taken the page
// over and answered it. Chromium trace events (devtools.timeline, v8, blink) of the renderer's main
// thread, summed by name; plain and with 4x CPU throttling; medians over RUNS loads.
//
//   node bench/profile.mjs URL [RUNS]     (URL: the release build served as docs/hosting.md says)
//
// Not a test, and separate from bench/bench.mjs (tracing costs time of its own: the benchmark's
// timings are taken without it). Prints a Markdown section for bench/results.md.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/lib.mjs';

const [url, runsArg] = process.argv.slice(2);
if (!url) {
  console.error('usage: node bench/profile.mjs URL [RUNS]');
  process.exit(2);
}
const RUNS = Number(runsArg || 5);
const CATEGORIES = ['devtools.timeline', 'v8', 'v8.wasm', 'blink', 'loading', 'disabled-by-default-devtools.timeline'];
// Events that contain others of the list (a task contains its script, its layout, …): left out
// of the sums so that nothing is counted twice; the top-level tasks give the total.
const CONTAINERS = new Set(['RunTask', 'ThreadControllerImpl::RunTask', 'TaskQueueManager::ProcessTaskFromWorkQueue']);

const median = (xs) => {
  const s = xs.filter((x) => x != null).sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : null;
};

/** Sums complete events of the renderer's main thread between two trace times (µs), by name. */
function summarise(trace, from, to) {
  const events = trace.traceEvents;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const sums = new Map();
  let busy = 0;
  for (const e of events) {
    if (!main || e.pid !== main.pid || e.tid !== main.tid || e.ph !== 'X' || !e.dur) continue;
    if (e.ts < from || e.ts > to) continue;
    if (CONTAINERS.has(e.name)) {
      busy += e.dur;
      continue;
    }
    sums.set(e.name, (sums.get(e.name) || 0) + e.dur);
  }
  return { busy: busy / 1000, byName: Object.fromEntries([...sums].map(([k, v]) => [k, v / 1000])) };
}

/** The trace time (µs) of a performance mark or of navigation start. */
function markTime(trace, name) {
  const e = trace.traceEvents.find((ev) => ev.name === name && (ev.cat || '').includes('blink.user_timing'));
  return e ? e.ts : null;
}

async function once(browser, cpu) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  await browser.startTracing(page, { categories: [...CATEGORIES, 'blink.user_timing'] });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => performance.getEntriesByName('chitieu:hover').length > 0, null, { timeout: 30000 });
  const load = await page.evaluate(() => {
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    const hover = performance.getEntriesByName('chitieu:hover')[0];
    return { fcp: paint?.startTime ?? null, hover: hover?.startTime ?? null };
  });
  await page.waitForTimeout(300);
  // (b) the reader's first use of a control: the English button.
  const clicked = await page.evaluate(() => performance.now());
  await page.locator('.lang-switch button', { hasText: 'EN' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'en' && performance.getEntriesByName('chitieu:app').length > 0, null, { timeout: 60000 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const takeover = await page.evaluate((t0) => {
    const app = performance.getEntriesByType('resource').find((e) => /\/chitieu-[0-9a-f]+_bg\.wasm$/.test(new URL(e.name).pathname));
    const mark = performance.getEntriesByName('chitieu:app')[0];
    return {
      answered: performance.now() - t0,
      wasmFetched: app ? app.responseEnd - t0 : null,
      appStarted: mark ? mark.startTime - t0 : null,
    };
  }, clicked);
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
  await context.close();
  const nav = trace.traceEvents.find((e) => e.name === 'navigationStart' || e.name === 'NavigationTiming');
  const start = nav ? nav.ts : Math.min(...trace.traceEvents.filter((e) => e.ts > 0).map((e) => e.ts));
  const hoverAt = markTime(trace, 'chitieu:hover') ?? start + load.hover * 1000;
  const end = Math.max(...trace.traceEvents.filter((e) => e.ts > 0).map((e) => e.ts + (e.dur || 0)));
  return {
    load,
    takeover,
    before: summarise(trace, start, hoverAt),
    after: summarise(trace, hoverAt + 250_000, end),
  };
}

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const out = [];
out.push(`Start-up profile (\`node bench/profile.mjs\`, ${RUNS} loads per row, medians; main thread of the page, Chromium trace events summed by name, ms):`);
out.push('');
for (const cpu of [1, 4]) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await once(browser, cpu));
  const label = cpu > 1 ? `${cpu}x CPU throttling` : 'no throttling';
  const top = (key) => {
    const names = new Set(runs.flatMap((r) => Object.keys(r[key].byName)));
    return [...names]
      .map((n) => [n, median(runs.map((r) => r[key].byName[n] ?? 0))])
      .filter(([, v]) => v >= 0.5)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([n, v]) => `${n} ${v.toFixed(1)}`)
      .join(', ');
  };
  out.push(`- **${label}**, load: first contentful paint ${median(runs.map((r) => r.load.fcp)).toFixed(0)} ms, pointer module started ${median(runs.map((r) => r.load.hover)).toFixed(0)} ms; main thread busy ${median(runs.map((r) => r.before.busy)).toFixed(1)} ms until then — ${top('before')}.`);
  out.push(`- **${label}**, first click on a control (EN): app wasm fetched after ${median(runs.map((r) => r.takeover.wasmFetched)).toFixed(0)} ms, app started (hydrated) after ${median(runs.map((r) => r.takeover.appStarted)).toFixed(0)} ms, the click answered (page in English) after ${median(runs.map((r) => r.takeover.answered)).toFixed(0)} ms; main thread busy ${median(runs.map((r) => r.after.busy)).toFixed(1)} ms — ${top('after')}.`);
}
await browser.close();
console.log(out.join('\n'));
