// Offline: nothing is ever requested from another origin; the single-file build opens from
// file:// on its own; a page visited once reloads with the network cut (service worker).
import { copyFile, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chartInk, checks, limitList, serveDir, waitFor, waitForFirstChart } from './lib.mjs';

export const SINGLE_FILE = 'chitieu-offline.html';

export default {
  'no request to another origin (full view, embed, interactions, service worker)': async ({ openPage, url }) => {
    const { context, page, log } = await openPage(url);
    const requests = [];
    // Context-level: also the service worker's own fetches.
    context.on('request', (r) => requests.push(r.url()));
    const c = checks();
    await waitForFirstChart(page, 20000, log);
    await page.locator('.lang-switch button[lang="en"]').click();
    await page.locator('.theme-select select').selectOption('contrast');
    await page.locator('button.embed-open').click();
    await page.locator('dialog.embed-dialog').waitFor({ state: 'visible', timeout: 10000 }).catch(() => {});
    await page.keyboard.press('Escape');
    await page.evaluate(() => navigator.serviceWorker && navigator.serviceWorker.ready).catch(() => {});
    const embedUrl = new URL(url);
    embedUrl.searchParams.set('embed', '1');
    await page.goto(embedUrl.href, { waitUntil: 'load' });
    await waitForFirstChart(page, 20000, log);
    await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {});
    const origin = new URL(url).origin;
    const all = [...log.requests, ...requests].filter((u) => !/^(data|blob):/.test(u));
    const foreign = all.filter((u) => new URL(u).origin !== origin);
    c.check('requests were seen at all', all.length >= 3, String(all.length));
    c.check('every request is same-origin', foreign.length === 0, limitList(foreign));
    const cookies = await context.cookies();
    c.check('no cookies', cookies.length === 0, JSON.stringify(cookies));
    const storage = await page.evaluate(() => localStorage.length + sessionStorage.length);
    c.check('no localStorage/sessionStorage', storage === 0, String(storage));
    c.throwIfFailed();
  },

  'single-file build opens from file:// on its own': async ({ openPage, distDir }) => {
    // Copied alone into an empty directory: it must not need any sibling file.
    const dir = await mkdtemp(join(tmpdir(), 'chitieu-single-'));
    try {
      const file = join(dir, SINGLE_FILE);
      await copyFile(join(distDir, SINGLE_FILE), file);
      const size = (await stat(file)).size;
      const { page, log } = await openPage(`${pathToFileURL(file).href}?lang=en`);
      const c = checks();
      await c.attempt('first chart from file://', () => waitForFirstChart(page, 15000, log));
      const ink = await chartInk(page);
      c.check('the chart has ink', ink.some((x) => x.ink > 20), JSON.stringify(ink));
      // The second wasm module (the dialogs) is inside the file too.
      await page.locator('.export-downloads').click();
      const opened = await page.waitForSelector('#downloads-dialog[open]', { timeout: 10000 }).then(() => true, () => false);
      c.check('the Downloads dialog (second module) opens from file://', opened);
      await page.keyboard.press('Escape');
      const network = log.requests.filter((u) => !/^(data|blob|file):/.test(u));
      c.check('no network request at all', network.length === 0, limitList(network));
      const files = log.requests.filter((u) => u.startsWith('file:') && !u.includes(SINGLE_FILE));
      c.check('no other file read', files.length === 0, limitList(files));
      c.check('no console errors', log.consoleErrors.length === 0, limitList(log.consoleErrors));
      c.check('no page errors', log.pageErrors.length === 0, limitList(log.pageErrors));
      c.check(`size is sane (${size} bytes)`, size > 100_000 && size < 5_000_000);
      c.throwIfFailed();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },

  'reload with the network cut after one visit (service worker)': async ({ openPage, distDir }) => {
    // Our own server, so that the test can really take it down.
    const server = await serveDir(distDir);
    let down = false;
    try {
      const { context, page, log } = await openPage(`${server.origin}/?indicator=grdp_growth&lang=en`);
      const c = checks();
      await waitForFirstChart(page, 20000, log);
      await waitFor(
        () =>
          page.evaluate(async () => {
            // Installed (the cache is filled during install) and active; `ready` never settles
            // without a registration, hence the race.
            const r = await Promise.race([navigator.serviceWorker.ready, new Promise((ok) => setTimeout(ok, 500, null))]);
            return Boolean(r && r.active && r.active.state === 'activated');
          }),
        'no activated service worker after the first visit',
        10000,
      );
      await server.close();
      down = true;
      await context.setOffline(true);
      const before = log.pageErrors.length;
      await c.attempt('reload with the network cut', () => page.reload({ waitUntil: 'load', timeout: 10000 }));
      await c.attempt('first chart after the offline reload', () => waitForFirstChart(page, 10000));
      const ink = await chartInk(page);
      c.check('the chart has ink', ink.some((x) => x.ink > 20), JSON.stringify(ink));
      const lang = await page.evaluate(() => document.documentElement.lang);
      c.check('the address is still honoured offline (lang=en)', lang === 'en', lang);
      // The service worker keeps the second module too, though this visit never opened it.
      await page.locator('.export-cite').click();
      const opened = await page.waitForSelector('#cite-dialog[open]', { timeout: 10000 }).then(() => true, () => false);
      c.check('the Cite dialog (second module, never opened online) opens offline', opened);
      await page.keyboard.press('Escape');
      const errors = log.pageErrors.slice(before);
      c.check('no page errors offline', errors.length === 0, limitList(errors));
      c.throwIfFailed();
    } finally {
      if (!down) await server.close();
    }
  },
};
