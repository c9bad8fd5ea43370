// The compact embed as an article shows it: at most 600 px tall in a column 320 to 700 px wide,
// resized to its content by the embedding tools newsrooms use (pym.js's own `pym.Parent` from
// npm, Datawrapper's published resize snippet) without a single notice to the reader; and the
// tooltip stays inside the chart and the window at the first and the last point, on a phone and
// on a desktop.
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { checks, limitList, startServer, waitFor, waitForFirstChart } from './lib.mjs';

const MAX_EMBED_HEIGHT = 600;
const WIDTHS = [320, 360, 480, 600, 700];
const HEADLINE_INDICATORS = ['grdp_growth', 'grdp_per_capita_vnd', 'health_insurance_coverage', 'poor_household_rate', 'communes_advanced_ntm'];

const HEAD = '<meta charset="utf-8"><link rel="icon" href="data:,"><title>Báo — bài viết</title>';
const ARTICLE_CSS = `<style>
  body { margin: 0; font: 18px/1.6 Georgia, serif; }
  article { max-width: 680px; margin: 0 auto; padding: 0 16px; }
  iframe { display: block; width: 100%; border: 0; }
</style>`;
const PARAGRAPHS = '<p>Đoạn mở đầu của bài báo.</p><p>Đoạn thứ hai của bài báo, trước biểu đồ.</p>';

/** Serves a host page (its own origin) and, at /pym.v1.js, pym.js 1.3.2 from node_modules. */
async function articleHost(body) {
  const pym = await readFile(createRequire(import.meta.url).resolve('pym.js/dist/pym.v1.js'), 'utf8');
  return startServer((req, res) => {
    if (req.url === '/pym.v1.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      res.end(pym);
      return;
    }
    res.writeHead(req.url === '/' ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(req.url === '/' ? `<!DOCTYPE html><html lang="vi"><head>${HEAD}${ARTICLE_CSS}</head><body><article>${PARAGRAPHS}${body}<p>Đoạn sau biểu đồ.</p></article></body></html>` : 'not found');
  });
}

/** The frame's box height and its document's height. */
async function frameHeights(page) {
  const handle = await page.$('iframe');
  const frame = handle && (await handle.contentFrame());
  if (!frame) return null;
  const outer = await handle.evaluate((f) => f.getBoundingClientRect().height);
  const inner = await frame.evaluate(() => document.documentElement.getBoundingClientRect().height).catch(() => null);
  return { outer: Math.round(outer), inner: inner === null ? null : Math.ceil(inner), frame };
}

export default {
  async 'the compact embed fits 600 px from 320 to 700 px wide, every headline indicator, vi and en'({ openPage, url }) {
    const c = checks();
    const { page, log } = await openPage('about:blank');
    const tallest = {};
    for (const lang of ['vi', 'en']) {
      for (const indicator of HEADLINE_INDICATORS) {
        for (const width of WIDTHS) {
          // Only the widest and narrowest for every indicator; every width for the lead one.
          if (indicator !== 'grdp_growth' && width !== 320 && width !== 700) continue;
          await page.setViewportSize({ width, height: 900 });
          await page.goto(new URL(`?embed=1&indicator=${indicator}&lang=${lang}`, url).href, { waitUntil: 'load' });
          if (!(await c.attempt(`${indicator} ${lang} @${width}: chart drawn`, () => waitForFirstChart(page, 15000, log)))) continue;
          const state = await page.evaluate(() => ({
            height: Math.ceil(document.documentElement.getBoundingClientRect().height),
            headline: document.querySelector('h1')?.textContent ?? '',
            status: document.querySelector('.status-line')?.textContent ?? '',
            source: document.querySelector('.source-line')?.textContent ?? '',
            link: document.querySelector('.full-link a')?.getAttribute('href') ?? '',
            folded: [...document.querySelectorAll('.compact-more')].every((d) => !d.open),
            notices: document.querySelectorAll('.notices li').length,
          }));
          const where = `${indicator} ${lang} @${width}px`;
          tallest[where] = state.height;
          c.check(`${where}: at most ${MAX_EMBED_HEIGHT} px tall`, state.height <= MAX_EMBED_HEIGHT, `${state.height} px`);
          c.check(`${where}: a headline, a status line, a source line and a link to the full view`,
            state.headline.length > 20 && state.source.length > 5 && /indicator=/.test(state.link), JSON.stringify(state));
          c.check(`${where}: the status line names its territory`, /Cần Thơ|Can Tho/.test(state.status), JSON.stringify(state.status));
          c.check(`${where}: tables and reasons folded`, state.folded);
          c.check(`${where}: no notice`, state.notices === 0);
        }
      }
    }
    c.check('no console error', log.consoleErrors.length + log.pageErrors.length === 0, limitList([...log.consoleErrors, ...log.pageErrors]));
    c.throwIfFailed();
  },

  async "pym.js's own pym.Parent resizes the iframe to its content, and no notice is shown"({ openPage, url }) {
    const src = new URL('?embed=1&indicator=grdp_growth', url).href;
    const host = await articleHost(`<div id="chitieu-pym"></div><script src="/pym.v1.js"></script>
<script>window.parent_ = new pym.Parent('chitieu-pym', ${JSON.stringify(src)}, { title: 'chitieu' });</script>`);
    const c = checks();
    try {
      for (const width of [360, 700]) {
        const { page, log } = await openPage(`${host.origin}/`, { viewport: { width, height: 900 } });
        const frameUrl = await waitFor(async () => (await page.$('#chitieu-pym iframe')) && page.$eval('#chitieu-pym iframe', (f) => f.src), 'pym.Parent made no iframe');
        const params = new URL(frameUrl).searchParams;
        c.check(`@${width}: pym adds its own parameters to the address`, ['initialWidth', 'childId', 'parentTitle', 'parentUrl'].every((p) => params.has(p)), frameUrl);
        const frame = await (await page.$('#chitieu-pym iframe')).contentFrame();
        await waitForFirstChart(frame, 15000);
        await c.attempt(`@${width}: pym resized the iframe to its content`, () =>
          waitFor(async () => {
            const h = await frameHeights(page);
            return h && h.inner !== null && Math.abs(h.outer - h.inner) <= 2 && h.outer > 200 && h;
          }, 'the iframe never matched its content'),
        );
        const h = await frameHeights(page);
        c.check(`@${width}: at most ${MAX_EMBED_HEIGHT} px in the article`, h && h.outer <= MAX_EMBED_HEIGHT, JSON.stringify(h && { outer: h.outer, inner: h.inner }));
        const notices = await frame.evaluate(() => [...document.querySelectorAll('.notices li')].map((li) => li.textContent));
        c.check(`@${width}: no notice about pym's parameters`, notices.length === 0, limitList(notices));
        c.check(`@${width}: no page error`, log.pageErrors.length === 0, limitList(log.pageErrors));
      }
    } finally {
      await host.close();
    }
    c.throwIfFailed();
  },

  async "Datawrapper's published resize snippet resizes the iframe, and no notice is shown"({ openPage, url }) {
    const src = new URL('?embed=1&indicator=grdp_growth&utm_source=zalo&fbclid=IwAR0', url).href;
    // The snippet Datawrapper publishes with its responsive iframe embed code.
    const snippet = `!function(){"use strict";window.addEventListener("message",(function(a){if(void 0!==a.data["datawrapper-height"]){var e=document.querySelectorAll("iframe");for(var t in a.data["datawrapper-height"])for(var r=0;r<e.length;r++)if(e[r].contentWindow===a.source){var i=a.data["datawrapper-height"][t]+"px";e[r].style.height=i}}}))}();`;
    const host = await articleHost(`<iframe title="chitieu" aria-label="chitieu" id="datawrapper-chart-x" src="${src}" scrolling="no" frameborder="0" style="width: 0; min-width: 100% !important; border: none;" height="400"></iframe><script>${snippet}</script>`);
    const c = checks();
    try {
      const { page } = await openPage(`${host.origin}/`, { viewport: { width: 360, height: 900 } });
      const frame = await (await page.$('iframe')).contentFrame();
      await waitForFirstChart(frame, 15000);
      await c.attempt('the snippet resized the iframe to its content', () =>
        waitFor(async () => {
          const h = await frameHeights(page);
          return h && h.inner !== null && Math.abs(h.outer - h.inner) <= 2 && h.outer !== 400 && h;
        }, 'the iframe never matched its content'),
      );
      const notices = await frame.evaluate(() => document.querySelectorAll('.notices li').length);
      c.check('no notice about utm_source or fbclid', notices === 0, String(notices));
    } finally {
      await host.close();
    }
    c.throwIfFailed();
  },

  async 'the tooltip stays inside the chart and the window at the first and last point, 320 and 1280 px'({ openPage, url }) {
    const c = checks();
    for (const [width, query] of [[320, '?indicator=grdp_growth&view=chart'], [1280, '?indicator=grdp_growth'], [1280, '?indicator=grdp_growth&view=chart']]) {
      const { page, log } = await openPage(new URL(query, url).href, { viewport: { width, height: 800 } });
      await waitForFirstChart(page, 15000, log);
      const plot = page.locator('.chart-plot');
      await plot.scrollIntoViewIfNeeded();
      const box = await plot.boundingBox();
      // Sweep left to right along the middle: the first and the last position that show a tooltip
      // are the first and the last point.
      const shownAt = [];
      for (let x = box.x + 1; x < box.x + box.width - 1; x += 4) {
        await page.mouse.move(x, box.y + box.height / 2);
        if (await page.locator('.chart-tooltip.shown').count()) shownAt.push(x);
      }
      if (!c.check(`@${width} ${query}: hovering shows a tooltip`, shownAt.length > 0)) continue;
      for (const [which, x] of [['first', shownAt[0]], ['last', shownAt[shownAt.length - 1]]]) {
        await page.mouse.move(x, box.y + box.height / 2);
        await page.waitForTimeout(50);
        const geometry = await page.evaluate(() => {
          const tip = document.querySelector('.chart-tooltip.shown')?.getBoundingClientRect();
          const stage = document.querySelector('.chart-stage').getBoundingClientRect();
          return tip && { tip: { left: tip.left, right: tip.right, top: tip.top, bottom: tip.bottom, width: tip.width, height: tip.height },
            stage: { left: stage.left, right: stage.right, top: stage.top, bottom: stage.bottom, width: stage.width }, viewport: innerWidth };
        });
        const where = `@${width} ${query}, ${which} point`;
        if (!c.check(`${where}: tooltip shown`, !!geometry)) continue;
        const { tip, stage, viewport } = geometry;
        const readable = Math.min(200, stage.width);
        c.check(`${where}: readable width (>= ${readable} px)`, tip.width >= readable - 0.5, JSON.stringify(geometry));
        c.check(`${where}: inside the chart horizontally`, tip.left >= stage.left - 0.5 && tip.right <= stage.right + 0.5, JSON.stringify(geometry));
        c.check(`${where}: inside the chart vertically`, tip.top >= stage.top - 0.5 && tip.bottom <= stage.bottom + 0.5, JSON.stringify(geometry));
        c.check(`${where}: inside the window`, tip.left >= 0 && tip.right <= viewport, JSON.stringify(geometry));
        c.check(`${where}: no taller than wide (no collapsed column)`, tip.height <= tip.width, JSON.stringify(geometry));
      }
    }
    c.throwIfFailed();
  },
};
