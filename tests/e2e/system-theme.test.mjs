// The "Auto" theme follows the system's light/dark setting live, not only at load; a theme
// chosen by the reader or the address does not move. (Chromium: Playwright's emulateMedia.)
import { checks, waitForFirstChart } from './lib.mjs';

const themeClass = (page) =>
  page.evaluate(() => {
    for (const el of document.querySelectorAll('[class*="theme-"]')) {
      const name = [...el.classList].find((c) => /^theme-(light|dark|contrast)$/.test(c));
      if (name) return name;
    }
    return null;
  });
const draws = (page) => page.evaluate(() => Number(document.querySelector('.chart-stage')?.dataset.draws || 0));
/** Relative luminance (0 black … 1 white) of a CSS colour or an SVG fill ("#rrggbb" or "rgb(…)"). */
const luminance = (page, color) =>
  page.evaluate((c) => {
    const probe = document.createElement('span');
    probe.style.color = c;
    document.body.append(probe);
    const [r, g, b] = getComputedStyle(probe).color.match(/\d+/g).map(Number);
    probe.remove();
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  }, color);
/** The chart's background: the fill of the SVG's first rectangle (the plot's backdrop). */
const chartBackground = async (page) =>
  luminance(page, await page.evaluate(() => document.querySelector('svg.chart-svg rect')?.getAttribute('fill') ?? 'transparent'));

export default {
  async '"Auto" follows a system light/dark change after load, and redraws the chart'({ openPage, url }) {
    const { page, log } = await openPage(new URL('?indicator=grdp_growth', url).href, { contextOptions: { colorScheme: 'light' } });
    await waitForFirstChart(page, 20000, log);
    const c = checks();
    c.check('light system: light theme', (await themeClass(page)) === 'theme-light', String(await themeClass(page)));
    const light = await chartBackground(page);
    const before = await draws(page);
    await page.emulateMedia({ colorScheme: 'dark' });
    const switched = await page.waitForFunction(() => document.querySelector('.theme-dark'), null, { timeout: 5000 }).then(() => true, () => false);
    c.check('system switched to dark after load: dark theme', switched, String(await themeClass(page)));
    await page.waitForTimeout(300);
    c.check('the chart was redrawn', (await draws(page)) > before, `${before} → ${await draws(page)}`);
    const dark = await chartBackground(page);
    c.check('the chart background went dark', light > 0.8 && dark < 0.3, `luminance ${light.toFixed(2)} → ${dark.toFixed(2)}`);
    c.check('the theme menu still says Auto', (await page.locator('.theme-select select').inputValue()) === 'auto');
    await page.emulateMedia({ colorScheme: 'light' });
    const back = await page.waitForFunction(() => document.querySelector('.theme-light'), null, { timeout: 5000 }).then(() => true, () => false);
    c.check('and back to light', back, String(await themeClass(page)));
    c.check('no console errors', log.consoleErrors.length === 0, log.consoleErrors.join(' | '));
    c.throwIfFailed();
  },

  async 'a theme named in the address stays when the system changes'({ openPage, url }) {
    const { page, log } = await openPage(new URL('?indicator=grdp_growth&theme=contrast', url).href, { contextOptions: { colorScheme: 'light' } });
    await waitForFirstChart(page, 20000, log);
    const c = checks();
    c.check('theme=contrast is shown', (await themeClass(page)) === 'theme-contrast', String(await themeClass(page)));
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForTimeout(500);
    c.check('still contrast after the system went dark', (await themeClass(page)) === 'theme-contrast', String(await themeClass(page)));
    c.throwIfFailed();
  },
};
