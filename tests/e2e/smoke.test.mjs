// Smoke test: the built widget loads, draws its first chart, stays quiet in the console and
// talks to nobody but its own origin.
import { chartInk, checks, foreignRequests, limitList, visibleText, waitForFirstChart } from './lib.mjs';

// Also run in Firefox ESR (tests/e2e/firefox.mjs): a second engine checks every change.
export const engines = ['chromium', 'firefox'];

/** Drawn marks (lines, dots, labels, bands) a real chart has at least. */
export const MIN_INK_MARKS = 20;

export default async function smoke({ openPage, url, timeoutMs = 20000 }) {
  const { page, log, response } = await openPage(url);
  const c = checks();

  c.check('HTTP status of the page', response && response.ok(), `got ${response ? response.status() : 'no response'}`);

  const drawn = await c.attempt('first chart', () => waitForFirstChart(page, timeoutMs, log));

  if (drawn) {
    const charts = await chartInk(page);
    const best = charts.reduce((a, b) => (b.ink > (a?.ink ?? -1) ? b : a), null);
    c.check(
      `a drawn chart has > ${MIN_INK_MARKS} marks and a real size`,
      best && best.ink > MIN_INK_MARKS && best.width > 200 && best.height > 150,
      JSON.stringify(charts.map(({ texts, ...rest }) => rest)),
    );
  }

  const text = await visibleText(page);
  c.check('page text contains "Chỉ tiêu" or "Cần Thơ"', /Chỉ tiêu|Cần Thơ/.test(text), JSON.stringify(text.slice(0, 200)));

  // Let late requests and errors surface (500 ms without network activity), then judge them.
  await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {});

  const foreign = foreignRequests(log, url);
  c.check('every request is same-origin', foreign.length === 0, limitList(foreign));
  c.check('no console errors', log.consoleErrors.length === 0, limitList(log.consoleErrors));
  c.check('no uncaught page errors', log.pageErrors.length === 0, limitList(log.pageErrors));
  c.check('no failed requests', log.failedRequests.length === 0, limitList(log.failedRequests));
  c.check('no HTTP error responses', log.httpErrors.length === 0, limitList(log.httpErrors));
  // The second wasm module (dialogs, ?plan= checker) is not part of the first view.
  const more = log.requests.filter((u) => /chitieu-more-/.test(u));
  c.check('the second module is not loaded on first view', more.length === 0, limitList(more));

  c.throwIfFailed();
}
