// Keyboard only: Tab from the top of the page reaches the language switch, the theme select, the
// period buttons, the status strip (Enter picks an indicator), the indicator select, the chart
// (arrow keys step through the points and announce each), the legend toggles, the Downloads
// and Cite buttons (Enter and Space open their dialogs, Escape closes them, focus returns) and
// the tables; every stop shows a focus outline; and Tab goes on past the last control (no trap).
// A last test checks that prefers-reduced-motion leaves nothing animated.
import { checks, waitForFirstChart } from './lib.mjs';

/** What has focus: a short description and whether a focus indicator is drawn. */
function focused(page) {
  return page.evaluate(() => {
    const e = document.activeElement;
    if (!e || e === document.body || e === document.documentElement) return { kind: 'body' };
    const style = getComputedStyle(e);
    const classes = [...e.classList];
    return {
      kind: e.localName,
      classes,
      key:
        e.closest('.lang-switch') ? 'lang' :
        e.closest('.theme-select') ? 'theme' :
        e.closest('.period-switch') ? 'period' :
        e.closest('.strip-row') ? 'card' :
        e.closest('.indicator-select') ? 'indicator-select' :
        classes.includes('chart-plot') ? 'chart' :
        classes.includes('legend-toggle') ? 'legend' :
        classes.includes('export-downloads') ? 'downloads' :
        classes.includes('export-cite') ? 'cite' :
        e.closest('.data-table') ? 'table' :
        e.closest('dialog') ? 'dialog' : 'other',
      text: (e.innerText || e.getAttribute('aria-label') || '').trim().slice(0, 40),
      outline: `${style.outlineStyle} ${style.outlineWidth}`,
      visible: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
      inDialog: !!e.closest('dialog'),
    };
  });
}

/** Presses Tab until `want(focus)` or `limit` presses; returns the focus reached or null. */
async function tabTo(page, want, limit, seen) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    seen.push(f);
    if (want(f)) return f;
  }
  return null;
}

export default {
  async 'a keyboard-only walk reaches every control and every dialog, with visible focus and no trap'({ openPage, url }) {
    const { page, log } = await openPage(new URL('?period=2021-2025', url).href);
    await waitForFirstChart(page, 15000, log);
    const c = checks();
    const seen = [];
    await page.evaluate(() => document.activeElement?.blur());

    // The theme and the embed code are the reader's tools at the foot of the page.
    const order = ['lang', 'period', 'card', 'indicator-select', 'chart', 'legend', 'downloads', 'cite', 'table', 'theme'];
    for (const key of order.slice(0, 3)) {
      c.check(`Tab reaches ${key}`, !!(await tabTo(page, (f) => f.key === key, 80, seen)), seen.slice(-3).map((f) => f.key).join(' → '));
    }
    // Enter on a scorecard card picks its indicator: the next card with figures that is not the
    // indicator already shown.
    const before = await page.locator('#indicator-title').innerText();
    const other = () => page.evaluate((shown) => {
      const card = document.activeElement.closest('.strip-row');
      const name = card?.querySelector('.strip-name')?.textContent ?? '';
      return card && card.dataset.status !== 'no_data' && !shown.startsWith(name) ? name : null;
    }, before);
    let cardName = await other();
    for (let i = 0; i < 20 && !cardName; i++) {
      await tabTo(page, (f) => f.key === 'card', 1, seen);
      cardName = await other();
    }
    await page.keyboard.press('Enter');
    await page.waitForFunction((b) => document.querySelector('#indicator-title')?.innerText !== b, before, { timeout: 3000 }).catch(() => {});
    const after = await page.locator('#indicator-title').innerText();
    c.check('Enter on a card selects its indicator', after !== before && !!cardName && after.startsWith(cardName), `${before} → ${after} (card ${cardName})`);

    for (const key of ['indicator-select', 'chart']) {
      c.check(`Tab reaches ${key}`, !!(await tabTo(page, (f) => f.key === key, 80, seen)), seen.slice(-3).map((f) => f.key).join(' → '));
    }
    // Arrow keys move through the points; each move is announced in the live readout.
    const readout = page.locator('.readout');
    const announced = [await readout.innerText()];
    for (const key of ['ArrowRight', 'ArrowRight', 'End', 'Home']) {
      await page.keyboard.press(key);
      await page.waitForTimeout(60);
      announced.push(await readout.innerText());
    }
    c.check('the chart announces a point on focus and on each arrow key', announced.every((t) => /^\d{4}/.test(t)), JSON.stringify(announced));
    c.check('ArrowRight moves to another point, Home back to the first', announced[1] !== announced[0] && announced[4] === announced[0], JSON.stringify(announced));
    c.check('the focused point is labelled with its source', /Nguồn|Source/.test(announced[1]), JSON.stringify(announced[1]));

    // Legend toggles (the chart's key, below it): Space switches a layer off and on.
    const legend = await tabTo(page, (f) => f.key === 'legend', 5, seen);
    if (c.check('Tab reaches the legend', !!legend)) {
      const pressed = () => page.evaluate(() => document.activeElement.getAttribute('aria-pressed'));
      const on = await pressed();
      await page.keyboard.press('Space');
      const off = await pressed();
      await page.keyboard.press('Space');
      c.check('Space toggles a legend layer', on === 'true' && off === 'false' && (await pressed()) === 'true', `${on} → ${off}`);
    }

    // The two dialogs: open with Enter and with Space, Escape closes, focus returns to the opener.
    for (const [key, dialog, openKey] of [['downloads', '#downloads-dialog', 'Enter'], ['cite', '#cite-dialog', 'Space']]) {
      if (!c.check(`Tab reaches ${key}`, !!(await tabTo(page, (f) => f.key === key, 20, seen)), seen.slice(-3).map((f) => f.key).join(' → '))) continue;
      await page.keyboard.press(openKey);
      const open = await page.waitForSelector(`${dialog}[open]`, { timeout: 2000 }).then(() => true, () => false);
      c.check(`${openKey} opens the ${key} dialog`, open);
      const inside = await focused(page);
      c.check(`focus moves into the ${key} dialog`, inside.inDialog, JSON.stringify(inside));
      c.check(`the focused control in the ${key} dialog shows focus`, inside.visible, inside.outline);
      // Tab stays inside the open modal dialog.
      const stops = [];
      for (let i = 0; i < 8; i++) {
        await page.keyboard.press('Tab');
        const f = await focused(page);
        if (f.kind !== 'body') stops.push(f);
      }
      c.check(`Tab stays inside the open ${key} dialog`, stops.length > 0 && stops.every((f) => f.inDialog), stops.map((f) => f.text).join(' | '));
      if (key === 'downloads') c.check('every download button is reachable', new Set(stops.filter((f) => f.classes.includes('download-button')).map((f) => f.text)).size === 5, stops.map((f) => f.text).join(' | '));
      await page.keyboard.press('Escape');
      c.check(`Escape closes the ${key} dialog`, (await page.locator(`${dialog}[open]`).count()) === 0);
      const back = await focused(page);
      c.check(`focus returns to the ${key} button`, back.key === key, JSON.stringify(back));
    }

    c.check('Tab reaches the data tables', !!(await tabTo(page, (f) => f.key === 'table', 20, seen)), seen.slice(-3).map((f) => f.key).join(' → '));
    c.check('Tab reaches the theme, at the foot of the page', !!(await tabTo(page, (f) => f.key === 'theme', 30, seen)), seen.slice(-3).map((f) => f.key).join(' → '));

    // No trap: Tab carries on past the last control, out of the page, and round to the top.
    const out = await tabTo(page, (f) => f.kind === 'body' || f.key === 'lang', 300, seen);
    c.check('Tab leaves the last control (no keyboard trap)', !!out, seen.slice(-5).map((f) => `${f.key}:${f.text}`).join(' → '));

    const stops = seen.filter((f) => f.kind !== 'body');
    const hidden = stops.filter((f) => !f.visible);
    c.check('every focus stop shows a focus outline', hidden.length === 0, hidden.slice(0, 5).map((f) => `${f.key}:${f.text} (${f.outline})`).join(' | '));
    const firstIndex = (key) => stops.findIndex((f) => f.key === key);
    const positions = order.map(firstIndex);
    c.check('focus order follows the page: language, period, strip rows, select, chart, legend, downloads, cite, tables, theme', positions.every((p, i) => p >= 0 && (i === 0 || p > positions[i - 1])), JSON.stringify(Object.fromEntries(order.map((k, i) => [k, positions[i]]))));
    c.throwIfFailed();
  },

  async 'with prefers-reduced-motion nothing animates'({ browser, url }) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    const c = checks();
    try {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      await waitForFirstChart(page, 15000);
      await page.locator('.strip-button').nth(1).click();
      await page.click('.export-downloads');
      await page.waitForSelector('#downloads-dialog[open]', { timeout: 10000 });
      const state = await page.evaluate(() => ({
        animations: document.getAnimations().length,
        scroll: getComputedStyle(document.documentElement).scrollBehavior,
        transitions: [...document.querySelectorAll('.chitieu *')].filter((e) => {
          const s = getComputedStyle(e);
          return parseFloat(s.transitionDuration) > 0 || parseFloat(s.animationDuration) > 0;
        }).length,
      }));
      c.check('no running animation', state.animations === 0, JSON.stringify(state));
      c.check('no transition or animation declared', state.transitions === 0, JSON.stringify(state));
      c.check('scrolling is instant', state.scroll === 'auto', state.scroll);
    } finally {
      await context.close();
    }
    c.throwIfFailed();
  },
};
