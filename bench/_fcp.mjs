// quick: median nav timings + FCP for URLs, plain and 4x cpu. usage: node fcp.mjs RUNS url...
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/lib.mjs';
const [runs, ...urls] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const med = (xs) => { const s = xs.slice().sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };
for (const cpu of (process.env.PROFILES ? process.env.PROFILES.split(',').map((p) => (p === '4' ? 4 : p === '0' ? 0 : p)) : [0, 4, 'net9', 'net16'])) {
  for (const url of urls) {
    const rows = [];
    for (let i = 0; i < Number(runs); i++) {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await ctx.newPage();
      const cdp = await ctx.newCDPSession(page);
      if (cpu === 4) await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      const mbit = (m) => (m * 1e6) / 8;
      if (cpu === 'net9') { await cdp.send('Network.enable'); await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 40, downloadThroughput: mbit(9), uploadThroughput: mbit(1.5) }); }
      if (cpu === 'net16') { await cdp.send('Network.enable'); await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: mbit(1.6), uploadThroughput: mbit(0.75) }); }
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForTimeout(300);
      const t = await page.evaluate(() => {
        const n = performance.getEntriesByType('navigation')[0];
        const fcp = performance.getEntriesByName('first-contentful-paint')[0];
        const hov = performance.getEntriesByName('chitieu:hover')[0];
        return [n.responseStart, n.responseEnd, n.domInteractive, n.domContentLoadedEventEnd, fcp ? fcp.startTime : -1, hov ? hov.startTime : -1];
      });
      rows.push(t);
      await ctx.close();
    }
    const cols = ['respStart', 'respEnd', 'domInter', 'DCL', 'FCP', 'hover'];
    console.log(`cpu=${cpu} ${url.replace(/^http:\/\/[^/]+/, '')}  ` + cols.map((c, k) => `${c} ${med(rows.map((r) => r[k])).toFixed(0)}`).join('  '));
  }
}
await browser.close();
