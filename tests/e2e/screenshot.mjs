#!/usr/bin/env node
// Not a test: writes full-page screenshots of a served chitieu to tests/e2e/out/ for people to look at.
//
//   bash scripts/serve.sh &                       # or any server of dist/
//   node tests/e2e/screenshot.mjs [URL]           # URL defaults to http://127.0.0.1:8080/
//
// Writes chitieu-{vi,en}-{360,1280}.png (the ?lang= query parameter selects the language).
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, openPage, waitForFirstChart } from './lib.mjs';

const base = process.argv[2] || process.env.CHITIEU_URL || 'http://127.0.0.1:8080/';
const outDir = join(dirname(fileURLToPath(import.meta.url)), 'out');
await mkdir(outDir, { recursive: true });

const WIDTHS = [360, 1280];
const LANGS = ['vi', 'en'];

const browser = await launchBrowser();
let problems = 0;
try {
  for (const lang of LANGS) {
    for (const width of WIDTHS) {
      const u = new URL(base);
      u.searchParams.set('lang', lang);
      const { context, page } = await openPage(browser, u.href, { viewport: { width, height: 800 } });
      try {
        await waitForFirstChart(page, 15000);
      } catch (e) {
        problems++;
        console.warn(`screenshot: ${lang} ${width}px: ${e.message} (taking the screenshot anyway)`);
      }
      const file = join(outDir, `chitieu-${lang}-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(`screenshot: ${file}`);
      await context.close();
    }
  }
} finally {
  await browser.close();
}
if (problems) console.warn(`screenshot: ${problems} page(s) had no chart drawn`);
