// Shared helpers for the e2e suite: launching Debian's Chromium through playwright-core (never a
// downloaded browser), watching a page for errors and foreign requests, waiting for the first
// chart, and measuring how much a canvas has drawn.
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The performance mark the app sets after it has painted its first chart. */
export const FIRST_CHART_MARK = 'chitieu:first-chart';

/**
 * Debian's Chromium, headless. Playwright adds `--hide-scrollbars` to headless Chromium, so a page
 * never shows a classic scrollbar and never loses width to one; `{ scrollbars: true }` leaves that
 * flag out, and pages get the 15 px scrollbars of a desktop Chromium on Linux or Windows.
 */
export async function launchBrowser({ scrollbars = false } = {}) {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    ignoreDefaultArgs: scrollbars ? ['--hide-scrollbars'] : [],
  });
}

/** Requests that never leave the page (not network requests). */
function isLocalScheme(u) {
  return u.startsWith('data:') || u.startsWith('blob:');
}

/**
 * Opens `url` in a fresh browser context and records, from before navigation:
 * console errors, uncaught page errors, every request URL, failed requests and HTTP errors.
 * `contextOptions` go to browser.newContext (e.g. colorScheme, permissions).
 * Returns { context, page, log, response }.
 */
export async function openPage(
  browser,
  url,
  { viewport = { width: 1280, height: 800 }, timeoutMs = 20000, contextOptions = {} } = {},
) {
  const context = await browser.newContext({ viewport, ...contextOptions });
  const page = await context.newPage();
  page.setDefaultTimeout(timeoutMs);
  const log = { consoleErrors: [], pageErrors: [], requests: [], failedRequests: [], httpErrors: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const loc = msg.location();
      log.consoleErrors.push(`${msg.text()}${loc && loc.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (err) => log.pageErrors.push(String(err && err.stack ? err.stack.split('\n')[0] : err)));
  page.on('request', (req) => log.requests.push(req.url()));
  page.on('requestfailed', (req) => log.failedRequests.push(`${req.url()}: ${req.failure()?.errorText ?? 'failed'}`));
  page.on('response', (res) => {
    if (res.status() >= 400) log.httpErrors.push(`${res.status()} ${res.url()}`);
  });
  const response = await page.goto(url, { waitUntil: 'load' });
  return { context, page, log, response };
}

/** Request URLs (other than data:/blob:) whose origin differs from `pageUrl`'s. */
export function foreignRequests(log, pageUrl) {
  const origin = new URL(pageUrl).origin;
  return log.requests.filter((u) => !isLocalScheme(u) && new URL(u).origin !== origin);
}

/**
 * Waits until the page shows a chart a reader can use: either the app drew it (the performance
 * mark FIRST_CHART_MARK, and a .chart-stage with data-draws >= 1), or the page came with it
 * pre-rendered (a chart layout shown) and the pointer layer is ready (mark 'chitieu:hover').
 * Where there is a panel, its tables must be there too. Throws a descriptive error on timeout;
 * given the `log` from openPage it gives up 1 s after the first page error, console error or
 * HTTP error (a broken build fails in about a second instead of after the whole timeout).
 */
export async function waitForFirstChart(page, timeoutMs = 20000, log = null) {
  const t0 = Date.now();
  let firstErrorAt = null;
  let state = null;
  for (;;) {
    state = await page
      .evaluate((mark) => ({
        mark: performance.getEntriesByName(mark).length,
        hover: performance.getEntriesByName('chitieu:hover').length,
        canvases: [...document.querySelectorAll('.chart-stage, canvas')].map((c) => c.dataset.draws ?? null),
        shown: [...document.querySelectorAll('.chart-variant')].some((v) => v.getBoundingClientRect().width > 0 && v.querySelector('svg')),
        stale: document.documentElement.classList.contains('chitieu-stale'),
        tablesPending: Boolean(document.querySelector('#indicator-panel')) &&
          !document.querySelector('#indicator-panel .data-table table') &&
          performance.getEntriesByName('chitieu:tables').length === 0,
      }), FIRST_CHART_MARK)
      .catch(() => null);
    const drawn = state && state.mark > 0 && state.canvases.some((d) => Number(d) >= 1);
    const prerendered = state && state.shown && state.hover > 0 && !state.stale;
    if (state && (drawn || prerendered) && !state.tablesPending) return Date.now() - t0;
    const now = Date.now();
    if (log && firstErrorAt === null && (log.pageErrors.length || log.consoleErrors.length || log.httpErrors.length)) {
      firstErrorAt = now;
    }
    const gaveUp = firstErrorAt !== null && now - firstErrorAt > 1000;
    if (gaveUp || now - t0 > timeoutMs) {
      throw new Error(
        `first chart not drawn ${gaveUp ? `(gave up ${now - t0} ms in, 1 s after the first error)` : `within ${timeoutMs} ms`} ` +
          `(performance mark '${FIRST_CHART_MARK}' x${state?.mark ?? '?'}, hover x${state?.hover ?? '?'}, shown ${state?.shown ?? '?'}, chart data-draws: ${JSON.stringify(state?.canvases ?? '?')})`,
      );
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits until the app (Yew) has the page: on a pre-rendered page it loads on a reader's first
 * use of a control; `chitieuStart()` asks for it at once. */
export async function waitForApp(page, timeoutMs = 20000) {
  await page.evaluate(() => globalThis.chitieuStart && globalThis.chitieuStart());
  await page.waitForFunction(() => performance.getEntriesByName('chitieu:app').length > 0, null, { timeout: timeoutMs });
}

/**
 * For every chart (inline SVG): its box size, data-draws, and `ink`, the number of drawn marks
 * (lines, shapes, texts) other than the background rectangle.
 */
export async function chartInk(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('.chart-stage')].map((stage, index) => {
      // Every design width is in the page; the stylesheet shows the one that fits the box.
      const all = [...stage.querySelectorAll('svg.chart-svg')];
      const svg = all.find((s) => s.getBoundingClientRect().width > 0) ?? all[0] ?? null;
      const box = svg ? svg.getBoundingClientRect() : { width: 0, height: 0 };
      const marks = svg ? svg.querySelectorAll('polyline, path, circle, polygon, line, text, rect') : [];
      return {
        index,
        width: Math.round(box.width),
        height: Math.round(box.height),
        draws: stage.dataset.draws ?? null,
        ink: Math.max(0, marks.length - 1),
        texts: svg ? [...svg.querySelectorAll('text')].map((t) => t.textContent.trim()) : [],
      };
    }),
  );
}

/**
 * For every <canvas>: size, data-draws, and `ink`, the number of pixels that differ from the
 * canvas's background (its most frequent RGBA value), read with getImageData.
 */
export async function canvasInk(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('canvas')].map((c, index) => {
      const out = { index, id: c.id || null, width: c.width, height: c.height, draws: c.dataset.draws ?? null, ink: 0, error: null };
      try {
        if (c.width === 0 || c.height === 0) return out;
        const ctx = c.getContext('2d');
        if (!ctx) {
          out.error = 'no 2d context';
          return out;
        }
        const d = ctx.getImageData(0, 0, c.width, c.height).data;
        const counts = new Map();
        for (let i = 0; i < d.length; i += 4) {
          const k = ((d[i] << 24) | (d[i + 1] << 16) | (d[i + 2] << 8) | d[i + 3]) >>> 0;
          counts.set(k, (counts.get(k) || 0) + 1);
        }
        let background = 0;
        for (const n of counts.values()) if (n > background) background = n;
        out.ink = d.length / 4 - background;
      } catch (e) {
        out.error = String(e);
      }
      return out;
    }),
  );
}

/** Rendered text of the page body (not <title>, not <noscript>), NFC-normalised. */
export async function visibleText(page) {
  return page.evaluate(() => (document.body ? document.body.innerText : '').normalize('NFC'));
}

/**
 * Collects failed checks instead of stopping at the first, so one run reports everything wrong.
 * `check(name, ok, detail)`; `throwIfFailed()` throws one Error listing all failures.
 */
export function checks() {
  const failures = [];
  return {
    check(name, ok, detail = '') {
      if (!ok) failures.push(`${name}${detail ? `: ${detail}` : ''}`);
      return ok;
    },
    async attempt(name, fn) {
      try {
        await fn();
        return true;
      } catch (e) {
        failures.push(`${name}: ${e && e.message ? e.message : e}`);
        return false;
      }
    },
    failures,
    throwIfFailed() {
      if (failures.length) throw new Error(failures.map((f) => `\n      - ${f}`).join(''));
    },
  };
}

export function limitList(list, n = 5) {
  return list.length <= n ? list.join(' | ') : `${list.slice(0, n).join(' | ')} | … (${list.length} in all)`;
}

/**
 * Starts a node HTTP server on 127.0.0.1 (a free port) with `handler(req, res)`.
 * Returns { origin, close() }; close() also cuts open keep-alive connections, so a page that
 * used the server really finds the network gone.
 */
export async function startServer(handler) {
  const { createServer } = await import('node:http');
  const server = createServer(handler);
  const sockets = new Set();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () =>
      new Promise((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.toml': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/**
 * Serves the files of `dir` (GET only; `/` is index.html), adding `headers` to every response.
 * Returns what startServer returns.
 */
export async function serveDir(dir, { headers = {} } = {}) {
  const { readFile } = await import('node:fs/promises');
  const { extname, join, normalize } = await import('node:path');
  return startServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const rel = normalize(path === '/' ? '/index.html' : path).replace(/^(\.\.[/\\])+/, '');
    try {
      const body = await readFile(join(dir, rel));
      res.writeHead(200, { 'content-type': MIME[extname(rel)] || 'application/octet-stream', ...headers });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain', ...headers });
      res.end('not found');
    }
  });
}

/** Polls `fn` (async, returns truthy when done) every 50 ms; throws `what` after `timeoutMs`. */
export async function waitFor(fn, what, timeoutMs = 10000) {
  const t0 = Date.now();
  let last;
  for (;;) {
    last = await fn().catch((e) => ({ error: String(e) }));
    if (last && !last.error && last !== false) return last;
    if (Date.now() - t0 > timeoutMs) throw new Error(`${what} (waited ${timeoutMs} ms; last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

// ---- accessibility (axe-core) --------------------------------------------------------------

/** The WCAG levels the widget promises (the shared design notes, reliability.md §1.5). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let axeSource = null;

/**
 * Runs axe-core (npm, node_modules/axe-core) in the page and returns { violations, incomplete }.
 * The source is evaluated through the DevTools protocol, not added as a <script>: no request is
 * made, and a strict CSP on the page (no inline script) cannot block it.
 */
export async function runAxe(page, { include = null } = {}) {
  if (axeSource === null) {
    const { readFile } = await import('node:fs/promises');
    const { createRequire } = await import('node:module');
    axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  }
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axeSource);
  return page.evaluate(
    async ({ tags, include }) => {
      const result = await window.axe.run(include ? { include: [include] } : document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations', 'incomplete'],
      });
      const brief = (list) =>
        list.map((r) => ({
          id: r.id,
          help: r.help,
          nodes: r.nodes.map((n) => ({
            target: n.target.join(' '),
            html: n.html.slice(0, 160),
            message: [...n.any, ...n.all, ...n.none].map((c) => c.message).join('; ').slice(0, 200),
          })),
        }));
      return { violations: brief(result.violations), incomplete: brief(result.incomplete) };
    },
    { tags: AXE_TAGS, include },
  );
}

/** One line per violation: "rule (n): target — message". */
export function describeViolations(violations) {
  return violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 3).map((n) => `${n.target} — ${n.message}`).join(' | ')}`);
}

// ---- CSV (RFC 4180) and PNG, for the download tests ------------------------------------------

/** Parses RFC 4180 CSV (quotes, doubled quotes, CRLF). Throws on a malformed file. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') {
      if (field !== '' || wasQuoted) throw new Error(`stray quote in row ${rows.length + 1}`);
      quoted = true;
      wasQuoted = true;
    } else if (c === ',') { row.push(field); field = ''; wasQuoted = false; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; wasQuoted = false; i++; }
    else if (c === '\n' || c === '\r') throw new Error(`bare line break in row ${rows.length + 1} (RFC 4180 wants CRLF)`);
    else field += c;
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || row.length) throw new Error('the last record does not end with CRLF');
  return rows;
}

/** Width and height from a PNG's IHDR chunk; throws if the bytes are not a PNG. */
export function pngSize(bytes) {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((b, i) => bytes[i] === b)) throw new Error('not a PNG (bad signature)');
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG (no IHDR first)');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The dataset version the core computes (FNV-1a 64-bit over the text without CR, hex). */
export function planVersion(text) {
  let hash = 0xcbf29ce484222325n;
  for (const byte of Buffer.from(text.replace(/\r/g, ''), 'utf8')) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

/**
 * Compares two PNG screenshots pixel by pixel in a fresh page (decoded by the browser itself,
 * no image library): { same, differing, maxDelta, box } where `differing` counts pixels whose
 * channels differ by more than `tolerance` levels and `box` bounds them.
 */
export async function comparePngs(browser, a, b, tolerance = 0) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    return await page.evaluate(
      async ({ a, b, tolerance }) => {
        const load = (src) => new Promise((resolve, reject) => {
          const img = new Image();
          img.onload = () => resolve(img);
          img.onerror = reject;
          img.src = `data:image/png;base64,${src}`;
        });
        const [ia, ib] = await Promise.all([load(a), load(b)]);
        if (ia.width !== ib.width || ia.height !== ib.height) return { same: false, differing: -1, maxDelta: 255, box: null };
        const pixels = (img) => {
          const canvas = document.createElement('canvas');
          canvas.width = img.width;
          canvas.height = img.height;
          const g = canvas.getContext('2d');
          g.drawImage(img, 0, 0);
          return g.getImageData(0, 0, img.width, img.height).data;
        };
        const pa = pixels(ia);
        const pb = pixels(ib);
        let differing = 0;
        let maxDelta = 0;
        let box = null;
        for (let i = 0; i < pa.length; i += 4) {
          const delta = Math.max(Math.abs(pa[i] - pb[i]), Math.abs(pa[i + 1] - pb[i + 1]), Math.abs(pa[i + 2] - pb[i + 2]), Math.abs(pa[i + 3] - pb[i + 3]));
          maxDelta = Math.max(maxDelta, delta);
          if (delta > tolerance) {
            differing++;
            const x = (i / 4) % ia.width;
            const y = Math.floor(i / 4 / ia.width);
            box = box ? { x0: Math.min(box.x0, x), y0: Math.min(box.y0, y), x1: Math.max(box.x1, x), y1: Math.max(box.y1, y) } : { x0: x, y0: y, x1: x, y1: y };
          }
        }
        return { same: differing === 0, differing, maxDelta, box };
      },
      { a: a.toString('base64'), b: b.toString('base64'), tolerance },
    );
  } finally {
    await context.close();
  }
}
