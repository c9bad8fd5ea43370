// The chart is already in the page: the release build writes the first view into the HTML
// (`chitieu prerender`), so it shows with JavaScript off and under a policy that blocks wasm; the
// wasm then takes it over without anything visible moving (no layout shift, the same pixels);
// and an address whose state was not pre-rendered never shows the pre-rendered one.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { STRICT_CSP } from './csp.test.mjs';
import { checks, comparePngs, limitList, serveDir, waitFor, waitForFirstChart } from './lib.mjs';

/** What the pre-rendered first view must hold, read from the page without script. */
async function firstView(page) {
  return page.evaluate(() => {
    const visible = (e) => !!e && e.checkVisibility({ visibilityProperty: true }) && e.getBoundingClientRect().width > 0;
    const shown = [...document.querySelectorAll('.chart-variant')].filter(visible);
    return {
      chart: shown.length,
      chartMarks: shown[0] ? shown[0].querySelectorAll('polyline, circle, text, rect, path').length : 0,
      headline: (document.querySelector('h2.headline') ?? document.querySelector('.compact-panel h1'))?.textContent ?? '',
      statuses: [...document.querySelectorAll('.badge')].filter(visible).length,
      summary: document.querySelector('.summary')?.textContent ?? '',
      tableRows: document.querySelectorAll('.data-table table:not(.targets-table) tbody tr').length,
      sources: document.querySelectorAll('.data-table td a[href^="http"]').length,
      noscript: document.querySelector('noscript')?.textContent ?? '',
    };
  });
}

export default {
  async 'without JavaScript the pre-rendered pages show the chart, statuses, summary, tables and sources'({ browser, url }) {
    const c = checks();
    const context = await browser.newContext({ viewport: { width: 360, height: 800 }, javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      for (const [path, lang] of [['', 'vi'], ['en.html', 'en'], ['embed-grdp_growth.html', 'vi'], ['embed-poor_household_rate.en.html', 'en']]) {
        const response = await page.goto(new URL(path, url).href, { waitUntil: 'load' });
        c.check(`${path || 'index'}: served`, response.ok(), String(response.status()));
        const view = await firstView(page);
        const where = path || 'index.html';
        c.check(`${where}: exactly one chart layout shown`, view.chart === 1, JSON.stringify(view));
        c.check(`${where}: the chart has marks`, view.chartMarks > 20, JSON.stringify(view));
        c.check(`${where}: a headline`, view.headline.length > 20, view.headline);
        c.check(`${where}: statuses`, view.statuses > 0, JSON.stringify(view));
        c.check(`${where}: the summary`, view.summary.length > 40, view.summary);
        c.check(`${where}: the data table with its sources`, view.tableRows > 0 && view.sources > 0, JSON.stringify(view));
        c.check(`${where}: in its language`, (await page.evaluate(() => document.documentElement.lang)) === lang);
        c.check(`${where}: says what needs the script, in vi and en`, /JavaScript/.test(view.noscript) && /di chuột/.test(view.noscript) && /Hovering/.test(view.noscript), view.noscript);
      }
      // The same page printed without script: chart, tables (even folded), no controls.
      await page.goto(url, { waitUntil: 'load' });
      // The city's own counts: one relayed by a weak source says so, as the data table does;
      // ours beside each gives its statuses in the badges' words, not "0 met" alone.
      const official = await page.evaluate(() => [...document.querySelectorAll('.official li')].map((li) => li.textContent));
      c.check('a count relayed by a low-reliability source is marked',
        official.some((t) => /thactrang/.test(t) && /⚠ nguồn độ tin cậy thấp/.test(t)), JSON.stringify(official));
      c.check('our count beside the city\'s names its statuses',
        official.some((t) => /Tính từ số liệu ở đây, cho \d+ trong \d+ chỉ tiêu của văn bản: \d+ (có thể đạt|có thể không đạt|đạt chỉ tiêu|vượt chỉ tiêu)/.test(t)), JSON.stringify(official));
      await page.emulateMedia({ media: 'print' });
      const print = await page.evaluate(() => {
        const visible = (s) => [...document.querySelectorAll(s)].some((e) => e.checkVisibility({ visibilityProperty: true }) && e.getBoundingClientRect().height > 0);
        return { chart: visible('.chart-variant svg'), table: visible('.data-table table'), controls: visible('.controls') };
      });
      c.check('printing without script: chart and tables, no controls', print.chart && print.table && !print.controls, JSON.stringify(print));
    } finally {
      await context.close();
    }
    c.throwIfFailed();
  },

  async 'under a policy that blocks wasm the pre-rendered view still shows'({ openPage, distDir }) {
    // The hosting policy less 'wasm-unsafe-eval': the pointer module cannot start.
    const csp = STRICT_CSP.replace(" 'wasm-unsafe-eval'", '');
    const server = await serveDir(distDir, { headers: { 'content-security-policy': csp } });
    const c = checks();
    try {
      const { page } = await openPage(`${server.origin}/embed-grdp_growth.html`, { viewport: { width: 600, height: 800 } });
      await page.waitForTimeout(500);
      const view = await firstView(page);
      c.check('chart, headline, statuses and table are shown', view.chart === 1 && view.chartMarks > 20 && view.headline && view.statuses > 0 && view.tableRows > 0, JSON.stringify(view));
      c.check('the view is not hidden', !(await page.evaluate(() => document.documentElement.classList.contains('chitieu-stale'))));
    } finally {
      await server.close();
    }
    c.throwIfFailed();
  },

  async 'the wasm takes the page over with no layout shift and the same pixels'({ browser, url }) {
    const c = checks();
    for (const [path, width] of [['', 1280], ['', 360], ['embed-grdp_growth.html', 600], ['en.html', 360]]) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.addInitScript(() => {
        window.__shifts = [];
        new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__shifts.push(e.value); })
          .observe({ type: 'layout-shift', buffered: true });
      });
      // Hold the wasm back until the pre-rendered page has been photographed.
      let release;
      const held = new Promise((r) => { release = r; });
      await page.route(/chitieu-[0-9a-f]+_bg\.wasm$/, async (route) => { await held; await route.continue(); });
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      const where = `${path || 'index.html'} @${width}`;
      try {
        await page.goto(new URL(path, url).href, { waitUntil: 'load' });
        await page.waitForTimeout(300);
        const before = await page.screenshot();
        release();
        await c.attempt(`${where}: hydrated`, () => waitForFirstChart(page, 20000));
        // The chart keeps only its shown layout once measured; tables are already there.
        await waitFor(async () => (await page.$$eval('.chart-variant', (v) => v.length)) === 1, 'the chart kept its one layout', 5000).catch(() => {});
        await page.waitForTimeout(400);
        const after = await page.screenshot();
        // Native form controls (<select>) are rasterised again when the widget sets their value,
        // one level of one channel apart at most; anything a reader could see is more.
        const diff = await comparePngs(browser, before, after, 2);
        c.check(`${where}: the same pixels before and after start-up`, diff.same, JSON.stringify(diff));
        const shifts = await page.evaluate(() => window.__shifts);
        c.check(`${where}: layout-shift score 0`, shifts.every((v) => v === 0), JSON.stringify(shifts));
        c.check(`${where}: no error`, errors.length === 0, limitList(errors));
      } finally {
        await context.close();
      }
    }
    c.throwIfFailed();
  },

  async 'an address whose state was not pre-rendered never shows another state, not even for a frame'({ browser, url }) {
    const c = checks();
    for (const query of ['?lang=en', '?indicator=poor_household_rate', 'embed-grdp_growth.html?lang=en', '?theme=dark']) {
      const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
      const page = await context.newPage();
      let release;
      const held = new Promise((r) => { release = r; });
      await page.route(/chitieu-[0-9a-f]+_bg\.wasm$/, async (route) => { await held; await route.continue(); });
      try {
        await page.goto(new URL(query, url).href, { waitUntil: 'load' });
        const early = await page.evaluate(() => ({
          stale: document.documentElement.classList.contains('chitieu-stale'),
          hidden: getComputedStyle(document.getElementById('chitieu')).visibility === 'hidden',
        }));
        c.check(`${query}: the pre-rendered view is hidden before the wasm runs`, early.stale && early.hidden, JSON.stringify(early));
        release();
        await c.attempt(`${query}: drawn by the wasm`, () => waitForFirstChart(page, 20000));
        const late = await page.evaluate(() => ({
          stale: document.documentElement.classList.contains('chitieu-stale'),
          lang: document.documentElement.lang,
          title: document.querySelector('#indicator-title')?.textContent ?? '',
          theme: document.querySelector('.chitieu')?.className ?? '',
        }));
        c.check(`${query}: then shown, in the state asked for`, !late.stale &&
          (!query.includes('lang=en') || late.lang === 'en') &&
          (!query.includes('poor_household') || /hộ nghèo/i.test(late.title)) &&
          (!query.includes('dark') || /theme-dark/.test(late.theme)), JSON.stringify(late));
      } finally {
        await context.close();
      }
    }
    // Parameters that are not ours (pym.js, campaign tags) leave the pre-rendered view shown.
    const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
    try {
      const page = await context.newPage();
      await page.route(/chitieu-[0-9a-f]+_bg\.wasm$/, (route) => route.abort());
      await page.goto(new URL('embed-grdp_growth.html?initialWidth=600&childId=c1&parentUrl=x&utm_source=zalo', url).href, { waitUntil: 'load' });
      c.check('foreign parameters: the pre-rendered view stays shown', !(await page.evaluate(() => document.documentElement.classList.contains('chitieu-stale'))));
    } finally {
      await context.close();
    }
    c.throwIfFailed();
  },

  async 'every page the Embed dialog writes is pre-rendered'({ distDir }) {
    const c = checks();
    const index = await readFile(join(distDir, 'index.html'), 'utf8');
    c.check('index.html names its state', /<meta name="chitieu-prerendered" content="">/.test(index));
    for (const name of ['en.html', 'embed-grdp_growth.html', 'embed-grdp_growth.en.html', 'embed-poor_household_rate.html']) {
      const html = await readFile(join(distDir, name), 'utf8').catch(() => '');
      c.check(`${name}: written, with the chart in it`, /chitieu-prerendered/.test(html) && /class="chart-svg"/.test(html), `${html.length} bytes`);
    }
    c.throwIfFailed();
  },
};
