// interleaved: node _fcp2.mjs RUNS cpu url...  -> median FCP / hover per url
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/lib.mjs';
const [runs, cpu, ...urls] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const med = (xs) => { const s = xs.slice().sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };
const rows = urls.map(() => []);
for (let i = 0; i < Number(runs); i++) {
  for (const [k, url] of urls.entries()) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    if (cpu !== '0') await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(cpu) });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(200);
    rows[k].push(await page.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0];
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      const hov = performance.getEntriesByName('chitieu:hover')[0];
      return [n.domInteractive, fcp ? fcp.startTime : -1, hov ? hov.startTime : -1];
    }));
    await ctx.close();
  }
}
for (const [k, url] of urls.entries()) {
  console.log(`cpu=${cpu} ${url.replace(/^http:\/\/[^/]+/, '').padEnd(40)} domInter ${med(rows[k].map((r) => r[0])).toFixed(0)}  FCP ${med(rows[k].map((r) => r[1])).toFixed(0)}  hover ${med(rows[k].map((r) => r[2])).toFixed(0)}`);
}
await browser.close();
