// Embedding: a host page on another origin frames chitieu and resizes it from its height
// messages (and only from them); the script-tag embed mounts an iframe; the Embed dialog writes
// iframe code for the current view, copies it, closes on Escape and gives focus back.
import { chartInk, checks, limitList, startServer, waitFor, waitForFirstChart } from './lib.mjs';

const INDICATOR = 'grdp_growth';
const FORGED = [99999, 5000, 7777, 31337];

const HEAD = '<meta charset="utf-8"><link rel="icon" href="data:,"><title>Host page</title>';

/** A host page (origin B) that frames chitieu (origin A) and records every message it receives. */
function hostPage(appOrigin, body) {
  return `<!DOCTYPE html><html lang="en"><head>${HEAD}
<style>body { margin: 0; font-family: sans-serif; } #box { width: 900px; } iframe { display: block; } #chart { width: 100%; }</style>
</head><body><h1>A news article</h1>${body}
<iframe id="attacker" src="/attacker" title="attacker" width="300" height="100"></iframe>
<script>
  window.__messages = [];
  addEventListener('message', (e) => window.__messages.push({ origin: e.origin, data: e.data }));
</script>
<script src="${appOrigin}/embed.js"></script>
</body></html>`;
}

// A frame on the host's own origin that keeps posting forged heights in every format; the host
// page also posts some to itself. embed.js must ignore them all (wrong source window).
const ATTACKER = `<!DOCTYPE html><html><head>${HEAD}</head><body>attacker<script>
  const forge = () => {
    parent.postMessage({ 'datawrapper-height': { chitieu: ${FORGED[0]} } }, '*');
    parent.postMessage({ sentinel: 'amp', type: 'embed-size', height: ${FORGED[1]} }, '*');
    parent.postMessage('pymxPYMxchitieuxPYMxheightxPYMx${FORGED[2]}', '*');
    parent.postMessage({ 'datawrapper-height': { x: NaN } }, '*');
    parent.postMessage({ 'datawrapper-height': { x: '1e9' } }, '*');
    parent.postMessage({ sentinel: 'amp', type: 'embed-size', height: { valueOf: 1 } }, '*');
    parent.postMessage({ 'datawrapper-height': { chitieu: ${FORGED[3]} } }, '*');
  };
  forge(); setInterval(forge, 100);
</script></body></html>`;

async function withHost(appUrl, body, fn) {
  const appOrigin = new URL(appUrl).origin;
  const host = await startServer((req, res) => {
    res.writeHead(req.url === '/' || req.url === '/attacker' ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(req.url === '/' ? hostPage(appOrigin, body) : req.url === '/attacker' ? ATTACKER : 'not found');
  });
  try {
    return await fn(host.origin);
  } finally {
    await host.close();
  }
}

/** Height of the iframe box, and of the document inside it. */
async function heights(page, frameSelector) {
  const handle = await page.$(frameSelector);
  const frame = handle && (await handle.contentFrame());
  if (!frame) return null;
  const outer = await handle.evaluate((f) => f.clientHeight); // inside the frame's border
  const inner = await frame.evaluate(() => document.documentElement.getBoundingClientRect().height).catch(() => null);
  return { outer, inner };
}

function fitsContent(h) {
  return h && h.inner !== null && Math.abs(h.outer - Math.ceil(h.inner)) <= 2;
}

function checkForgedIgnored(c, h) {
  c.check(
    'forged heights from another window are ignored',
    h && !FORGED.some((f) => Math.abs(h.outer - f) < 1) && h.outer < 20000,
    JSON.stringify(h),
  );
}

export default {
  'iframe: host receives height messages and resizes the frame': async ({ openPage, url }) => {
    const src = new URL(url);
    src.searchParams.set('embed', '1');
    src.searchParams.set('indicator', INDICATOR);
    src.searchParams.set('childId', 'chart-1');
    const body = `<div id="box"><iframe id="chart" src="${src.href}" title="chitieu" height="150"
      sandbox="allow-scripts allow-same-origin" data-chitieu-frame></iframe></div>`;
    await withHost(url, body, async (hostOrigin) => {
      const { page, log } = await openPage(`${hostOrigin}/`);
      const c = checks();
      const frame = await (await page.$('#chart')).contentFrame();
      await waitForFirstChart(frame, 20000);
      const ink = await chartInk(frame);
      c.check('the framed chart has ink', ink.some((x) => x.ink > 20), JSON.stringify(ink));

      let first = null;
      await c.attempt('iframe resized to its content', async () => {
        first = await waitFor(async () => {
          const h = await heights(page, '#chart');
          return fitsContent(h) && h.outer > 200 && h;
        }, 'iframe height never matched its document height');
      });

      const appOrigin = new URL(url).origin;
      const messages = (await page.evaluate(() => window.__messages)).filter((m) => m.origin === appOrigin);
      const kinds = {
        pym: messages.some((m) => typeof m.data === 'string' && /^pymxPYMxchart-1xPYMxheightxPYMx\d+$/.test(m.data)),
        datawrapper: messages.some((m) => m.data && typeof m.data === 'object' && Number.isFinite(m.data['datawrapper-height']?.['chart-1'])),
        amp: messages.some((m) => m.data && m.data.sentinel === 'amp' && m.data.type === 'embed-size' && Number.isFinite(m.data.height)),
      };
      c.check('height posted in pym, datawrapper-height and AMP embed-size formats', kinds.pym && kinds.datawrapper && kinds.amp, JSON.stringify({ kinds, sample: messages.slice(0, 3) }));

      // A narrower host column: the content reflows, the frame follows.
      if (first) {
        await page.evaluate(() => { document.getElementById('box').style.width = '340px'; });
        await c.attempt('iframe follows a size change', () =>
          waitFor(async () => {
            const h = await heights(page, '#chart');
            return fitsContent(h) && Math.abs(h.outer - first.outer) > 20 && h;
          }, `iframe height did not follow the narrower layout (was ${JSON.stringify(first)})`),
        );
      }
      await page.evaluate(() => window.postMessage({ 'datawrapper-height': { chitieu: 31337 } }, '*'));
      await page.waitForTimeout(300);
      checkForgedIgnored(c, await heights(page, '#chart'));
      c.check('no page errors on the host', log.pageErrors.length === 0, limitList(log.pageErrors));
      c.throwIfFailed();
    });
  },

  'script tag: <div data-chitieu> mounts a resized compact embed': async ({ openPage, url }) => {
    const body = `<div id="box"><div id="mount" data-chitieu data-indicator="${INDICATOR}" data-lang="en" data-height="150"></div></div>`;
    await withHost(url, body, async (hostOrigin) => {
      const { page, log } = await openPage(`${hostOrigin}/`);
      const c = checks();
      const handle = await waitFor(() => page.$('#mount > iframe'), 'embed.js did not insert an iframe');
      const src = new URL(await handle.getAttribute('src'));
      c.check('iframe src is the pre-rendered compact page of the chosen indicator, in English', src.origin === new URL(url).origin &&
        src.pathname === `/embed-${INDICATOR}.en.html` && src.search === '', src.href);
      c.check('iframe has an accessible name and a sandbox', Boolean(await handle.getAttribute('title')) &&
        /allow-scripts/.test((await handle.getAttribute('sandbox')) || ''));
      const frame = await handle.contentFrame();
      await waitForFirstChart(frame, 20000);
      const state = await frame.evaluate(() => ({
        lang: document.documentElement.lang,
        compact: Boolean(document.querySelector('.chitieu.compact')),
        status: document.querySelectorAll('.status-line .badge').length,
        source: document.querySelector('.source-line')?.textContent || '',
        overview: Boolean(document.querySelector('.overview')),
        title: document.querySelector('#indicator-title')?.textContent || '',
      }));
      c.check('compact mode: chart, status and source line, no overview', state.compact && state.status > 0 &&
        /Sources: \S/.test(state.source) && !state.overview, JSON.stringify(state));
      c.check('the embed is in English', state.lang === 'en', JSON.stringify(state));
      await c.attempt('script-tag iframe resized to its content', () =>
        waitFor(async () => {
          const h = await heights(page, '#mount > iframe');
          return fitsContent(h) && h.outer > 200 && h;
        }, 'script-tag iframe height never matched its document height'),
      );
      checkForgedIgnored(c, await heights(page, '#mount > iframe'));
      c.check('no page errors on the host', log.pageErrors.length === 0, limitList(log.pageErrors));
      c.throwIfFailed();
    });
  },

  'script tag: the pre-rendered page when it stands for the choice, the address form otherwise': async ({ openPage, url }) => {
    const body = `<div id="a" data-chitieu data-indicator="${INDICATOR}"></div>
      <div id="b" data-chitieu data-indicator="${INDICATOR}" data-period="all"></div>
      <div id="c" data-chitieu data-indicator="no_such_indicator" data-lang="en"></div>
      <div id="d" data-chitieu data-indicator="${INDICATOR}" data-lang="fr"></div>`;
    await withHost(url, body, async (hostOrigin) => {
      const { page } = await openPage(`${hostOrigin}/`);
      const c = checks();
      await waitFor(async () => (await page.$$('[data-chitieu] > iframe')).length === 4, 'embed.js did not insert four iframes');
      const srcs = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('[data-chitieu]')].map((d) => [d.id, d.querySelector('iframe')?.src])));
      const a = new URL(srcs.a);
      c.check('indicator alone, Vietnamese: its pre-rendered page', a.pathname === `/embed-${INDICATOR}.html` && a.search === '', srcs.a);
      for (const [id, want] of [['b', 'period=all'], ['c', 'indicator=no_such_indicator'], ['d', 'lang=fr']]) {
        const u = new URL(srcs[id]);
        c.check(`${id}: the address form (${want}), which the app draws and checks`, u.pathname === '/' && u.searchParams.get('embed') === '1' && u.search.includes(want), srcs[id]);
      }
      const response = await page.request.get(srcs.a);
      c.check('the pre-rendered page exists', response.ok(), String(response.status()));
      c.throwIfFailed();
    });
  },

  'dialog: iframe code for the current view, copy, Escape, focus back': async ({ openPage, url }) => {
    const start = new URL(url);
    start.searchParams.set('indicator', INDICATOR);
    start.searchParams.set('lang', 'en');
    const { page, log } = await openPage(start.href, {
      contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] },
    });
    const c = checks();
    await waitForFirstChart(page, 20000, log);
    const opener = page.locator('button.embed-open');
    await opener.focus();
    await page.keyboard.press('Enter');
    const dialog = page.locator('dialog.embed-dialog');
    await c.attempt('dialog opens as a modal', () => dialog.waitFor({ state: 'visible', timeout: 3000 }));
    const modal = await page.evaluate(() => document.querySelector('dialog.embed-dialog')?.matches(':modal'));
    c.check('the dialog is modal', modal === true);
    const code = await page.locator('#embed-code').inputValue();
    const srcMatch = code.match(/<iframe src="([^"]+)"/);
    const frameSrc = srcMatch ? new URL(srcMatch[1].replaceAll('&amp;', '&')) : null;
    // The current view's compact page, pre-rendered by the build (core/src/embed.rs page_name).
    c.check('code has an iframe of the current view, its pre-rendered compact page', frameSrc && frameSrc.origin === new URL(url).origin &&
      frameSrc.pathname === `/embed-${INDICATOR}.en.html`, code);
    if (frameSrc) {
      const frameResponse = await page.request.get(frameSrc.href);
      c.check('that page exists and carries its state', frameResponse.ok() && /<meta name="chitieu-prerendered" content="lang=en&amp;indicator=grdp_growth&amp;embed=1">/.test(await frameResponse.text()), String(frameResponse.status()));
    }
    c.check('code has a title and loads embed.js', /title="[^"]+"/.test(code) && code.includes(`${new URL(url).origin}/embed.js`), code);
    const inDialog = await page.evaluate(() => document.querySelector('dialog.embed-dialog').contains(document.activeElement));
    c.check('focus moved into the dialog', inDialog);
    const title = await page.locator('#embed-dialog-title').textContent();
    c.check('dialog speaks the page language', /Embed/.test(title || ''), title);

    await page.locator('button.embed-copy').click();
    await c.attempt('copy reports success', () =>
      waitFor(async () => /copied/i.test((await page.locator('.embed-status').textContent()) || ''), 'no "copied" status'),
    );
    const clip = await page.evaluate(() => navigator.clipboard.readText()).catch((e) => `error: ${e}`);
    c.check('the clipboard holds the code', clip === code, clip.slice(0, 120));

    await page.keyboard.press('Escape');
    await c.attempt('Escape closes the dialog', () => dialog.waitFor({ state: 'hidden', timeout: 3000 }));
    const back = await page.evaluate(() => document.activeElement?.classList.contains('embed-open'));
    c.check('focus returned to the Embed button', back === true);
    c.check('no console errors', log.consoleErrors.length === 0, limitList(log.consoleErrors));
    c.throwIfFailed();
  },
};
