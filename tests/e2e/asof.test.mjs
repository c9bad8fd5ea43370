// "As of" a day: `asof=YYYY-MM-DD` (and the date control in the panel) shows the widget as it
// stood that day — only figures published by then, statuses recomputed, a note saying so — and
// the indicator's revisions list every published value of a year in publication order.
import { checks, waitFor, waitForFirstChart } from './lib.mjs';

/** The 2025 growth target of the merged city (≥ 8,4%) and the figure it is compared with. */
async function growth2025(page) {
  return page.evaluate(() => {
    const row = [...document.querySelectorAll('.targets .target')].find((li) => /8,4%/.test(li.querySelector('.target-line')?.textContent ?? ''));
    return row ? row.querySelector('.target-meta')?.textContent ?? '' : null;
  });
}

export default {
  async 'asof=2025-12-08 shows 8,3% for 2025 growth, today 7,23%, with a note and the control in step'({ openPage, url }) {
    const c = checks();
    const { page, log } = await openPage(new URL('?indicator=grdp_growth&period=2021-2025&asof=2025-12-08', url).href);
    await waitForFirstChart(page, 20000, log);
    const then = await growth2025(page);
    c.check('as of 8 December 2025 the 2025 growth figure is 8,3%', then !== null && /so với 8,3%/.test(then), String(then));
    const note = await page.locator('.asof-note').innerText().catch(() => '');
    c.check('a note says the page is as of that day', /8\/12\/2025/.test(note), note);
    c.check('the date control shows the day', (await page.locator('.asof-control input').inputValue()) === '2025-12-08');

    // Back to today from the note's button: the address loses asof, the figure is 7,23%.
    await page.locator('.asof-note button').click();
    await c.attempt('the address loses asof', () => waitFor(async () => !page.url().includes('asof='), 'asof stayed in the address'));
    const now = await growth2025(page);
    c.check('today the 2025 growth figure is 7,23%', now !== null && /so với 7,23%/.test(now), String(now));
    c.check('the note is gone', (await page.locator('.asof-note').count()) === 0);

    // The control sets the day and the address follows.
    await page.locator('.asof-control input').fill('2025-12-08');
    await page.locator('.asof-control input').dispatchEvent('change');
    await c.attempt('the control puts asof in the address', () => waitFor(async () => page.url().includes('asof=2025-12-08'), 'no asof in the address'));
    c.check('and the figure is 8,3% again', /so với 8,3%/.test(String(await growth2025(page))), String(await growth2025(page)));
    c.check('no page error', log.pageErrors.length === 0, log.pageErrors.join(' | '));
    c.throwIfFailed();
  },

  async 'a bad asof is named in a notice and the page shows today'({ openPage, url }) {
    const c = checks();
    const { page, log } = await openPage(new URL('?indicator=grdp_growth&asof=2025-13-40', url).href);
    await waitForFirstChart(page, 20000, log);
    const notices = await page.$$eval('.notices li', (li) => li.map((l) => l.textContent));
    c.check('one notice naming asof and the form it takes', notices.length === 1 && /asof=`2025-13-40`.*YYYY-MM-DD/.test(notices[0]), notices.join(' | '));
    c.check('no as-of note', (await page.locator('.asof-note').count()) === 0);
    c.throwIfFailed();
  },

  async 'the revisions list every published value of a year, in publication order, the headline marked'({ openPage, url }) {
    const c = checks();
    const { page, log } = await openPage(new URL('?indicator=grdp_growth&view=chart', url).href);
    await waitForFirstChart(page, 20000, log);
    await page.locator('details.revisions > summary').click();
    const groups = await page.$$eval('.revision-group', (gs) => gs.map((g) => ({
      heading: g.querySelector('h4')?.textContent ?? '',
      values: [...g.querySelectorAll('li')].map((li) => ({ text: li.textContent, headline: li.classList.contains('headline') })),
    })));
    const y2025 = groups.find((g) => /^2025/.test(g.heading) && /mới/.test(g.heading));
    c.check('2025 of the merged city has several published values', !!y2025 && y2025.values.length >= 2, JSON.stringify(groups).slice(0, 600));
    if (y2025) {
      c.check('exactly one is marked as the figure used', y2025.values.filter((v) => v.headline).length === 1, JSON.stringify(y2025));
      c.check('7,23% and 8,3% are both listed', y2025.values.some((v) => /7,23%/.test(v.text)) && y2025.values.some((v) => /8,3%/.test(v.text)), JSON.stringify(y2025));
    }
    c.throwIfFailed();
  },
};
