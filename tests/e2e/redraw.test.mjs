// The chart paints only when something it shows changes: not while the page sits idle, not when
// the pointer moves within the same point's reach, not when the window changes only its height;
// once when its box gets clearly wider or narrower, and its drawing (viewBox) is laid out anew
// only then. Counts draws (the chart stage's data-draws attribute); no timing is asserted.
import { checks, waitForFirstChart } from './lib.mjs';

const STAGE = '.chart-stage';

export default async function redraw({ openPage, url }) {
  const { page, log } = await openPage(url, { viewport: { width: 1280, height: 800 } });
  await waitForFirstChart(page, 20000, log);
  const c = checks();
  const state = () =>
    page.evaluate((sel) => {
      const el = document.querySelector(sel);
      const box = el.querySelector('svg.chart-svg')?.viewBox.baseVal;
      return { draws: Number(el.dataset.draws), width: box?.width ?? 0, height: box?.height ?? 0 };
    }, STAGE);
  const settle = () => page.waitForTimeout(400);

  await settle();
  const first = await state();
  c.check('one draw after load', first.draws === 1, JSON.stringify(first));

  await settle();
  c.check('no draw while idle', (await state()).draws === first.draws);

  // Only the first view in the first paint: the data tables are built after the chart is drawn.
  const marks = await page.evaluate(() => Object.fromEntries(
    ['chitieu:first-chart', 'chitieu:tables'].map((n) => [n, performance.getEntriesByName(n)[0]?.startTime ?? null]),
  ));
  c.check('the tables are built after the first chart', marks['chitieu:tables'] !== null && marks['chitieu:first-chart'] !== null &&
    marks['chitieu:tables'] > marks['chitieu:first-chart'], JSON.stringify(marks));
  c.check('the tables are there by now', (await page.locator('.data-table table tbody tr').count()) > 0);

  const plot = page.locator('.chart-plot');
  await plot.scrollIntoViewIfNeeded();
  const box = await plot.boundingBox();
  // Sweep until the pointer focuses a point (one draw), then move 1 px: same point, no draw.
  let focused = null;
  for (let x = box.x + 2; x < box.x + box.width - 2 && !focused; x += 6) {
    await page.mouse.move(x, box.y + box.height / 2);
    await page.waitForTimeout(20);
    if ((await state()).draws > first.draws) focused = x;
  }
  c.check('hovering a point draws', focused !== null);
  if (focused !== null) {
    await settle();
    const before = await state();
    await page.mouse.move(focused + 1, box.y + box.height / 2);
    await settle();
    c.check('same point under the pointer: no draw', (await state()).draws === before.draws, JSON.stringify([before, await state()]));
  }

  const beforeResize = await state();
  await page.setViewportSize({ width: 1280, height: 600 });
  await settle();
  const taller = await state();
  c.check('height-only window change: no draw, same layout', JSON.stringify(taller) === JSON.stringify(beforeResize), JSON.stringify([beforeResize, taller]));

  // A narrower window changes the chart's box (at 900 px the overview moves above the panel, so
  // the box gets wider): one draw, laid out at the box's new width.
  await page.setViewportSize({ width: 900, height: 600 });
  await settle();
  const resized = await state();
  const boxWidth = await page.$eval(STAGE, (e) => e.getBoundingClientRect().width);
  // The design width for that box (core/src/chart/mod.rs DESIGN_WIDTHS, design_width).
  const design = [320, 400, 500, 640, 800, 1000].filter((w) => w <= boxWidth).pop() ?? 320;
  c.check('resized box: exactly one draw', resized.draws === taller.draws + 1, JSON.stringify([taller, resized]));
  c.check('resized box: laid out at the design width of its new size', resized.width !== taller.width && resized.width === design, JSON.stringify([taller, resized, boxWidth, design]));

  c.throwIfFailed();
}
