// Stable on every desktop: where a classic scrollbar comes and goes (a window, or an iframe,
// within a few pixels of the page's own height), the chart's size settles after one change of its
// box instead of redrawing for ever (narrower chart -> shorter page -> no scrollbar -> wider
// chart -> taller page -> scrollbar -> ...). Headless Chromium hides scrollbars by default, so
// Chromium is launched here with them shown (Playwright's `--hide-scrollbars` left out); Firefox
// shows them as it is. Counts the chart's paints (the chart stage's data-draws attribute) over
// 1.5 s after every resize: at most one per real resize, and none in the last 0.5 s (idle).
import { checks, launchBrowser, openPage as openChromiumPage, startServer, waitForFirstChart } from './lib.mjs';

export const engines = ['chromium', 'firefox'];

const EMBED = '?embed=1&indicator=grdp_growth';
const WIDTH = 760;
const WINDOW_MS = 1500;
const IDLE_MS = 500;
const AROUND = 10;

/** ctx.openPage in Firefox (scrollbars shown already); in Chromium, the scrollbar browser's. */
async function opener({ engine, openPage }) {
  if (engine !== 'chromium') return { open: openPage, close: async () => {} };
  // Chromium with classic scrollbars shown, for this file only.
  const browser = await launchBrowser({ scrollbars: true });
  return { open: (u, o) => openChromiumPage(browser, u, o), close: () => browser.close() };
}

const draws = (frame) => frame.evaluate(() => Number(document.querySelector('.chart-stage')?.dataset.draws || 0));
const contentHeight = (frame) =>
  frame.evaluate(() => Math.ceil(Math.max(document.body.scrollHeight, document.documentElement.getBoundingClientRect().height)));
const scrollbarWidth = (frame) => frame.evaluate(() => innerWidth - document.documentElement.clientWidth);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Window heights to try, tallest first: every pixel from 2 px below to 2 px above the band
 * between the page's two heights (with and without a scrollbar), where the loop lives, and every
 * third pixel out to AROUND px beyond it; then up through the band again.
 */
function sweep(a, b) {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  const out = [];
  for (let h = hi + AROUND; h > hi + 2; h -= 3) out.push(h);
  for (let h = hi + 2; h >= lo - 2; h--) out.push(h);
  for (let h = lo - 5; h >= lo - AROUND; h -= 3) out.push(h);
  // And back up through the band: the scrollbar then goes away instead of coming.
  for (let h = lo - 2; h <= hi + 2; h++) out.push(h);
  return out;
}

/**
 * For each height: resize (through `resize(h)`), then count the chart's draws in `frame` over
 * WINDOW_MS; the last IDLE_MS must have none. Returns one line per height that broke a rule.
 */
async function countDraws(frame, heights, resize, maxPerResize) {
  const bad = [];
  const seen = [];
  for (const h of heights) {
    const before = await draws(frame);
    await resize(h);
    await sleep(WINDOW_MS - IDLE_MS);
    const mid = await draws(frame);
    await sleep(IDLE_MS);
    const after = await draws(frame);
    const bar = await scrollbarWidth(frame).catch(() => '?');
    seen.push(`${h}:${after - before}${bar ? 's' : ''}`);
    if (after - before > maxPerResize || after !== mid) bad.push(`height ${h}: ${after - before} draws (${after - mid} in the last ${IDLE_MS} ms)`);
  }
  return { bad, seen: seen.join(' ') };
}

export const timeoutMs = 150000;

export default {
  async 'window heights around the compact embed\'s own height: at most one redraw per resize, none idle'(ctx) {
    const { open, close } = await opener(ctx);
    try {
      const { page, log } = await open(new URL(EMBED, ctx.url).href, { viewport: { width: WIDTH, height: 400 } });
      await waitForFirstChart(page, 20000, log);
      const c = checks();
      await sleep(500);
      const bar = await scrollbarWidth(page);
      // Without a classic scrollbar the loop cannot happen, and this test would prove nothing.
      c.check('a classic scrollbar is shown on a page taller than the window', bar > 0, `scrollbar width ${bar}`);
      const withBar = await contentHeight(page);
      await page.setViewportSize({ width: WIDTH, height: 4000 });
      await sleep(800);
      const withoutBar = await contentHeight(page);
      const heights = sweep(withBar, withoutBar);
      const d0 = await draws(page);
      await sleep(1000);
      c.check('no draw while idle after load', (await draws(page)) === d0);
      const { bad, seen } = await countDraws(page, heights, (h) => page.setViewportSize({ width: WIDTH, height: h }), 1);
      c.check(`page ${withBar} px with a scrollbar, ${withoutBar} px without; window heights ${Math.min(...heights)}–${Math.max(...heights)}`, bad.length === 0, `${bad.join('; ')} [height:draws, s = scrollbar shown: ${seen}]`);
      c.throwIfFailed();
    } finally {
      await close();
    }
  },

  async 'an iframe fixed at heights around the embed\'s own height: at most one redraw per resize, none idle'(ctx) {
    const { open, close } = await opener(ctx);
    const src = new URL(EMBED, ctx.url).href;
    const host = await startServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>host</title>
<style>body{margin:0}iframe{display:block;border:0;width:${WIDTH}px;height:400px}</style></head>
<body><iframe id="f" src="${src}" title="chitieu"></iframe></body></html>`);
    });
    try {
      const { page } = await open(`${host.origin}/`, { viewport: { width: 1000, height: 800 } });
      const frame = await (await page.$('#f')).contentFrame();
      await waitForFirstChart(frame, 20000);
      const c = checks();
      const setHeight = (h) => page.evaluate((px) => { document.getElementById('f').style.height = `${px}px`; }, h);
      await sleep(500);
      const bar = await scrollbarWidth(frame);
      c.check('the framed page shows a classic scrollbar when taller than the frame', bar > 0, `scrollbar width ${bar}`);
      const withBar = await contentHeight(frame);
      await setHeight(4000);
      await sleep(800);
      const withoutBar = await contentHeight(frame);
      const heights = sweep(withBar, withoutBar);
      await page.setViewportSize({ width: 1000, height: Math.max(...heights) + 100 });
      const { bad, seen } = await countDraws(frame, heights, setHeight, 1);
      c.check(`framed page ${withBar} px with a scrollbar, ${withoutBar} px without; frame heights ${Math.min(...heights)}–${Math.max(...heights)}`, bad.length === 0, `${bad.join('; ')} [${seen}]`);
      c.throwIfFailed();
    } finally {
      await close();
      await host.close();
    }
  },

  async 'embed.js host page whose own scrollbar comes and goes: the chart settles (at most two redraws per resize)'(ctx) {
    // The iframe takes its content's height (embed.js), so the host page's scrollbar changes the
    // iframe's width, which changes the chart's height, which changes the host page's height.
    // The widget cannot reserve the host's scrollbar gutter; a width change smaller than a
    // scrollbar is absorbed by the chart's viewBox scaling instead of a new layout (src/web/chart.rs).
    const { open, close } = await opener(ctx);
    const base = new URL('.', ctx.url).href;
    const host = await startServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>host</title>
<style>body{margin:0}main{width:100%}iframe{display:block}</style></head>
<body><main><div data-chitieu data-indicator="grdp_growth" data-lang="en"></div></main>
<script src="${base}embed.js" async></script></body></html>`);
    });
    try {
      const { page } = await open(`${host.origin}/`, { viewport: { width: WIDTH, height: 400 } });
      await page.waitForFunction(() => document.querySelector('iframe'), null, { timeout: 10000 });
      const frame = await (await page.$('iframe')).contentFrame();
      await waitForFirstChart(frame, 20000);
      const c = checks();
      await sleep(800);
      const bar = await scrollbarWidth(page);
      c.check('the host page shows a classic scrollbar when taller than the window', bar > 0, `scrollbar width ${bar}`);
      const withBar = await contentHeight(page);
      await page.setViewportSize({ width: WIDTH, height: 4000 });
      await sleep(800);
      const withoutBar = await contentHeight(page);
      const heights = sweep(withBar, withoutBar);
      const { bad, seen } = await countDraws(frame, heights, (h) => page.setViewportSize({ width: WIDTH, height: h }), 2);
      c.check(`host page ${withBar} px with a scrollbar, ${withoutBar} px without; window heights ${Math.min(...heights)}–${Math.max(...heights)}`, bad.length === 0, `${bad.join('; ')} [${seen}]`);
      c.throwIfFailed();
    } finally {
      await close();
      await host.close();
    }
  },
};
