#!/usr/bin/env node
// First paint of several pages, compared in one interleaved run: for each of RUNS rounds, one
// cold load of every URL in turn (fresh browser context, 1280 x 800), so that the machine's drift
// falls on all of them alike. Prints the median of domInteractive, first contentful paint and
// the pointer module's start (`chitieu:hover` mark) per URL.
//
//   node bench/first-paint.mjs RUNS CPU_RATE URL...     (CPU_RATE 0: no throttling, 4: 4x)
//
// A tool for questions like "what does this part of the page cost before the first paint?":
// serve variants of a built page (cut after a part, a rule added) beside the page itself and
// compare. bench/results.md says which questions it answered. Not a test; bench/bench.mjs is
// the benchmark.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/lib.mjs';

const [runs, cpu, ...urls] = process.argv.slice(2);
if (!runs || !cpu || !urls.length) {
  console.error('usage: node bench/first-paint.mjs RUNS CPU_RATE URL...');
  process.exit(2);
}
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const median = (xs) => {
  const s = xs.filter((x) => x >= 0).sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};
const rows = urls.map(() => []);
for (let i = 0; i < Number(runs); i++) {
  for (const [k, url] of urls.entries()) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    if (Number(cpu) > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(cpu) });
    await page.goto(url, { waitUntil: 'load' });
    // The paint timing entry comes with the frame's presentation, after the frame.
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
    await page.waitForTimeout(200);
    rows[k].push(await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      const hover = performance.getEntriesByName('chitieu:hover')[0];
      return [nav.domInteractive, fcp.startTime, hover ? hover.startTime : -1];
    }));
    await context.close();
  }
}
for (const [k, url] of urls.entries()) {
  const [dom, fcp, hover] = [0, 1, 2].map((c) => median(rows[k].map((r) => r[c])));
  console.log(`${new URL(url).pathname.padEnd(40)} domInteractive ${dom.toFixed(0)}  first contentful paint ${fcp.toFixed(0)}  pointer module ${Number.isNaN(hover) ? '-' : hover.toFixed(0)}  (ms, median of ${runs})`);
}
await browser.close();
