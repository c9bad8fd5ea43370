// Print: under the print media type the controls are gone (language, theme, periods, legend,
// indicator select, Downloads and Cite), and the chart, the summary, the targets, both tables
// with their source links and the citation are on the page — the tables even when their
// <details> is closed on screen. The PDF renders.
import { checks, waitForFirstChart } from './lib.mjs';

const HIDDEN = ['.controls', '.period-switch', '.legend', '.indicator-select', '.export-bar', '.modal', '.task-areas'];
const SHOWN = [
  '.summary',
  'svg.chart-svg',
  '.targets',
  '.data-table table:not(.targets-table) tbody tr',
  '.targets-table tbody tr',
  '.data-table td a[href^="http"]',
  '.print-citation',
  '.site-footer code',
];

export default {
  async 'the print stylesheet gives a clean page with chart, summary, tables, sources and citation'({ openPage, url }) {
    // grdp_growth has more observations than the screen shows open, so its table starts closed.
    const { page, log } = await openPage(new URL('?indicator=grdp_growth&period=all', url).href);
    await waitForFirstChart(page, 15000, log);
    const c = checks();
    const visible = (selector) => page.evaluate((s) => {
      const e = document.querySelector(s);
      if (!e) return 'missing';
      const box = e.getBoundingClientRect();
      return e.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true }) && box.width > 0 && box.height > 0;
    }, selector);
    c.check('on screen the data table starts closed', (await page.locator('details.data-table[open]').count()) === 0);
    c.check('on screen the citation line is not shown', (await visible('.print-citation')) === false);
    c.check('on screen the controls are shown', (await visible('.export-bar')) === true && (await visible('.controls')) === true);

    await page.emulateMedia({ media: 'print' });
    for (const selector of HIDDEN) {
      const shown = await visible(selector);
      c.check(`print hides ${selector}`, shown === false || shown === 'missing', String(shown));
    }
    for (const selector of SHOWN) {
      c.check(`print shows ${selector}`, (await visible(selector)) === true, String(await visible(selector)));
    }
    const citation = await page.locator('.print-citation').innerText();
    const version = await page.locator('.site-footer code').innerText();
    c.check('the printed citation carries the data version', citation.includes(version), JSON.stringify(citation));
    const linkSuffix = await page.$eval('.data-table td a[href^="http"]', (a) => getComputedStyle(a, '::after').content);
    c.check('printed source links show their address', /attr\(href\)|http/.test(linkSuffix) && linkSuffix !== 'none', linkSuffix);

    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    c.check('the page prints to a PDF', pdf.subarray(0, 5).toString('latin1') === '%PDF-' && pdf.length > 20000, `${pdf.length} bytes`);
    c.throwIfFailed();
  },
};
