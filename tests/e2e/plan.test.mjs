// Plans loaded at run time (`?plan=`): another plan renders with the same engine, a broken plan
// file shows its located errors in the widget, and another origin is refused with a notice while
// the embedded plan still works.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chartInk, checks, foreignRequests, limitList, visibleText, waitForFirstChart } from './lib.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixture = (path) => readFile(join(repo, path), 'utf8');

/** Opens `query` with same-origin plan files served from memory at /plans/<name>. */
async function openWithPlans(browser, url, query, plans) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const origin = new URL(url).origin;
  for (const [name, body] of Object.entries(plans)) {
    await context.route(`${origin}/plans/${name}`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/plain; charset=utf-8', body }),
    );
  }
  const page = await context.newPage();
  const log = { consoleErrors: [], pageErrors: [], requests: [] };
  page.on('console', (m) => m.type() === 'error' && log.consoleErrors.push(m.text()));
  page.on('pageerror', (e) => log.pageErrors.push(String(e)));
  page.on('request', (r) => log.requests.push(r.url()));
  await page.goto(new URL(query, url).href, { waitUntil: 'load' });
  return { context, page, log };
}

export default {
  async 'a second, differently shaped plan loads and renders'({ browser, url }) {
    const national = await fixture('tests/fixtures/plans/vietnam-sedp-2021-2025.toml');
    const { context, page, log } = await openWithPlans(browser, url, '?plan=/plans/national.toml', { 'national.toml': national });
    const c = checks();
    try {
      await c.attempt('first chart of the national plan', () => waitForFirstChart(page, 15000));
      const text = await visibleText(page);
      c.check('the national plan title is shown', /Việt Nam|Vietnam/.test(text), JSON.stringify(text.slice(0, 300)));
      c.check('nothing of Can Tho is shown', !/Cần Thơ/.test(text), 'found "Cần Thơ" in the page');
      const ink = await chartInk(page);
      c.check('the chart has marks', ink.some((k) => k.ink > 20), JSON.stringify(ink));
      c.check('the plan file was requested from the page origin', log.requests.some((r) => r.endsWith('/plans/national.toml')), limitList(log.requests));
      c.check('no foreign request', foreignRequests(log, url).length === 0, limitList(foreignRequests(log, url)));
      c.check('no console error', log.consoleErrors.length === 0 && log.pageErrors.length === 0, limitList([...log.consoleErrors, ...log.pageErrors]));
    } finally {
      await context.close();
    }
    c.throwIfFailed();
  },

  async 'a broken plan file shows located errors, not a blank page'({ browser, url }) {
    const broken = await fixture('tests/fixtures/bad/unknown-indicator.toml');
    const { context, page } = await openWithPlans(browser, url, '?plan=/plans/broken.toml', { 'broken.toml': broken });
    const c = checks();
    try {
      const box = page.locator('.plan-errors');
      await box.waitFor({ timeout: 15000 });
      const text = await box.innerText();
      c.check('the error box names the file with line and column', /\/plans\/broken\.toml:\d+:\d+/.test(text), JSON.stringify(text));
      c.check('the message is in Vietnamese by default', /lỗi/.test(text), JSON.stringify(text));
      c.check('the error box is announced', (await box.getAttribute('role')) === 'alert', 'role is not alert');
    } finally {
      await context.close();
    }
    c.throwIfFailed();
  },

  async 'a deeply nested plan file shows its message, never a trap'({ browser, url }) {
    // 20,000 nested arrays used to overflow the stack: in WebAssembly a trap, which took the
    // widget down. The checker refuses nesting past 16 levels before reading it.
    const example = await fixture('tests/fixtures/plans/example.toml');
    const deep = `${example}x = ${'[\n'.repeat(20000)}1${'\n]'.repeat(20000)}\n`;
    const inline = `${example}y = ${'{a='.repeat(2000)}1${'}'.repeat(2000)}\n`;
    for (const [name, body] of [['deep.toml', deep], ['inline.toml', inline]]) {
      const { context, page, log } = await openWithPlans(browser, url, `?plan=/plans/${name}`, { [name]: body });
      const c = checks();
      try {
        const box = page.locator('.plan-errors');
        await box.waitFor({ timeout: 15000 });
        const text = await box.innerText();
        c.check(`${name}: the message names the place and the limit`, new RegExp(`/plans/${name.replace('.', '\\.')}:\\d+:\\d+`).test(text) && /too-deep/.test(text), JSON.stringify(text.slice(0, 300)));
        c.check(`${name}: the message is in Vietnamese by default`, /lồng nhau quá 16 cấp/.test(text), JSON.stringify(text.slice(0, 300)));
        c.check(`${name}: no trap, no page error`, log.pageErrors.length === 0, limitList(log.pageErrors));
      } finally {
        await context.close();
      }
      c.throwIfFailed();
    }
  },

  async 'a missing plan file says so'({ browser, url }) {
    const { context, page } = await openWithPlans(browser, url, '?plan=/plans/nowhere.toml', {});
    const c = checks();
    try {
      const box = page.locator('.plan-errors');
      await box.waitFor({ timeout: 15000 });
      const text = await box.innerText();
      c.check('the error names the file and the HTTP status', /nowhere\.toml/.test(text) && /404/.test(text), JSON.stringify(text));
    } finally {
      await context.close();
    }
    c.throwIfFailed();
  },

  async 'a plan from another origin is refused with a notice'({ openPage, url }) {
    const foreign = 'https://example.org/plan.toml';
    const { page, log } = await openPage(new URL(`?plan=${encodeURIComponent(foreign)}`, url).href);
    const c = checks();
    await c.attempt('the embedded plan still draws', () => waitForFirstChart(page, 15000, log));
    const notice = await page.locator('.notices').innerText().catch(() => '');
    c.check('a notice names the refused address', notice.includes(foreign), JSON.stringify(notice));
    c.check('no request went to the other origin', foreignRequests(log, url).length === 0, limitList(foreignRequests(log, url)));
    c.throwIfFailed();
  },
};
