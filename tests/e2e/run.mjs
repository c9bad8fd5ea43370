#!/usr/bin/env node
// Runs every tests/e2e/*.test.mjs against a served build of chitieu.
//
//   node tests/e2e/run.mjs http://127.0.0.1:8080/ [FILTER]
//
// (scripts/test.sh builds dist/, serves it on a free port and calls this.)
// A test file's default export is either one async function (the test is named after the file)
// or an object { 'test name': async fn, ... }. Each function gets
//   { browser, url, distDir, openPage(url, opts) }
// where distDir is the directory being served (CHITIEU_DIST, default: the repository's dist/), for
// tests that serve it themselves (strict CSP, offline) or open a file of it (file://).
// where openPage opens a fresh browser context (closed after the test) and returns
// { context, page, log, response } (see lib.mjs). A test fails by throwing.
// Prints one line per test and closes with "e2e: N passed, M failed"; exits 1 if any test
// failed or none ran.
//
// Engines: Debian's Chromium through playwright-core by default. With ENGINE=firefox, Debian's
// firefox-esr through WebDriver BiDi (puppeteer-core, tests/e2e/firefox.mjs), running only the
// files that export `engines` naming 'firefox' (e.g. `export const engines = ['chromium',
// 'firefox'];`); the closing line is then "e2e-firefox: N passed, M failed". Each test also gets
// `engine` ('chromium' | 'firefox').
import { readdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchBrowser, openPage } from './lib.mjs';
import { launchFirefox, openFirefoxPage } from './firefox.mjs';

const TEST_TIMEOUT_MS = Number(process.env.E2E_TEST_TIMEOUT_MS || 60000);
const ENGINE = process.env.ENGINE || 'chromium';
const ENGINES = {
  chromium: { launch: launchBrowser, open: openPage, label: 'e2e' },
  firefox: { launch: launchFirefox, open: openFirefoxPage, label: 'e2e-firefox' },
};
if (!ENGINES[ENGINE]) {
  console.error(`ENGINE must be one of ${Object.keys(ENGINES).join(', ')} (got '${ENGINE}')`);
  process.exit(2);
}
const { launch, open, label } = ENGINES[ENGINE];

const url = process.argv[2] || process.env.CHITIEU_URL;
const filter = process.argv[3] || '';
if (!url) {
  console.error('usage: node tests/e2e/run.mjs URL [FILTER]');
  process.exit(2);
}

const here = dirname(fileURLToPath(import.meta.url));
const distDir = resolve(process.env.CHITIEU_DIST || join(here, '..', '..', 'dist'));
const files = (await readdir(here)).filter((f) => f.endsWith('.test.mjs')).sort();

const tests = [];
for (const file of files) {
  const mod = await import(pathToFileURL(join(here, file)).href);
  if (!(mod.engines || ['chromium']).includes(ENGINE)) continue;
  const base = file.replace(/\.test\.mjs$/, '');
  // A file may export `timeoutMs` for tests that need longer than the default.
  const timeoutMs = mod.timeoutMs || TEST_TIMEOUT_MS;
  if (typeof mod.default === 'function') {
    tests.push({ name: base, fn: mod.default, timeoutMs });
  } else if (mod.default && typeof mod.default === 'object') {
    for (const [name, fn] of Object.entries(mod.default)) tests.push({ name: `${base}: ${name}`, fn, timeoutMs });
  } else {
    tests.push({ name: base, fn: () => { throw new Error(`${file} has no default export (function or object of functions)`); } });
  }
}
const selected = tests.filter((t) => t.name.includes(filter));

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms); }),
  ]).finally(() => clearTimeout(timer));
}

console.log(`${label}: ${selected.length} test(s) from ${files.length} file(s) against ${url} in ${ENGINE}`);
let passed = 0;
let failed = 0;
const browser = await launch();
try {
  for (const t of selected) {
    const contexts = [];
    const ctx = {
      browser,
      engine: ENGINE,
      url,
      distDir,
      openPage: async (u = url, opts) => {
        const opened = await open(browser, u, opts);
        contexts.push(opened.context);
        return opened;
      },
    };
    const t0 = performance.now();
    try {
      await withTimeout(Promise.resolve().then(() => t.fn(ctx)), t.timeoutMs, t.name);
      passed++;
      console.log(`  ok    ${t.name} (${Math.round(performance.now() - t0)} ms)`);
    } catch (e) {
      failed++;
      console.log(`  FAIL  ${t.name} (${Math.round(performance.now() - t0)} ms): ${e && e.message ? e.message : e}`);
    } finally {
      await Promise.all(contexts.map((c) => c.close().catch(() => {})));
    }
  }
} finally {
  await browser.close();
}

if (selected.length === 0) {
  console.log(`${label}: no tests matched${filter ? ` '${filter}'` : ''}`);
  failed++;
}
console.log(`${label}: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
