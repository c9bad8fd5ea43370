// The "Auto" theme follows the system's light/dark setting live, not only at load; a theme
// chosen by the reader or the address does not move. (Chromium: Playwright's emulateMedia.)
// "Auto" is the stylesheet's: the root keeps theme-auto, the page's colours and the chart's
// (generated rules over its fill and stroke attributes) follow the media query, so the chart
// changes colour without being drawn again, and a pre-rendered page needs no script for it.
import { checks, waitForFirstChart } from './lib.mjs';

const themeClass = (page) =>
  page.evaluate(() => {
    for (const el of document.querySelectorAll('[class*="theme-"]')) {
      const name = [...el.classList].find((c) => /^theme-(auto|light|dark|contrast)$/.test(c));
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
/** The chart's background as painted: the computed fill of the SVG's first rectangle. */
const chartBackground = async (page) =>
  luminance(page, await page.evaluate(() => {
    const rect = [...document.querySelectorAll('svg.chart-svg')].find((s) => s.getBoundingClientRect().width > 0)?.querySelector('rect');
    return rect ? getComputedStyle(rect).fill : 'transparent';
  }));
const pageBackground = async (page) =>
  luminance(page, await page.evaluate(() => getComputedStyle(document.querySelector('.chitieu')).backgroundColor));

export default {
  async '"Auto" follows a system light/dark change after load, page and chart, with no redraw'({ openPage, url }) {
    const { page, log } = await openPage(new URL('?indicator=grdp_growth', url).href, { contextOptions: { colorScheme: 'light' } });
    await waitForFirstChart(page, 20000, log);
    const c = checks();
    c.check('Auto: the root says theme-auto', (await themeClass(page)) === 'theme-auto', String(await themeClass(page)));
    const light = await chartBackground(page);
    const lightPage = await pageBackground(page);
    const before = await draws(page);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForTimeout(300);
    const dark = await chartBackground(page);
    const darkPage = await pageBackground(page);
    c.check('the chart background went dark', light > 0.8 && dark < 0.3, `luminance ${light.toFixed(2)} → ${dark.toFixed(2)}`);
    c.check('the page background went dark', lightPage > 0.8 && darkPage < 0.3, `luminance ${lightPage.toFixed(2)} → ${darkPage.toFixed(2)}`);
    c.check('without drawing the chart again', (await draws(page)) === before, `${before} → ${await draws(page)}`);
    c.check('the theme menu still says Auto', (await page.locator('.theme-select select').inputValue()) === 'auto');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.waitForTimeout(300);
    c.check('and back to light', (await chartBackground(page)) > 0.8 && (await pageBackground(page)) > 0.8, String(await chartBackground(page)));
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
