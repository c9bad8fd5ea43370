// Downloads and "Cite this": every file is made in the page (no request), saved through the
// browser's download, read back here and parsed — CSV rows against the page's own tables, the
// dataset file against data/can-tho.toml and its version, the PNG's IHDR size against the
// on-screen chart at 2x, the SVG as XML with the title, source line and version — and the
// citation names the version, today's date and the address, in Vietnamese and English.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checks, foreignRequests, limitList, parseCsv, planVersion, pngSize, waitForFirstChart } from './lib.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const METADATA_ROWS = 4;
const COLUMNS = [
  'record', 'indicator_id', 'indicator', 'year_or_period', 'value', 'value_max', 'qualifier', 'unit', 'kind',
  'territory', 'headline', 'as_of', 'source_publisher', 'source_title', 'source_url', 'published', 'reliability',
  'description', 'note', 'status', 'status_reason',
];

/** Clicks `selector` in the open Downloads dialog and returns { name, bytes } of the download. */
async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), page.click(selector)]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

/** Checks one CSV against the page and returns its parsed body. */
function checkCsv(c, what, bytes, { title, version }) {
  c.check(`${what}: starts with the UTF-8 byte order mark`, bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf, bytes.subarray(0, 3).toString('hex'));
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  let rows;
  try {
    rows = parseCsv(text);
  } catch (e) {
    c.check(`${what}: parses as RFC 4180`, false, e.message);
    return [];
  }
  c.check(`${what}: title row`, rows[0]?.[0] === 'title' && rows[0]?.[1] === title, JSON.stringify(rows[0]));
  c.check(`${what}: source row`, rows[1]?.[0] === 'source' && /^(Nguồn số liệu|Sources): ./.test(rows[1]?.[1] ?? ''), JSON.stringify(rows[1]));
  c.check(`${what}: dataset_version row`, rows[2]?.[0] === 'dataset_version' && rows[2]?.[1] === version, JSON.stringify(rows[2]));
  c.check(`${what}: column header`, JSON.stringify(rows[METADATA_ROWS]) === JSON.stringify(COLUMNS), JSON.stringify(rows[METADATA_ROWS]));
  const body = rows.slice(METADATA_ROWS + 1);
  const ragged = body.filter((r) => r.length !== COLUMNS.length);
  c.check(`${what}: every row has ${COLUMNS.length} fields`, ragged.length === 0, limitList(ragged.map((r) => JSON.stringify(r))));
  const observations = body.filter((r) => r[0] === 'observation');
  c.check(`${what}: values are numbers`, observations.every((r) => r[4] !== '' && Number.isFinite(Number(r[4]))), limitList(observations.filter((r) => !Number.isFinite(Number(r[4]))).map((r) => r[4])));
  c.check(`${what}: every observation has a kind and a source URL`, observations.every((r) => ['official', 'preliminary', 'estimate', 'reported', 'derived'].includes(r[8]) && /^https?:\/\//.test(r[14])), '');
  c.check(`${what}: every target has a status`, body.filter((r) => r[0] === 'target').every((r) => r[19] !== ''), '');
  return body;
}

export default {
  async 'CSV, dataset file, PNG and SVG are made in the page and carry title, source and version'({ openPage, url }) {
    const address = new URL('?indicator=grdp_growth&period=all', url).href;
    const { page, log } = await openPage(address, { viewport: { width: 1000, height: 800 } });
    await waitForFirstChart(page, 15000, log);
    const searchBefore = await page.evaluate(() => location.search);
    const c = checks();
    const version = (await page.locator('.site-footer code').innerText()).trim();
    const name = (await page.locator('#indicator-title').evaluate((h) => h.firstChild.textContent)).trim();
    const planTitle = (await page.locator('.masthead h1').innerText()).trim();
    const observationRows = await page.locator('.data-table table:not(.targets-table) tbody tr').count();
    const targetRows = await page.locator('.targets-table tbody tr').count();
    const canvasWidth = await page.$eval('.chart-stage', (e) => e.clientWidth);

    await page.click('.export-downloads');
    // The dialogs are in the second wasm module, fetched on this first click.
    const opened = await page.waitForSelector('#downloads-dialog[open]', { timeout: 10000 }).then(() => true, () => false);
    c.check('the Downloads dialog opens', opened);
    const requestsBefore = log.requests.length;

    // This indicator's CSV: one row per observation in the page's table, one per target.
    const csv = await download(page, '.download-indicator-csv');
    c.check('indicator CSV file name', /^chitieu-[\w-]+-grdp_growth-[0-9a-f]{8}\.csv$/.test(csv.name), csv.name);
    const body = checkCsv(c, 'indicator CSV', csv.bytes, { title: `${name} — ${planTitle}`, version });
    c.check('indicator CSV: observations = rows of the data table', body.filter((r) => r[0] === 'observation').length === observationRows && observationRows > 0, `${body.filter((r) => r[0] === 'observation').length} vs ${observationRows}`);
    c.check('indicator CSV: targets = rows of the targets table', body.filter((r) => r[0] === 'target').length === targetRows && targetRows > 0, `${body.filter((r) => r[0] === 'target').length} vs ${targetRows}`);
    c.check('indicator CSV: Vietnamese intact', body.some((r) => r[2] === name && /Cần Thơ/.test(r[9])) && body.some((r) => /ước tính|chính thức|sơ bộ/.test(r[17]) || /%/.test(r[17])), JSON.stringify(body[0]));
    const status = await page.locator('.download-status').innerText();
    c.check('the dialog announces the file', status.includes(csv.name), JSON.stringify(status));

    // The dataset file itself, and the whole dataset as CSV.
    const toml = await download(page, '.download-dataset-file');
    const embedded = await readFile(join(repo, 'data/can-tho.toml'));
    c.check('dataset file is data/can-tho.toml, byte for byte', Buffer.compare(toml.bytes, embedded) === 0, `${toml.bytes.length} vs ${embedded.length} bytes`);
    c.check('dataset file name ends in .toml', /\.toml$/.test(toml.name), toml.name);
    c.check('the version shown is the hash of the dataset file', planVersion(toml.bytes.toString('utf8')) === version, `${planVersion(toml.bytes.toString('utf8'))} vs ${version}`);
    const tomlText = toml.bytes.toString('utf8');
    const planObservations = (tomlText.match(/^\[\[observation\]\]$/gm) || []).length;
    const planTargets = (tomlText.match(/^\[\[target\]\]$/gm) || []).length;
    const all = await download(page, '.download-dataset-csv');
    const titleRow = (await page.evaluate(() => document.querySelector('.plan-title')?.textContent ?? '')).trim();
    const allBody = checkCsv(c, 'dataset CSV', all.bytes, { title: titleRow, version });
    c.check('dataset CSV: every observation of the file', allBody.filter((r) => r[0] === 'observation').length === planObservations, `${allBody.filter((r) => r[0] === 'observation').length} vs ${planObservations}`);
    c.check('dataset CSV: every target of the file', allBody.filter((r) => r[0] === 'target').length === planTargets, `${allBody.filter((r) => r[0] === 'target').length} vs ${planTargets}`);

    // SVG: well-formed XML with the title, the source line and the version, as wide as the chart.
    const svg = await download(page, '.download-svg');
    const svgText = svg.bytes.toString('utf8');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const error = doc.querySelector('parsererror');
      const root = doc.documentElement;
      return {
        error: error ? error.textContent.slice(0, 200) : null,
        root: root.localName,
        width: Number(root.getAttribute('width')),
        height: Number(root.getAttribute('height')),
        title: doc.querySelector('title')?.textContent ?? '',
        text: [...doc.querySelectorAll('text')].map((t) => t.textContent.trim()).join('\n'),
      };
    }, svgText);
    c.check('SVG is well-formed XML with an <svg> root', parsed.error === null && parsed.root === 'svg', parsed.error ?? parsed.root);
    c.check('SVG has the indicator title as <title> and as drawn text', parsed.title.startsWith(name) && parsed.text.includes(name.split(' ')[0]), JSON.stringify(parsed.title));
    c.check('SVG draws the source line', /Nguồn số liệu: ./.test(parsed.text), JSON.stringify(parsed.text.slice(-300)));
    c.check('SVG draws the dataset version', parsed.text.includes(version), JSON.stringify(parsed.text.slice(-200)));
    c.check('SVG is as wide as the chart on screen', parsed.width === canvasWidth, `${parsed.width} vs ${canvasWidth}`);

    // PNG at 2x: IHDR width = 2 × the chart's CSS width, height = 2 × the same figure's height.
    const png = await download(page, '.download-png');
    let size = null;
    try {
      size = pngSize(png.bytes);
    } catch (e) {
      c.check('PNG has a PNG signature and IHDR', false, e.message);
    }
    if (size) {
      c.check('PNG is twice the chart CSS width', size.width === 2 * canvasWidth, `${size.width} vs 2 × ${canvasWidth}`);
      c.check('PNG is twice the figure height (chart + title, legend, source, version)', size.height === 2 * parsed.height, `${size.height} vs 2 × ${parsed.height}`);
    }
    c.check('PNG has content', png.bytes.length > 20000, `${png.bytes.length} bytes`);

    await page.keyboard.press('Escape');
    c.check('Escape closes the dialog', await page.locator('#downloads-dialog[open]').count() === 0);
    // The dialogs run in a second Yew app: none of their clicks may reach the widget's own
    // listeners (same language, indicator and period as before).
    const searchAfter = await page.evaluate(() => location.search);
    c.check('using the dialog left the widget as it was', searchAfter === searchBefore, `${searchBefore} → ${searchAfter}`);
    // Chromium itself asks for the page's icon again when a download starts (browser chrome,
    // not the page); anything else would be the page sending something.
    const made = log.requests.slice(requestsBefore).filter((r) => !r.startsWith('blob:') && !r.startsWith('data:') && !/\/favicon-[0-9a-f]{16}\.svg$/.test(r));
    c.check('making the files sent no request', made.length === 0, limitList(made));
    c.check('no foreign request', foreignRequests(log, url).length === 0, limitList(foreignRequests(log, url)));
    c.check('no console error', log.consoleErrors.length + log.pageErrors.length === 0, limitList([...log.consoleErrors, ...log.pageErrors]));
    c.throwIfFailed();
  },

  async 'English CSV and SVG speak English'({ openPage, url }) {
    const { page, log } = await openPage(new URL('?lang=en&indicator=health_insurance_coverage', url).href);
    await waitForFirstChart(page, 15000, log);
    const c = checks();
    const version = (await page.locator('.site-footer code').innerText()).trim();
    await page.click('.export-downloads');
    await page.waitForSelector('#downloads-dialog[open]', { timeout: 10000 });
    const csv = await download(page, '.download-indicator-csv');
    const rows = parseCsv(csv.bytes.toString('utf8').replace(/^\uFEFF/, ''));
    c.check('title in English', /health.insurance/i.test(rows[0][1]), rows[0][1]);
    c.check('source line in English', /^Sources: /.test(rows[1][1]), rows[1][1]);
    c.check('version', rows[2][1] === version, rows[2][1]);
    const svg = (await download(page, '.download-svg')).bytes.toString('utf8');
    c.check('SVG credit line in English', svg.includes(`Data version ${version}`), svg.slice(-400));
    c.throwIfFailed();
  },

  async 'Cite this gives the version, today and the address, in Vietnamese and English'({ openPage, url }) {
    const { page, log } = await openPage(new URL('?indicator=grdp_growth&theme=dark', url).href, {
      contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] },
    });
    await waitForFirstChart(page, 15000, log);
    const searchBefore = await page.evaluate(() => location.search);
    const c = checks();
    const version = (await page.locator('.site-footer code').innerText()).trim();
    await page.click('.export-cite');
    const opened = await page.waitForSelector('#cite-dialog[open]', { timeout: 10000 }).then(() => true, () => false);
    c.check('the Cite dialog opens', opened);
    c.check('it is labelled by its heading', await page.$eval('#cite-dialog', (d) => document.getElementById(d.getAttribute('aria-labelledby'))?.textContent) === 'Trích dẫn bộ dữ liệu này');
    const today = await page.evaluate(() => {
      const d = new Date();
      return { vi: `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`, year: d.getFullYear(), day: d.getDate() };
    });
    // The indicator's own address: its indicator, not the page's theme, language or view.
    const address = `${new URL(url).origin}${new URL(url).pathname}?indicator=grdp_growth`;
    const vi = await page.locator('#cite-dialog .citation[lang="vi"]').innerText();
    const en = await page.locator('#cite-dialog .citation[lang="en"]').innerText();
    c.check('Vietnamese citation', vi.startsWith(`Ban biên tập chitieu (${today.year}).`) && vi.includes(`Phiên bản dữ liệu ${version}`) && vi.includes(`Truy cập ngày ${today.vi}, ${address}`), JSON.stringify(vi));
    c.check('English citation', en.startsWith(`chitieu editors (${today.year}).`) && en.includes(`Data version ${version}`) && en.includes(`Accessed ${today.day} `) && en.endsWith(address), JSON.stringify(en));
    c.check('the address names the indicator and leaves out view state (theme, language)', /indicator=grdp_growth/.test(vi) && !/theme=|lang=/.test(vi), JSON.stringify(vi));
    await page.locator('#cite-dialog .cite-copy').click();
    const copied = await page.waitForFunction(() => /Đã chép/.test(document.querySelector('#cite-dialog .cite-status')?.textContent || ''), null, { timeout: 5000 }).then(() => true, () => false);
    c.check('"Sao chép" reports the copy', copied);
    const clip = await page.evaluate(() => navigator.clipboard.readText()).catch((e) => `error: ${e}`);
    c.check('the clipboard holds the Vietnamese citation', clip === vi, JSON.stringify(clip));
    await page.keyboard.press('Escape');
    c.check('Escape closes it', await page.locator('#cite-dialog[open]').count() === 0);
    const searchAfter = await page.evaluate(() => location.search);
    c.check('copying left the widget as it was (language, indicator, theme)', searchAfter === searchBefore, `${searchBefore} → ${searchAfter}`);
    c.check('focus is back on "Cite this"', await page.evaluate(() => document.activeElement?.classList.contains('export-cite')));
    c.throwIfFailed();
  },
};
