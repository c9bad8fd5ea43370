// The build served as a host serves it (scripts/test.sh serves dist/ with nginx and the
// configuration in docs/hosting/nginx.conf): the precompressed files are what goes over the wire,
// with Content-Encoding br (or gzip when only gzip is accepted), the right MIME types, a year of
// immutable caching for hashed names and revalidation for stable ones, and the strict CSP on
// every response. Raw HTTP (node:http, no automatic decompression) and then a real page load.
import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { STRICT_CSP } from './csp.test.mjs';
import { checks, limitList, waitForFirstChart } from './lib.mjs';

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** GET `path` from `base` with the given request headers; resolves { status, headers, body }. */
function get(base, path, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, base), { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The files of the first view and the stable names, read from the built index.html. */
async function assets(distDir) {
  const html = await readFile(join(distDir, 'index.html'), 'utf8');
  const pick = (re, what) => {
    const m = html.match(re);
    if (!m) throw new Error(`index.html names no ${what}`);
    return m[1].replace(/^\//, '');
  };
  return {
    hashed: {
      glue: pick(/<meta name="chitieu-glue" content="([^"]+)"/, 'glue (chitieu-glue meta)'),
      wasm: pick(/<meta name="chitieu-wasm" content="([^"]+)"/, 'wasm (chitieu-wasm meta)'),
      // The stylesheet and the guard are inside the page (scripts/build_more.py); the pointer
      // module is the first view's hashed pair.
      hoverGlue: pick(/<meta name="chitieu-hover-glue" content="([^"]+)"/, 'pointer module glue'),
      hoverWasm: pick(/<meta name="chitieu-hover-wasm" content="([^"]+)"/, 'pointer module wasm'),
      boot: pick(/<script [^>]*src="([^"]*boot[^"]*\.js)"/, 'boot script'),
      icon: pick(/<link rel="icon" href="([^"]+)"/, 'icon'),
      moreGlue: pick(/<meta name="chitieu-more-glue" content="([^"]+)"/, 'second module glue'),
      moreWasm: pick(/<meta name="chitieu-more-wasm" content="([^"]+)"/, 'second module wasm'),
    },
    stable: ['index.html', 'sw.js', 'embed.js', 'chitieu-offline.html'],
  };
}

const TYPES = {
  html: /^text\/html; charset=utf-8$/,
  js: /^text\/javascript; charset=utf-8$/,
  css: /^text\/css; charset=utf-8$/,
  wasm: /^application\/wasm$/,
  svg: /^image\/svg\+xml; charset=utf-8$/,
};
const ext = (path) => path.split('.').pop();

export default {
  async 'precompressed files go over the wire: br, gzip when only gzip is accepted, identity otherwise'({ url, distDir }) {
    const { hashed, stable } = await assets(distDir);
    const c = checks();
    for (const path of [...Object.values(hashed), ...stable]) {
      const file = await readFile(join(distDir, path));
      const br = await get(url, path, { 'accept-encoding': 'gzip, deflate, br' });
      c.check(`${path}: 200 with br accepted`, br.status === 200, String(br.status));
      c.check(`${path}: Content-Encoding br`, br.headers['content-encoding'] === 'br', String(br.headers['content-encoding']));
      c.check(`${path}: Vary: Accept-Encoding`, /accept-encoding/i.test(br.headers.vary || ''), String(br.headers.vary));
      const brFile = await readFile(join(distDir, `${path}.br`));
      c.check(`${path}: the body is the build's ${path}.br, as it is`, br.body.equals(brFile), `${br.body.length} B vs ${brFile.length} B`);
      c.check(`${path}: which decompresses to the file`, brotliDecompressSync(br.body).equals(file));
      c.check(`${path}: Content-Length is the compressed size`, Number(br.headers['content-length']) === brFile.length, String(br.headers['content-length']));

      const gz = await get(url, path, { 'accept-encoding': 'gzip' });
      c.check(`${path}: Content-Encoding gzip when only gzip is accepted`, gz.headers['content-encoding'] === 'gzip', String(gz.headers['content-encoding']));
      const gzFile = await readFile(join(distDir, `${path}.gz`));
      c.check(`${path}: the body is the build's ${path}.gz`, gz.body.equals(gzFile) && gunzipSync(gz.body).equals(file));

      const plain = await get(url, path, {});
      c.check(`${path}: no Content-Encoding when none is accepted`, plain.headers['content-encoding'] === undefined, String(plain.headers['content-encoding']));
      c.check(`${path}: the plain body is the file`, plain.body.equals(file), `${plain.body.length} B vs ${file.length} B`);
    }
    c.throwIfFailed();
  },

  async 'MIME types, cache headers, revalidation and the strict CSP on every response'({ url, distDir }) {
    const { hashed, stable } = await assets(distDir);
    const c = checks();
    const all = [...Object.values(hashed), ...stable, '', 'no-such-file.js'];
    for (const path of all) {
      const res = await get(url, path, { 'accept-encoding': 'br' });
      const name = path || '/';
      c.check(`${name}: Content-Security-Policy is the strict policy`, res.headers['content-security-policy'] === STRICT_CSP, String(res.headers['content-security-policy']));
      c.check(`${name}: X-Content-Type-Options nosniff`, res.headers['x-content-type-options'] === 'nosniff');
      if (path === 'no-such-file.js') {
        c.check('a missing file is a 404', res.status === 404, String(res.status));
        continue;
      }
      const type = TYPES[path ? ext(path) : 'html'];
      c.check(`${name}: Content-Type`, type && type.test(res.headers['content-type'] || ''), String(res.headers['content-type']));
    }
    for (const path of Object.values(hashed)) {
      const res = await get(url, path, { 'accept-encoding': 'br' });
      c.check(`${path} (hashed name): Cache-Control ${IMMUTABLE}`, res.headers['cache-control'] === IMMUTABLE, String(res.headers['cache-control']));
    }
    for (const path of [...stable, '']) {
      const res = await get(url, path, { 'accept-encoding': 'br' });
      const name = path || '/';
      c.check(`${name} (stable name): Cache-Control no-cache`, res.headers['cache-control'] === 'no-cache', String(res.headers['cache-control']));
      // Revalidation: the validator the server gave answers 304 with no body.
      c.check(`${name}: has an ETag`, Boolean(res.headers.etag));
      const again = await get(url, path, { 'accept-encoding': 'br', 'if-none-match': res.headers.etag || '"none"' });
      c.check(`${name}: If-None-Match with its ETag gives 304`, again.status === 304 && again.body.length === 0, String(again.status));
    }
    const offline = await get(url, 'chitieu-offline.html', {});
    c.check('chitieu-offline.html is sent as a download', /^attachment/.test(offline.headers['content-disposition'] || ''), String(offline.headers['content-disposition']));
    c.throwIfFailed();
  },

  async 'in the browser: the wasm arrives brotli-compressed as application/wasm, under the CSP'({ openPage, url, distDir }) {
    const { hashed } = await assets(distDir);
    const { page, log, response } = await openPage(new URL('?indicator=grdp_growth', url).href);
    const c = checks();
    c.check('the page response carries the strict CSP', response.headers()['content-security-policy'] === STRICT_CSP);
    await waitForFirstChart(page, 20000, log);
    // The page's own record of what came over the wire: encoded (compressed) and decoded sizes.
    const timing = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => ({
      name: new URL(e.name).pathname.slice(1), encoded: e.encodedBodySize, decoded: e.decodedBodySize,
    })));
    const brSize = async (p) => (await readFile(join(distDir, `${p}.br`))).length;
    const rawSize = async (p) => (await readFile(join(distDir, p))).length;
    c.check('no stylesheet is fetched: it is inside the page', !timing.some((t) => t.name.endsWith('.css')), limitList(timing.map((t) => t.name)));
    for (const key of ['wasm', 'glue', 'hoverWasm', 'hoverGlue']) {
      const path = hashed[key];
      const entry = timing.find((t) => t.name === path);
      if (!c.check(`${path} was loaded by the page`, Boolean(entry), limitList(timing.map((t) => t.name)))) continue;
      c.check(`${path}: bytes over the wire = the .br file`, entry.encoded === (await brSize(path)), `${entry.encoded} vs ${await brSize(path)}`);
      c.check(`${path}: decoded = the file`, entry.decoded === (await rawSize(path)), `${entry.decoded} vs ${await rawSize(path)}`);
    }
    // The wasm's response headers as the browser saw them (fetched for compileStreaming).
    const wasmUrl = new URL(hashed.wasm, url).href;
    const wasm = await page.evaluate(async (u) => {
      const r = await fetch(u);
      return { type: r.headers.get('content-type'), encoding: r.headers.get('content-encoding') };
    }, wasmUrl);
    c.check('the wasm: Content-Type application/wasm', wasm.type === 'application/wasm', JSON.stringify(wasm));
    c.check('the wasm: Content-Encoding br', wasm.encoding === 'br', JSON.stringify(wasm));
    c.check('no console errors', log.consoleErrors.length === 0, limitList(log.consoleErrors));
    c.throwIfFailed();
  },
};
