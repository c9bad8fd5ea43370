// Language and theme switches, and notices for every bad parameter in the address.
import { checks, limitList, visibleText, waitFor, waitForFirstChart } from './lib.mjs';

async function draws(page) {
  return page.evaluate(() => Math.max(0, ...[...document.querySelectorAll('.chart-stage')].map((c) => Number(c.dataset.draws || 0))));
}

/** The fill of the chart's background rectangle (the first shape of its SVG). */
async function canvasBackground(page) {
  return page.evaluate(() => document.querySelector('svg.chart-svg rect')?.getAttribute('fill') ?? null);
}

export default {
  language: async ({ openPage, url }) => {
    const { page, log } = await openPage(url);
    const c = checks();
    await waitForFirstChart(page, 20000, log);
    const pressed = () => page.evaluate(() => [...document.querySelectorAll('.lang-switch button')].map((b) => `${b.lang}:${b.getAttribute('aria-pressed')}`).join(' '));
    c.check('starts in Vietnamese', (await page.evaluate(() => document.documentElement.lang)) === 'vi' && (await pressed()) === 'vi:true en:false', await pressed());
    c.check('Vietnamese words shown', /Tổng quan|Bảng số liệu/.test(await visibleText(page)));

    await page.locator('.lang-switch button[lang="en"]').click();
    await c.attempt('switches to English', () =>
      waitFor(async () => (await page.evaluate(() => document.documentElement.lang)) === 'en', '<html lang> did not become en'),
    );
    c.check('EN button pressed', (await pressed()) === 'vi:false en:true', await pressed());
    const en = await visibleText(page);
    c.check('English words shown, Vietnamese UI words gone', /Overview|Data table/.test(en) && !/Tổng quan|Bảng số liệu/.test(en), en.slice(0, 300));
    c.check('the address carries lang=en', new URL(page.url()).searchParams.get('lang') === 'en', page.url());

    await page.locator('.lang-switch button[lang="vi"]').click();
    await c.attempt('switches back to Vietnamese', () =>
      waitFor(async () => (await page.evaluate(() => document.documentElement.lang)) === 'vi', '<html lang> did not return to vi'),
    );
    c.check('Vietnamese words back', /Tổng quan|Bảng số liệu/.test(await visibleText(page)));
    c.check('no console errors', log.consoleErrors.length === 0, limitList(log.consoleErrors));
    c.throwIfFailed();
  },

  theme: async ({ openPage, url }) => {
    const { page, log } = await openPage(url, { contextOptions: { colorScheme: 'light' } });
    const c = checks();
    await waitForFirstChart(page, 20000, log);
    const rootClass = () => page.evaluate(() => document.querySelector('.chitieu')?.className || '');
    // "Auto" is the stylesheet's: the root says theme-auto and the colours follow the system.
    c.check('auto + light system theme: theme-auto, light colours', /\btheme-auto\b/.test(await rootClass()), await rootClass());
    const lightBg = await canvasBackground(page);
    const pageBg = () => page.evaluate(() => getComputedStyle(document.querySelector('.chitieu')).backgroundColor);
    const lightPage = await pageBg();

    for (const [name, expectDark] of [['dark', true], ['contrast', null], ['light', false]]) {
      const before = await draws(page);
      await page.locator('.theme-select select').selectOption(name);
      const ok = await c.attempt(`theme ${name}: root gets theme-${name}`, () =>
        waitFor(async () => new RegExp(`\\btheme-${name}\\b`).test(await rootClass()), `root class did not become theme-${name}`),
      );
      if (!ok) continue;
      await c.attempt(`theme ${name}: the chart is redrawn`, () => waitFor(async () => (await draws(page)) > before, 'data-draws did not grow'));
      c.check(`theme ${name}: the address carries theme=${name}`, new URL(page.url()).searchParams.get('theme') === name, page.url());
      if (expectDark === true) {
        c.check('dark: canvas background differs from light', (await canvasBackground(page)) !== lightBg, lightBg);
        c.check('dark: page background differs from light', (await pageBg()) !== lightPage, lightPage);
      }
      if (expectDark === false) c.check('light again: canvas background as at first', (await canvasBackground(page)) === lightBg);
    }

    await page.locator('.theme-select select').selectOption('auto');
    await c.attempt('auto: back to the system theme', () =>
      waitFor(async () => /\btheme-auto\b/.test(await rootClass()) && !new URL(page.url()).searchParams.has('theme'), 'auto did not return to theme-auto without ?theme'),
    );
    c.check('auto again: page background as at first', (await pageBg()) === lightPage, await pageBg());
    // The system turns dark while the page is open: page and chart follow, with no reload.
    const chartFill = () => page.evaluate(() => getComputedStyle(document.querySelector('svg.chart-svg rect')).fill);
    const lightChart = await chartFill();
    await page.emulateMedia({ colorScheme: 'dark' });
    await c.attempt('auto follows a system change to dark, page and chart', () =>
      waitFor(async () => (await pageBg()) !== lightPage && (await chartFill()) !== lightChart, 'colours stayed light'),
    );
    await page.emulateMedia({ colorScheme: 'light' });
    await c.attempt('and back to light', () => waitFor(async () => (await pageBg()) === lightPage && (await chartFill()) === lightChart, 'colours stayed dark'));
    c.check('no console errors', log.consoleErrors.length === 0, limitList(log.consoleErrors));
    c.throwIfFailed();

    // The system dark preference, with the theme left on auto.
    const dark = await openPage(url, { contextOptions: { colorScheme: 'dark' } });
    await waitForFirstChart(dark.page, 20000, dark.log);
    const darkState = await dark.page.evaluate(() => ({
      className: document.querySelector('.chitieu')?.className || '',
      page: getComputedStyle(document.querySelector('.chitieu')).backgroundColor,
      chart: getComputedStyle(document.querySelector('svg.chart-svg rect')).fill,
    }));
    // The dark theme's background (core/src/chart/theme.rs, static/style.css): #15191e.
    if (!/\btheme-auto\b/.test(darkState.className) || darkState.page !== 'rgb(21, 25, 30)' || darkState.chart !== 'rgb(21, 25, 30)') {
      throw new Error(`auto + dark system theme should draw the page and the chart dark: ${JSON.stringify(darkState)}`);
    }
  },

  'bad URL parameters: a notice for each, and the chart still drawn': async ({ openPage, url }) => {
    const bad = new URL(url);
    const params = [
      ['lang', 'fr', /lang=`fr`.*vi, en/],
      ['theme', 'neon', /theme=`neon`.*light, dark, contrast/],
      ['indicator', 'no_such_indicator', /indicator=`no_such_indicator`.*grdp_growth/],
      ['period', '1999-2000', /period=`1999-2000`.*2021-2025.*all/],
      ['embed', 'maybe', /embed=`maybe`.*1, 0/],
      ['view', 'map', /view=`map`.*scorecard, chart, table/],
      ['plan', 'https://evil.example/plan.toml', /https:\/\/evil\.example\/plan\.toml/],
      ['indicatr', 'grdp_growth', /`indicatr`.*`indicator`/],
    ];
    for (const [name, value] of params) bad.searchParams.set(name, value);
    // What the embedding and sharing ecosystem adds is not ours and not a mistake: no notice.
    for (const [name, value] of [['colour', 'red'], ['utm_source', 'zalo'], ['fbclid', 'IwAR0'], ['initialWidth', '600'], ['parentUrl', 'https://news.example/a']]) {
      bad.searchParams.set(name, value);
    }
    const { page, log } = await openPage(bad.href);
    const c = checks();
    await c.attempt('the chart is still drawn', () => waitForFirstChart(page, 20000, log));
    // The indicator and period notices come once the plan is known.
    const items = await waitFor(async () => {
      const list = await page.evaluate(() => [...document.querySelectorAll('.notices li')].map((li) => li.textContent));
      return list.length >= params.length && list;
    }, 'fewer notices than bad parameters').catch(async () => page.evaluate(() => [...document.querySelectorAll('.notices li')].map((li) => li.textContent)));
    c.check(`one notice per bad parameter (${params.length})`, items.length === params.length, limitList(items, 10));
    for (const [name, value, expected] of params) {
      c.check(`notice for ${name}=${value} names it and what is allowed`, items.some((t) => expected.test(t)), limitList(items, 10));
    }
    const role = await page.evaluate(() => document.querySelector('.notices')?.getAttribute('role'));
    c.check('notices are announced (role=alert)', role === 'alert', String(role));
    const foreign = log.requests.filter((u) => /^(data|blob):/.test(u) || new URL(u).hostname === 'evil.example');
    c.check('the foreign plan was not fetched', foreign.length === 0, limitList(foreign));

    // In English too.
    const en = new URL(url);
    en.searchParams.set('lang', 'en');
    en.searchParams.set('theme', 'neon');
    await page.goto(en.href, { waitUntil: 'load' });
    await waitForFirstChart(page, 20000);
    const enItems = await page.evaluate(() => [...document.querySelectorAll('.notices li')].map((li) => li.textContent));
    c.check('English notice', enItems.length === 1 && /Invalid value in the address: theme=`neon`. Allowed: light, dark, contrast/.test(enItems[0]), limitList(enItems));
    c.check('no uncaught page errors', log.pageErrors.length === 0, limitList(log.pageErrors));
    c.throwIfFailed();
  },
};
