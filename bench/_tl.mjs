// timeline of main-thread tasks for one load: node _tl.mjs URL [cpu]
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/lib.mjs';
const [url, cpu] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const page = await ctx.newPage();
const cdp = await ctx.newCDPSession(page);
if (cpu) await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(cpu) });
await browser.startTracing(page, { categories: ['devtools.timeline', 'v8', 'v8.wasm', 'blink', 'loading', 'disabled-by-default-devtools.timeline'] });
await page.goto(url, { waitUntil: 'load' });
await page.waitForTimeout(500);
const buf = await browser.stopTracing();
const trace = JSON.parse(buf.toString());
const ev = trace.traceEvents;
const main = ev.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && ev.some((x) => x.pid === e.pid && x.name === 'ParseHTML'));
const nav = ev.find((e) => e.name === 'navigationStart' && e.pid === main.pid) || ev.find((e)=>e.name==='TracingStartedInBrowser');
const t0 = nav.ts;
const mine = ev.filter((e) => e.pid === main.pid && e.tid === main.tid);
const marks = mine.filter((e) => ['firstContentfulPaint', 'firstPaint', 'domInteractive', 'domContentLoadedEventEnd', 'MarkDOMContent', 'chitieu:hover'].includes(e.name) || (e.cat||'').includes('blink.user_timing'));
for (const m of marks) console.log(`MARK ${((m.ts - t0) / 1000).toFixed(1)} ${m.name}`);
const tasks = mine.filter((e) => e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.dur > 1500).sort((a, b) => a.ts - b.ts);
for (const t of tasks) {
  const kids = mine.filter((e) => e.ph === 'X' && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e !== t && e.dur > 1000 && !['RunTask','ThreadControllerImpl::RunTask'].includes(e.name));
  const sums = new Map();
  for (const k of kids) sums.set(k.name, (sums.get(k.name) || 0) + k.dur);
  const top = [...sums].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([n, d]) => `${n} ${(d / 1000).toFixed(1)}`).join(', ');
  console.log(`${((t.ts - t0) / 1000).toFixed(1)} +${(t.dur / 1000).toFixed(1)}  ${top}`);
}
// other threads of the renderer: big events
const names = new Map(ev.filter((e) => e.name === 'thread_name' && e.pid === main.pid).map((e) => [e.tid, e.args.name]));
const others = ev.filter((e) => e.pid === main.pid && e.tid !== main.tid && e.ph === 'X' && e.dur > 3000 && e.ts - t0 < 400000).sort((a, b) => a.ts - b.ts);
for (const e of others.slice(0, 40)) console.log(`  [${names.get(e.tid)}] ${((e.ts - t0) / 1000).toFixed(1)} +${(e.dur / 1000).toFixed(1)} ${e.name}`);
const gpu = ev.filter((e) => e.pid !== main.pid && e.ph === 'X' && e.dur > 3000 && e.ts - t0 < 400000 && e.ts > t0).sort((a, b) => a.ts - b.ts);
for (const e of gpu.slice(0, 30)) console.log(`  {pid ${e.pid}} ${((e.ts - t0) / 1000).toFixed(1)} +${(e.dur / 1000).toFixed(1)} ${e.name}`);
await browser.close();
