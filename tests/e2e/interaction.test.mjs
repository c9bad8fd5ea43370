// What a visitor does with a chart: hover or tap a point and read its tooltip, step through the
// points with the arrow keys, switch indicator and period without a reload (and come back with
// Back), and switch legend layers.
import { checks, waitForFirstChart } from './lib.mjs';

// Also run in Firefox ESR (tests/e2e/firefox.mjs): a second engine checks every change.
export const engines = ['chromium', 'firefox'];

/** The document's address (read in the page: the same in Playwright and in the Firefox adapter). */
const address = (page) => page.evaluate(() => location.href);

const draws = (page) => page.$eval('.chart-stage', (c) => Number(c.dataset.draws || 0));

async function waitForDraws(page, atLeast) {
  await page.waitForFunction((n) => Number(document.querySelector('.chart-stage')?.dataset.draws || 0) >= n, atLeast, { timeout: 5000 });
}

export default {
  async 'hovering a point shows its value, kind, year and source'({ openPage, url }) {
    const { page, log } = await openPage(new URL('?indicator=grdp_growth&period=2021-2025', url).href);
    await waitForFirstChart(page, 15000, log);
    const c = checks();
    await page.locator('.chart-plot').scrollIntoViewIfNeeded();
    const box = await page.locator('.chart-plot').boundingBox();
    let shown = false;
    for (let x = box.x + 40; x < box.x + box.width - 10 && !shown; x += 12) {
      await page.mouse.move(x, box.y + box.height / 2);
      shown = await page.locator('.chart-tooltip.shown').count() > 0;
    }
    c.check('a tooltip appears over the chart', shown, 'no .chart-tooltip.shown after sweeping the chart');
    if (shown) {
      const tip = await page.locator('.chart-tooltip').innerText();
      c.check('the tooltip has a value with its unit', /\d+,\d+%/.test(tip), JSON.stringify(tip));
      c.check('the tooltip has a year and a kind', /20\d\d/.test(tip) && /(ước tính|chính thức|sơ bộ|số báo cáo)/.test(tip), JSON.stringify(tip));
      c.check('the tooltip names the source', /Nguồn:/.test(tip), JSON.stringify(tip));
      const readout = await page.locator('.readout').innerText();
      c.check('the live readout says the same for screen readers', /Nguồn/.test(readout), JSON.stringify(readout));
    }
    c.throwIfFailed();
  },

  async 'arrow keys step through the points and announce each'({ openPage, url }) {
    const { page, log } = await openPage(new URL('?indicator=grdp_growth', url).href);
    await waitForFirstChart(page, 15000, log);
    const c = checks();
    const readout = page.locator('.readout');
    c.check('the readout is a polite live region', (await readout.getAttribute('aria-live')) === 'polite', 'aria-live missing');
    await page.focus('.chart-plot');
    const first = await readout.innerText();
    const before = await draws(page);
    await page.keyboard.press('ArrowRight');
    await waitForDraws(page, before + 1);
    const second = await readout.innerText();
    await page.keyboard.press('End');
    await waitForDraws(page, before + 2);
    const last = await readout.innerText();
    c.check('focusing the chart announces the first point', /^\d{4}/.test(first), JSON.stringify(first));
    c.check('ArrowRight moves to another point', second !== first && /^\d{4}/.test(second), `${first} → ${second}`);
    c.check('End moves to the last point', last !== second && /2025/.test(last), JSON.stringify(last));
    c.throwIfFailed();
  },

  async 'switching indicator and period needs no reload, and Back returns'({ openPage, url }) {
    const { page, log } = await openPage(url);
    await waitForFirstChart(page, 15000, log);
    const c = checks();
    await page.evaluate(() => { window.__sameDocument = true; });
    const title = () => page.locator('#indicator-title').innerText();
    const before = await title();
    await page.selectOption('.indicator-select select', 'health_insurance_coverage');
    await page.waitForFunction(() => document.querySelector('#indicator-title')?.textContent.includes('bảo hiểm y tế'), null, { timeout: 5000 }).catch(() => {});
    const after = await title();
    c.check('the indicator changed', after !== before && /bảo hiểm y tế/.test(after), `${before} → ${after}`);
    const afterIndicator = await address(page);
    c.check('the address names the indicator', afterIndicator.includes('indicator=health_insurance_coverage'), afterIndicator);
    await page.locator('.period-switch button', { hasText: '2026–2030' }).click();
    await page.waitForFunction(() => location.search.includes('period=2026-2030'), null, { timeout: 5000 }).catch(() => {});
    const afterPeriod = await address(page);
    c.check('the address names the period', afterPeriod.includes('period=2026-2030'), afterPeriod);
    const pressed = await page.locator('.period-switch button[aria-pressed="true"]').innerText();
    c.check('the period button is pressed', pressed.includes('2026–2030'), pressed);
    const targets = await page.locator('.targets').innerText();
    c.check('the targets listed are those of 2026–2030', /2030/.test(targets) && !/năm 2025/.test(targets), JSON.stringify(targets.slice(0, 200)));
    await page.goBack();
    await page.waitForFunction(() => !location.search.includes('period=2026-2030'), null, { timeout: 5000 }).catch(() => {});
    const afterBack = await address(page);
    c.check('Back restores the previous period', !afterBack.includes('period=2026-2030'), afterBack);
    await page.goBack();
    await page.waitForFunction(() => document.querySelector('#indicator-title')?.textContent !== 'x', null, { timeout: 2000 }).catch(() => {});
    await page.waitForTimeout(200);
    c.check('Back again restores the first indicator', (await title()) === before, `${await title()} vs ${before}`);
    c.check('it all happened in one document (no reload)', await page.evaluate(() => window.__sameDocument === true), 'the page reloaded');
    c.throwIfFailed();
  },

  async 'the tally accounts for every target once: strip rows and the indicator lines, in every period'({ openPage, url }) {
    const { page, log } = await openPage(url);
    await waitForFirstChart(page, 15000, log);
    const c = checks();
    for (const period of ['2021–2025', '2026–2030']) {
      await page.locator('.period-switch button', { hasText: period }).click();
      await page.waitForFunction((p) => document.querySelector('h2.headline')?.textContent.startsWith(p), period, { timeout: 5000 }).catch(() => {});
      const rows = await page.$$eval('.strip-row', (els) => els.map((e) => e.dataset.status));
      const unjudged = await page.$$eval('.indicator-line.unjudged button', (els) => els.length);
      const noData = await page.$$eval('.indicator-line.no-data button', (els) => els.length);
      const total = Number(await page.getAttribute('.tally', 'data-total'));
      const key = Object.fromEntries(await page.$$eval('.tally-key li', (els) => els.map((e) => [e.dataset.status, Number(e.dataset.count)])));
      c.check(`${period}: rows and lines add up to the total`, total > 0 && rows.length + unjudged + noData === total, `${rows.length} + ${unjudged} + ${noData} vs ${total}`);
      const shown = { ...Object.fromEntries(Object.keys(key).map((k) => [k, 0])) };
      for (const s of rows) shown[s] = (shown[s] || 0) + 1;
      shown.not_assessable = (shown.not_assessable || 0) + unjudged;
      shown.no_data = (shown.no_data || 0) + noData;
      for (const [status, n] of Object.entries(shown)) {
        if (n > 0 || key[status]) c.check(`${period}: the key counts ${status} as the page shows it`, key[status] === n, `${key[status]} vs ${n}`);
      }
      const headline = await page.locator('h2.headline').innerText();
      const met = (key.exceeded || 0) + (key.achieved || 0);
      c.check(`${period}: the headline says how many are met`, headline.includes(`${met} trên ${total}`), JSON.stringify(headline));
    }
    c.throwIfFailed();
  },

  async 'the view lives in the address: scorecard, chart alone, tables alone'({ openPage, url }) {
    const c = checks();
    const table = await openPage(new URL('?view=table&indicator=poor_household_rate', url).href);
    await table.page.locator('.data-table[open] table').first().waitFor({ timeout: 15000 });
    c.check('view=table: no overview', (await table.page.locator('.overview').count()) === 0, 'overview shown');
    c.check('view=table: no chart', (await table.page.locator('.chart-plot').count()) === 0, 'chart shown');
    c.check('view=table: the table is open', (await table.page.locator('.data-table[open]').count()) > 0, 'table folded');
    const { page, log } = await openPage(new URL('?indicator=grdp_growth', url).href);
    await waitForFirstChart(page, 15000, log);
    c.check('default view: the overview is shown', (await page.locator('.overview').count()) === 1, 'no overview');
    await page.locator('.view-switch button[data-view="chart"]').click();
    await page.waitForFunction(() => location.search.includes('view=chart'), null, { timeout: 5000 }).catch(() => {});
    const chartView = await address(page);
    c.check('the chart view is in the address', chartView.includes('view=chart'), chartView);
    c.check('chart view: no overview', (await page.locator('.overview').count()) === 0, 'overview still shown');
    c.check('chart view: the chart is there', (await page.locator('.chart-plot').count()) === 1, 'no chart');
    await page.goBack();
    await page.waitForFunction(() => !location.search.includes('view='), null, { timeout: 5000 }).catch(() => {});
    await page.locator('.overview').waitFor({ timeout: 5000 }).catch(() => {});
    c.check('Back returns to the scorecard', (await page.locator('.overview').count()) === 1, await address(page));
    c.throwIfFailed();
  },

  async 'legend buttons hide and show layers'({ openPage, url }) {
    const { page, log } = await openPage(new URL('?indicator=grdp_growth', url).href);
    await waitForFirstChart(page, 15000, log);
    const c = checks();
    const toggle = page.locator('.legend-targets');
    const before = await draws(page);
    await toggle.click();
    await waitForDraws(page, before + 1).catch(() => {});
    c.check('the target layer button reports it is off', (await toggle.getAttribute('aria-pressed')) === 'false', 'aria-pressed is not false');
    c.check('the chart was redrawn', (await draws(page)) > before, 'no redraw');
    c.throwIfFailed();
  },
};
