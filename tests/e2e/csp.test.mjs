// The build works on a page served with a strict Content Security Policy (no eval; only
// WebAssembly compilation; nothing inline but the page's stylesheet and guard, allowed by their
// SHA-256), with no violation reported, and inside a sandboxed iframe under the same policy.
import { readFileSync } from 'node:fs';
import { chartInk, checks, limitList, serveDir, startServer, waitForFirstChart } from './lib.mjs';

/** The policy as docs/hosting/nginx.conf sends it (scripts/csp.py keeps it equal to the build's). */
export const STRICT_CSP = (() => {
  const conf = readFileSync(new URL('../../docs/hosting/nginx.conf', import.meta.url), 'utf8');
  const policy = (conf.match(/add_header Content-Security-Policy "([^"]+)"/) || [])[1];
  if (!policy || !/'sha256-[A-Za-z0-9+/=]+'/.test(policy) || /unsafe-inline/.test(policy)) {
    throw new Error(`docs/hosting/nginx.conf: no strict hash-based Content-Security-Policy (${policy})`);
  }
  return policy;
})();

/** Records every securitypolicyviolation event from the very start of every document. */
async function watchViolations(context) {
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile || '?'}:${e.lineNumber}`);
    });
  });
}

export default {
  'strict CSP page: chart drawn, 0 violations': async ({ openPage, distDir }) => {
    const server = await serveDir(distDir, { headers: { 'content-security-policy': STRICT_CSP } });
    try {
      // Open a blank page first so the violation listener is in place before navigation.
      const { context, page, log } = await openPage('about:blank');
      await watchViolations(context);
      const response = await page.goto(`${server.origin}/?indicator=grdp_growth`, { waitUntil: 'load' });
      const c = checks();
      c.check('the CSP header is really sent', response.headers()['content-security-policy'] === STRICT_CSP);
      const drawn = await c.attempt('first chart under the strict CSP', () => waitForFirstChart(page, 15000, log));
      const ink = await chartInk(page);
      c.check('the chart has ink', ink.some((x) => x.ink > 20), JSON.stringify(ink));
      if (drawn) {
        // Exercise the parts that touch styles at run time: theme, language, hover, the dialog.
        await page.locator('.theme-select select').selectOption('dark');
        await page.locator('.lang-switch button[lang="en"]').click();
        const box = await page.locator('.chart-plot').first().boundingBox();
        if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        // The dialog comes from the second wasm module: its import and instantiation run
        // under the same policy.
        await page.locator('button.embed-open').click();
        await page.locator('dialog.embed-dialog').waitFor({ state: 'visible', timeout: 10000 }).catch(() => {});
        c.check('the embed dialog (second module) opened', await page.locator('dialog.embed-dialog[open]').count() === 1);
        await page.keyboard.press('Escape');
      }
      await page.waitForTimeout(300);
      const violations = await page.evaluate(() => window.__cspViolations);
      c.check('0 securitypolicyviolation events', violations.length === 0, limitList(violations));
      c.check('no console errors', log.consoleErrors.length === 0, limitList(log.consoleErrors));
      c.check('no page errors', log.pageErrors.length === 0, limitList(log.pageErrors));
      c.throwIfFailed();
    } finally {
      await server.close();
    }
  },

  'strict CSP inside <iframe sandbox="allow-scripts allow-same-origin">': async ({ openPage, distDir }) => {
    const server = await serveDir(distDir, { headers: { 'content-security-policy': STRICT_CSP } });
    const src = `${server.origin}/?embed=1&indicator=grdp_growth`;
    const host = await startServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!DOCTYPE html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>host</title></head>
<body><iframe id="f" src="${src}" title="chitieu" width="800" height="600" sandbox="allow-scripts allow-same-origin"></iframe></body></html>`);
    });
    try {
      const { context, page, log } = await openPage('about:blank');
      await watchViolations(context);
      await page.goto(`${host.origin}/`, { waitUntil: 'load' });
      const c = checks();
      const frame = await (await page.$('#f')).contentFrame();
      await c.attempt('first chart in the sandboxed frame', () => waitForFirstChart(frame, 15000));
      const ink = await chartInk(frame);
      c.check('the framed chart has ink', ink.some((x) => x.ink > 20), JSON.stringify(ink));
      const violations = await frame.evaluate(() => window.__cspViolations).catch((e) => [String(e)]);
      c.check('0 securitypolicyviolation events in the frame', violations.length === 0, limitList(violations));
      c.check('no console errors', log.consoleErrors.length === 0, limitList(log.consoleErrors));
      c.throwIfFailed();
    } finally {
      await host.close();
      await server.close();
    }
  },
};
