// The e2e suite's second engine: Debian's firefox-esr driven through WebDriver BiDi by
// puppeteer-core (npm, pinned in package-lock.json; never a downloaded browser).
//
// The test files are written against Playwright's page API. A file that exports
//   export const engines = ['chromium', 'firefox'];
// also runs under `ENGINE=firefox node tests/e2e/run.mjs URL`; its tests then get a page from
// openFirefoxPage below, which gives the part of Playwright's API those files use (locators with
// auto-waiting and strictness, waitForFunction(fn, arg, { timeout }), selectOption, getAttribute,
// waitForTimeout, waitForLoadState('networkidle'), setViewportSize) on top of puppeteer's page.
// Anything else is puppeteer's own method of the same name (evaluate, $eval, mouse, keyboard,
// focus, url, goto, reload). A Playwright-only option that this adapter cannot honour throws, so
// a test never passes in Firefox by silently doing less.
import puppeteer from 'puppeteer-core';

export const FIREFOX_PATH = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

export async function launchFirefox() {
  return puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: FIREFOX_PATH,
    headless: true,
    // No network but the page's own: no captive-portal probe, no update or remote-settings fetches.
    extraPrefsFirefox: {
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'app.update.enabled': false,
      'services.settings.server': 'data:,',
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
    },
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A lazy element query, like Playwright's Locator: resolved again on every use. */
class Locator {
  constructor(page, selector, { hasText = null } = {}, index = null) {
    this.page = page;
    this.selector = selector;
    this.hasText = hasText;
    this.index = index;
  }

  first() {
    return new Locator(this.page, this.selector, { hasText: this.hasText }, 0);
  }

  describe() {
    return `${this.selector}${this.hasText ? ` with text ${JSON.stringify(this.hasText)}` : ''}`;
  }

  async all() {
    const handles = await this.page.raw.$$(this.selector);
    if (this.hasText === null) return handles;
    const out = [];
    for (const h of handles) {
      if (await h.evaluate((e, t) => e.textContent.includes(t), this.hasText)) out.push(h);
    }
    return out;
  }

  async count() {
    return (await this.all()).length;
  }

  /** The one element (Playwright's strict mode: more than one match is an error), waiting for it. */
  async one(timeout = this.page.defaultTimeout) {
    const t0 = Date.now();
    for (;;) {
      const handles = await this.all();
      if (this.index !== null && handles.length > this.index) return handles[this.index];
      if (this.index === null && handles.length > 1) {
        throw new Error(`strict mode violation: ${this.describe()} matches ${handles.length} elements`);
      }
      if (this.index === null && handles.length === 1) return handles[0];
      if (Date.now() - t0 > timeout) throw new Error(`${this.describe()}: no element within ${timeout} ms`);
      await sleep(50);
    }
  }

  async click() {
    await (await this.one()).click();
  }

  async boundingBox() {
    return (await this.one()).boundingBox();
  }

  async innerText() {
    return (await this.one()).evaluate((e) => e.innerText);
  }

  async getAttribute(name) {
    return (await this.one()).evaluate((e, n) => e.getAttribute(n), name);
  }

  async selectOption(value) {
    await (await this.one()).select(value);
  }

  async scrollIntoViewIfNeeded() {
    await (await this.one()).evaluate((e) => {
      const r = e.getBoundingClientRect();
      if (r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth) e.scrollIntoView({ block: 'center', inline: 'center' });
    });
  }

  async waitFor({ state = 'visible', timeout = this.page.defaultTimeout } = {}) {
    if (!['visible', 'attached'].includes(state)) throw new Error(`firefox adapter: waitFor state '${state}' is not supported`);
    const t0 = Date.now();
    for (;;) {
      const handles = await this.all();
      const h = this.index === null ? handles[0] : handles[this.index];
      if (h && (state === 'attached' || (await h.evaluate((e) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden';
      })))) return;
      if (Date.now() - t0 > timeout) throw new Error(`${this.describe()}: not ${state} within ${timeout} ms`);
      await sleep(50);
    }
  }
}

/** Playwright's page API, the part the cross-engine test files use, over a puppeteer page. */
class Page {
  constructor(raw) {
    this.raw = raw;
    this.defaultTimeout = 30000;
  }

  setDefaultTimeout(ms) {
    this.defaultTimeout = ms;
    this.raw.setDefaultTimeout(ms);
  }

  locator(selector, options) {
    return new Locator(this, selector, options);
  }

  /**
   * Polls `fn(arg)` in the page every 50 ms until it returns something truthy. Not puppeteer's
   * waitForFunction: its in-page poller is built with `new Function`, which the strict CSP the
   * server sends forbids (the page's own scripts never need it).
   */
  async waitForFunction(fn, arg, { timeout = this.defaultTimeout } = {}) {
    const t0 = Date.now();
    for (;;) {
      // A handle, as Playwright returns: the value may be a DOM node, which is not serialisable.
      const handle = await this.raw.evaluateHandle(fn, arg).catch(() => null);
      if (handle && (await handle.evaluate((v) => Boolean(v)).catch(() => false))) return handle;
      if (handle) await handle.dispose().catch(() => {});
      if (Date.now() - t0 > timeout) throw new Error(`waitForFunction: not true within ${timeout} ms: ${String(fn).slice(0, 120)}`);
      await sleep(50);
    }
  }

  /**
   * The document's address. puppeteer's page.url() over BiDi does not follow history.pushState
   * and replaceState in Firefox 140, which is how the widget keeps its state in the address.
   */
  async url() {
    return this.raw.evaluate(() => location.href).catch(() => this.raw.url());
  }

  selectOption(selector, value) {
    return this.locator(selector).selectOption(value);
  }

  getAttribute(selector, name) {
    return this.locator(selector).getAttribute(name);
  }

  waitForTimeout(ms) {
    return sleep(ms);
  }

  async waitForLoadState(state = 'load', { timeout = this.defaultTimeout } = {}) {
    if (state === 'networkidle') return this.raw.waitForNetworkIdle({ idleTime: 500, timeout });
    if (state === 'load' || state === 'domcontentloaded') {
      return this.waitForFunction(
        (s) => document.readyState === 'complete' || (s === 'domcontentloaded' && document.readyState === 'interactive'),
        state,
        { timeout },
      );
    }
    throw new Error(`firefox adapter: waitForLoadState('${state}') is not supported`);
  }

  setViewportSize({ width, height }) {
    return this.raw.setViewport({ width, height });
  }

  goto(url, { waitUntil = 'load', timeout = this.defaultTimeout } = {}) {
    return this.raw.goto(url, { waitUntil, timeout });
  }

  /**
   * History back. The widget's history entries are same-document (pushState), which puppeteer's
   * goBack waits for as if it were a load; the traversal itself is the same as the Back button's.
   */
  async goBack() {
    await this.raw.evaluate(() => history.back());
    await sleep(50);
    return null;
  }
}

/** Like lib.mjs openPage: a fresh browser context, the same log of errors and requests. */
export async function openFirefoxPage(
  browser,
  url,
  { viewport = { width: 1280, height: 800 }, timeoutMs = 20000, contextOptions = {} } = {},
) {
  if (Object.keys(contextOptions).length) {
    throw new Error(`firefox adapter: context options ${Object.keys(contextOptions).join(', ')} are not supported`);
  }
  const context = await browser.createBrowserContext();
  const raw = await context.newPage();
  // The adapter's methods first, then puppeteer's own (bound to its page).
  const page = new Proxy(new Page(raw), {
    get(target, key) {
      if (key in target) return target[key];
      const value = raw[key];
      return typeof value === 'function' ? value.bind(raw) : value;
    },
  });
  page.setDefaultTimeout(timeoutMs);
  await raw.setViewport(viewport);
  const log = { consoleErrors: [], pageErrors: [], requests: [], failedRequests: [], httpErrors: [] };
  raw.on('console', (msg) => {
    if (msg.type() === 'error') {
      const loc = msg.location();
      log.consoleErrors.push(`${msg.text()}${loc && loc.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
    }
  });
  raw.on('pageerror', (err) => log.pageErrors.push(String(err && err.message ? err.message : err)));
  raw.on('request', (req) => log.requests.push(req.url()));
  raw.on('requestfailed', (req) => log.failedRequests.push(`${req.url()}: ${req.failure()?.errorText ?? 'failed'}`));
  raw.on('response', (res) => {
    if (res.status() >= 400) log.httpErrors.push(`${res.status()} ${res.url()}`);
  });
  const response = url === 'about:blank' ? null : await raw.goto(url, { waitUntil: 'load' });
  return { context, page, log, response };
}
