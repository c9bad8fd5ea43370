#!/usr/bin/env node
// Self-test of the e2e harness: every check in smoke.test.mjs must be able to fail, in both
// engines the suite runs (Chromium through playwright-core; Firefox ESR through the BiDi adapter
// in firefox.mjs, whose error and request log must catch the same faults).
//
//   node tests/e2e/selftest.mjs
//
// Serves small hand-made pages from memory on 127.0.0.1 (no build needed): one that meets every
// smoke check, and negative controls that each break exactly one thing. The smoke test must pass
// on the first and fail on every other one *for the expected reason*. A second server on another
// port plays the foreign origin. Closes with "e2e-selftest: N passed, M failed".
import { createServer } from 'node:http';
import { launchBrowser, openPage, parseCsv, planVersion, pngSize, runAxe } from './lib.mjs';
import { launchFirefox, openFirefoxPage } from './firefox.mjs';
import smoke from './smoke.test.mjs';

const PNG_1x1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
// A wasm module cut short: valid magic + version, then a type section that claims 5 bytes and has 2.
const TRUNCATED_WASM = Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x05, 0x01, 0x60]);

function draw({ ink = true, mark = true } = {}) {
  return `
    const stage = document.querySelector('.chart-stage');
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('class', 'chart-svg');
    svg.setAttribute('viewBox', '0 0 400 300');
    svg.setAttribute('width', '400');
    svg.setAttribute('height', '300');
    const add = (name, attrs) => {
      const e = document.createElementNS(ns, name);
      for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
      svg.appendChild(e);
    };
    add('rect', { x: 0, y: 0, width: 400, height: 300, fill: '#ffffff' });
    if (${ink}) {
      for (let x = 10; x < 390; x += 12) add('circle', { cx: x, cy: 150 + 80 * Math.sin(x / 40), r: 4, fill: '#b00020' });
      add('polyline', { points: '10,250 390,50', stroke: '#0050a0', fill: 'none' });
    }
    stage.appendChild(svg);
    stage.dataset.draws = '1';
    if (${mark}) performance.mark('chitieu:first-chart');`;
}

function html({ body = '<h1>Chỉ tiêu — Cần Thơ</h1>', head = '', script = draw() } = {}) {
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Chỉ tiêu — Cần Thơ</title>
<link rel="icon" href="data:,">${head}</head>
<body><main id="chitieu">${body}<div class="chart-stage"></div></main>
<script type="module">${script}</script></body></html>`;
}

const foreign = createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'image/png' });
  res.end(PNG_1x1);
});
await new Promise((r) => foreign.listen(0, '127.0.0.1', r));
const foreignOrigin = `http://127.0.0.1:${foreign.address().port}`;

// name -> { page, expect: RegExp matching the failure message, or null for "must pass" }
const cases = {
  good: { page: html(), expect: null },
  'no-first-chart-mark': { page: html({ script: draw({ mark: false }) }), expect: /first chart not drawn/ },
  'blank-chart': { page: html({ script: draw({ ink: false }) }), expect: /a drawn chart has > 20 marks/ },
  'console-error': { page: html({ script: `${draw()}\nconsole.error('boom');` }), expect: /no console errors: boom/ },
  'uncaught-exception': {
    page: html({ script: `${draw()}\nsetTimeout(() => { throw new Error('kaboom'); }, 0);` }),
    expect: /no uncaught page errors: .*kaboom/,
  },
  'cross-origin-request': {
    page: html({ body: `<h1>Chỉ tiêu — Cần Thơ</h1><img alt="" src="${foreignOrigin}/pixel.png">` }),
    expect: /every request is same-origin: http:\/\/127\.0\.0\.1:\d+\/pixel\.png/,
  },
  'text-missing': { page: html({ body: '<h1>Something else</h1>' }), expect: /page text contains/ },
  'missing-subresource-404': {
    page: html({ head: '<link rel="stylesheet" href="missing.css">' }),
    expect: /no HTTP error responses: 404 /,
  },
  'truncated-wasm': {
    page: html({
      script: `const r = await WebAssembly.instantiateStreaming(fetch('app.wasm'));\n${draw()}`,
    }),
    expect: /first chart not drawn/,
  },
  'page-404': { page: null, expect: /HTTP status of the page: got 404/ },
};

const site = createServer((req, res) => {
  const [, name, file = ''] = req.url.split('/');
  const c = cases[name];
  if (c && c.page && (file === '' || file.startsWith('?'))) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(c.page);
  } else if (file === 'app.wasm') {
    res.writeHead(200, { 'content-type': 'application/wasm' });
    res.end(TRUNCATED_WASM);
  } else {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  }
});
await new Promise((r) => site.listen(0, '127.0.0.1', r));
const siteOrigin = `http://127.0.0.1:${site.address().port}`;

let passed = 0;
let failed = 0;

/** Runs every case through smoke.test.mjs in one engine. */
async function controls(engine, browser, open) {
  for (const [name, c] of Object.entries(cases)) {
    const contexts = [];
    const ctx = {
      browser,
      url: `${siteOrigin}/${name}/`,
      timeoutMs: 2500,
      openPage: async (u, opts) => {
        const o = await open(browser, u, opts);
        contexts.push(o.context);
        return o;
      },
    };
    let error = null;
    try {
      await smoke(ctx);
    } catch (e) {
      error = e;
    } finally {
      await Promise.all(contexts.map((x) => x.close().catch(() => {})));
    }
    const message = error ? String(error.message) : '';
    let ok;
    let why;
    if (c.expect === null) {
      ok = !error;
      why = ok ? 'smoke passes' : `smoke should pass but failed:${message}`;
    } else {
      ok = Boolean(error) && c.expect.test(message);
      why = !error
        ? 'smoke PASSED on a broken page'
        : ok
          ? `smoke fails as expected (${message.split('\n').filter(Boolean).length} check(s) failed)`
          : `smoke failed, but not with ${c.expect}:${message}`;
    }
    if (ok) passed++;
    else failed++;
    console.log(`  ${ok ? 'ok  ' : 'FAIL'}  ${engine}: ${c.expect === null ? 'positive' : 'negative'} control '${name}': ${why}`);
    if (process.env.E2E_VERBOSE && message) console.log(message.replace(/^/gm, "        "));
  }
}

const firefox = await launchFirefox();
try {
  await controls('firefox', firefox, openFirefoxPage);
} finally {
  await firefox.close();
}

const browser = await launchBrowser();
try {
  await controls('chromium', browser, openPage);

  // The accessibility and download tests' helpers must be able to fail too.
  const helpers = {
    async 'axe finds nothing on a clean page'() {
      const page = await browser.newPage();
      await page.setContent('<!DOCTYPE html><html lang="vi"><head><title>Sạch</title></head><body><main><h1>Chỉ tiêu</h1><button type="button">Tải xuống</button></main></body></html>');
      const { violations } = await runAxe(page);
      await page.close();
      if (violations.length) throw new Error(violations.map((v) => v.id).join(', '));
    },
    async 'axe catches low contrast, a nameless button, an image without alt, a missing lang'() {
      const page = await browser.newPage();
      await page.setContent('<!DOCTYPE html><html><head><title>Bẩn</title></head><body><main><p style="color:#aaa;background:#fff">mờ</p><button type="button"></button><img src="data:,"></main></body></html>');
      const ids = (await runAxe(page)).violations.map((v) => v.id);
      await page.close();
      const missing = ['color-contrast', 'button-name', 'image-alt', 'html-has-lang'].filter((id) => !ids.includes(id));
      if (missing.length) throw new Error(`not caught: ${missing.join(', ')} (got ${ids.join(', ')})`);
    },
    async 'parseCsv reads RFC 4180 and refuses what is not'() {
      const rows = parseCsv('\uFEFFa,"b,""c"""\r\nd\r\n'.replace(/^\uFEFF/, ''));
      if (JSON.stringify(rows) !== JSON.stringify([['a', 'b,"c"'], ['d']])) throw new Error(JSON.stringify(rows));
      for (const bad of ['a,b\n', 'a,"b\r\n', 'a,b', 'a,x"y"\r\n']) {
        let threw = false;
        try { parseCsv(bad); } catch { threw = true; }
        if (!threw) throw new Error(`accepted ${JSON.stringify(bad)}`);
      }
    },
    async 'pngSize reads IHDR and refuses a non-PNG'() {
      const size = pngSize(PNG_1x1);
      if (size.width !== 1 || size.height !== 1) throw new Error(JSON.stringify(size));
      let threw = false;
      try { pngSize(Buffer.from('<svg/>')); } catch { threw = true; }
      if (!threw) throw new Error('accepted an SVG as PNG');
    },
    async 'scrollbars: hidden in the default headless Chromium, shown with { scrollbars: true } (stability.test.mjs needs them)'() {
      const widths = [];
      for (const scrollbars of [false, true]) {
        const b = await launchBrowser({ scrollbars });
        const page = await b.newPage({ viewport: { width: 760, height: 400 } });
        await page.setContent('<!DOCTYPE html><html><body><div style="height:3000px">tall</div></body></html>');
        widths.push(await page.evaluate(() => innerWidth - document.documentElement.clientWidth));
        await b.close();
      }
      if (widths[0] !== 0 || !(widths[1] > 0)) throw new Error(`scrollbar widths (hidden, shown): ${widths.join(', ')}`);
    },
    async 'planVersion is FNV-1a 64 and ignores CR'() {
      // FNV-1a 64 of the empty string and of "a" (published test vectors).
      if (planVersion('') !== 'cbf29ce484222325' || planVersion('a') !== 'af63dc4c8601ec8c') throw new Error(planVersion('a'));
      if (planVersion('x\r\ny') !== planVersion('x\ny')) throw new Error('CR changes the version');
    },
  };
  for (const [name, fn] of Object.entries(helpers)) {
    try {
      await fn();
      passed++;
      console.log(`  ok    helper: ${name}`);
    } catch (e) {
      failed++;
      console.log(`  FAIL  helper: ${name}: ${e && e.message ? e.message : e}`);
    }
  }
} finally {
  await browser.close();
  site.close();
  foreign.close();
}
console.log(`e2e-selftest: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
