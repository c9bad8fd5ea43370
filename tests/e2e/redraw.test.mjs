// The chart is drawn only when what it shows changes. Every design width's drawing is in the
// page and the stylesheet shows the one that fits its box, so a resize never draws; the pointer
// and the keys only move a ring and a tooltip above the drawing (hover/), so they never draw.
//
// Two ways a chart gets into the page, one test each:
// - pre-rendered (the page's own address): the drawing is in the HTML, the app is not even
//   started until a reader uses a control, and nothing replaces the drawing;
// - drawn by the app (an address no page was pre-rendered for): one draw, then none while idle,
//   for the pointer or for a resize; the data tables are built after the chart.
// Counts draws (the chart stage's data-draws attribute) and checks the drawing's elements stay
// the same nodes; no timing is asserted.
import { checks, waitForFirstChart } from './lib.mjs';

const STAGE = '.chart-stage';
const DESIGN_WIDTHS = [320, 400, 500, 640, 800, 1000]; // core/src/chart/mod.rs

/** The drawing shown, its design width, whether every drawing is still the one first seen. */
const state = (page) =>
  page.evaluate((sel) => {
    const stage = document.querySelector(sel);
    const svgs = [...stage.querySelectorAll('svg.chart-svg')];
    const shown = svgs.filter((s) => s.getBoundingClientRect().width > 0);
    return {
      draws: Number(stage.dataset.draws || 0),
      shown: shown.length,
      designWidth: Number(shown[0]?.closest('.chart-variant')?.dataset.w ?? 0),
      boxWidth: Math.round(stage.getBoundingClientRect().width),
      same: svgs.length > 0 && svgs.every((s) => s.__seen === true),
    };
  }, STAGE);

/** Tags the drawings now in the page, so that a replaced one is noticed. */
const tag = (page) =>
  page.evaluate((sel) => {
    for (const s of document.querySelectorAll(`${sel} svg.chart-svg`)) s.__seen = true;
  }, STAGE);

const designFor = (boxWidth) => DESIGN_WIDTHS.filter((w) => w <= boxWidth).pop() ?? 320;

/** Moves the pointer across the chart until a point is in focus; its x, or null. */
async function hoverAPoint(page) {
  const plot = page.locator('.chart-plot');
  await plot.scrollIntoViewIfNeeded();
  const box = await plot.boundingBox();
  for (let x = box.x + 2; x < box.x + box.width - 2; x += 6) {
    await page.mouse.move(x, box.y + box.height / 2);
    if ((await page.locator('.chart-tooltip.shown').count()) > 0) return { x, y: box.y + box.height / 2 };
  }
  return null;
}

const appWasmFetched = (page) =>
  page.evaluate(() =>
    performance.getEntriesByType('resource').some((e) => /\/chitieu-[0-9a-f]+_bg\.wasm$/.test(new URL(e.name).pathname)),
  );

export default {
  async 'a pre-rendered chart is never drawn again: not for the pointer, the keys or a resize, and the app waits to be used'({ openPage, url }) {
    const { page, log } = await openPage(url, { viewport: { width: 1280, height: 800 } });
    await waitForFirstChart(page, 20000, log);
    const c = checks();
    await tag(page);
    await page.waitForTimeout(400);
    const first = await state(page);
    c.check('the drawing is in the page, one design width shown', first.shown === 1 && first.designWidth === designFor(first.boxWidth), JSON.stringify(first));
    c.check('the app has not drawn it', first.draws === 0, JSON.stringify(first));
    c.check('the app is not downloaded while the reader only looks', !(await appWasmFetched(page)));

    const at = await hoverAPoint(page);
    c.check('hovering a point shows its tooltip and ring', at !== null && (await page.locator('.chart-ring.shown').count()) === 1);
    await page.focus('.chart-plot');
    await page.keyboard.press('End');
    c.check('the app is not started by the pointer or the chart\'s keys',
      (await page.evaluate(() => performance.getEntriesByName('chitieu:app').length)) === 0);

    await page.setViewportSize({ width: 1280, height: 600 });
    await page.waitForTimeout(300);
    const taller = await state(page);
    c.check('height-only window change: same drawing, same layout', taller.same && taller.designWidth === first.designWidth, JSON.stringify([first, taller]));

    // At 900 px the overview moves above the panel, so the chart's box gets wider.
    await page.setViewportSize({ width: 900, height: 600 });
    await page.waitForTimeout(300);
    const resized = await state(page);
    c.check('resized box: the drawing of its design width is shown', resized.shown === 1 && resized.designWidth === designFor(resized.boxWidth) && resized.designWidth !== first.designWidth, JSON.stringify([first, resized]));
    c.check('resized box: nothing was drawn again', resized.same && resized.draws === 0, JSON.stringify(resized));
    c.throwIfFailed();
  },

  async 'a chart the app draws is drawn once: not again while idle, for the pointer or for a resize'({ openPage, url }) {
    // No page is pre-rendered for period=all: the app draws this view itself.
    const { page, log } = await openPage(new URL('?indicator=grdp_growth&period=all', url).href, { viewport: { width: 1280, height: 800 } });
    await waitForFirstChart(page, 20000, log);
    const c = checks();
    await tag(page);
    await page.waitForTimeout(400);
    const first = await state(page);
    c.check('one draw after load', first.draws === 1 && first.shown === 1, JSON.stringify(first));
    await page.waitForTimeout(400);
    c.check('no draw while idle', (await state(page)).draws === 1);

    // Only the first view in the first paint: the data tables are built after the chart is drawn.
    const marks = await page.evaluate(() => Object.fromEntries(
      ['chitieu:first-chart', 'chitieu:tables'].map((n) => [n, performance.getEntriesByName(n)[0]?.startTime ?? null]),
    ));
    c.check('the tables are built after the first chart', marks['chitieu:tables'] !== null && marks['chitieu:first-chart'] !== null &&
      marks['chitieu:tables'] > marks['chitieu:first-chart'], JSON.stringify(marks));
    c.check('the tables are there by now', (await page.locator('.data-table table tbody tr').count()) > 0);

    const at = await hoverAPoint(page);
    c.check('hovering a point shows its tooltip', at !== null);
    if (at) {
      await page.mouse.move(at.x + 1, at.y);
      await page.waitForTimeout(200);
    }
    const hovered = await state(page);
    c.check('hovering draws nothing', hovered.draws === 1 && hovered.same, JSON.stringify(hovered));

    await page.setViewportSize({ width: 900, height: 600 });
    await page.waitForTimeout(400);
    const resized = await state(page);
    c.check('resized box: no draw, the drawing of its design width is shown', resized.draws === 1 && resized.same && resized.shown === 1 &&
      resized.designWidth === designFor(resized.boxWidth), JSON.stringify([first, resized]));

    // Another view is one draw.
    await page.locator('.period-switch button', { hasText: '2021–2025' }).click();
    await page.waitForFunction((sel) => Number(document.querySelector(sel)?.dataset.draws || 0) >= 2, STAGE, { timeout: 5000 }).catch(() => {});
    await page.waitForTimeout(300);
    const other = await state(page);
    c.check('another period: exactly one more draw', other.draws === 2, JSON.stringify(other));
    c.throwIfFailed();
  },
};
