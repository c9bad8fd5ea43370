#!/usr/bin/env node
// Not a test: writes the reviewed screenshots of docs/gallery/ (docs/gallery/README.md has the
// review of each). `bash scripts/gallery.sh` builds the release, serves it and runs this; to
// shoot a build that is already served:
//
//   node tests/e2e/gallery.mjs URL [OUT_DIR]      # OUT_DIR defaults to docs/gallery/
//
// What it shoots (every file name is listed in SHOTS below and in docs/gallery/README.md):
//   default-{vi,en}-{360,1280}      the default page, first screen only (360×640, 1280×800)
//   embed-{vi,en}-{360,600}         the compact embed inside a news article (a host page written
//                                   here, served from its own origin): a ~680 px column, the
//                                   iframe code from README's Embedding section and embed.js
//                                   resizing it; the iframe is 360 / 600 px wide
//   chart-…-{vi,en}-{width}         one indicator's title, finding, lead figure, chart, key and
//                                   break note (?view=chart), five indicator/period/width cases
//   tooltip-{vi-360,en-1280}        the chart with the pointer on its last point
//   downloads-dialog-vi-360         the Downloads dialog on a phone
//   download-png-vi, download-svg-en   the PNG file the dialog makes (as saved, 2x), and the SVG
//                                   file drawn by Chromium
// PNGs are squeezed with pngquant (Debian's, if installed; scripts/gallery.sh installs it) so the
// committed gallery stays small. The script prints what it measured for each shot (heights,
// tooltip box, notices, errors) and exits 1 if a page failed to draw or showed an error.
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, openPage, startServer, waitFor, waitForFirstChart } from './lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const base = process.argv[2] || process.env.CHITIEU_URL;
const outDir = resolve(process.argv[3] || join(here, '..', '..', 'docs', 'gallery'));
if (!base) {
  console.error('usage: node tests/e2e/gallery.mjs URL [OUT_DIR]   (or: bash scripts/gallery.sh)');
  process.exit(2);
}
await mkdir(outDir, { recursive: true });

const LANGS = ['vi', 'en'];
/** Indicator charts: [indicator, period (null = the page's default), width]. */
const CHARTS = [
  ['grdp_growth', '2021-2025', 360],
  ['grdp_growth', 'all', 600],
  ['grdp_per_capita_vnd', 'all', 1280],
  ['health_insurance_coverage', null, 600],
  ['poor_household_rate', null, 360],
];
const EMBED_INDICATOR = 'grdp_growth';

const problems = [];
const written = [];
const address = (query) => new URL(query, base).href;

// ---- the host page: a news article with the embed in its column ---------------------------

const ARTICLE = {
  vi: {
    site: 'Báo Mẫu',
    title: 'Cần Thơ sau 5 năm thực hiện Nghị quyết 59: các chỉ tiêu kinh tế',
    byline: 'Trang mẫu để xem biểu đồ nhúng trong một bài báo · không phải tin thật',
    before: [
      'Đây là một bài báo mẫu. Nó chỉ có mặt để cho thấy biểu đồ nhúng trông thế nào giữa các đoạn văn của một trang tin: cột chữ khoảng 680 điểm ảnh, chữ có chân, khoảng cách dòng rộng.',
      'Đoạn thứ hai đứng ngay trước biểu đồ, như khi phóng viên dẫn người đọc vào số liệu. Các con số thật nằm trong biểu đồ bên dưới, kèm nguồn của từng số.',
    ],
    after: 'Đoạn sau biểu đồ: bài báo tiếp tục. Khung nhúng phải vừa với nội dung của nó, không có thanh cuộn riêng và không đẩy đoạn này ra xa.',
  },
  en: {
    site: 'Sample Gazette',
    title: 'Can Tho five years into Resolution 59: the economic targets',
    byline: 'A sample page to see the embed inside a news article · not a real story',
    before: [
      'This is a sample article. It is here only to show how the embedded chart looks between the paragraphs of a news page: a text column of about 680 pixels, a serif face, generous leading.',
      'The second paragraph sits just before the chart, as a reporter leads readers into the figures. The real figures are in the chart below, each with its source.',
    ],
    after: 'After the chart the article goes on. The frame must fit its content, with no scrollbar of its own, and not push this paragraph far away.',
  },
};

function escapeHtml(s) {
  return s.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]);
}

/** The article page, embedding `src` with the iframe code README gives and chitieu's embed.js. */
function articlePage(lang, src, embedJs) {
  const a = ARTICLE[lang];
  return `<!DOCTYPE html>
<html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(a.title)} — ${a.site}</title>
<style>
  body { margin: 0; color: #1a1a1a; background: #fff; font: 18px/1.65 Georgia, "DejaVu Serif", serif; }
  .site { border-bottom: 1px solid #d8d8d8; padding: 10px 16px; font: 700 18px/1.2 system-ui, sans-serif; letter-spacing: .02em; }
  article { max-width: 680px; margin: 0 auto; padding: 0 16px 24px; }
  h1 { font: 700 26px/1.25 Georgia, "DejaVu Serif", serif; margin: 20px 0 6px; }
  .byline { color: #5c5c5c; font: 13px/1.4 system-ui, sans-serif; margin: 0 0 16px; }
  p { margin: 0 0 16px; }
  figure.graphic { margin: 24px 0; }
  /* The published code sets width:100% and height; nothing else styles the frame. */
</style></head>
<body>
<div class="site">${a.site}</div>
<article>
<h1>${escapeHtml(a.title)}</h1>
<p class="byline">${escapeHtml(a.byline)}</p>
${a.before.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<figure class="graphic">
<iframe src="${escapeHtml(src)}" title="chitieu" loading="lazy"
        height="560" style="width:100%;border:0"
        sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"
        data-chitieu-frame></iframe>
<script src="${escapeHtml(embedJs)}" async></script>
</figure>
<p>${escapeHtml(a.after)}</p>
</article>
</body></html>`;
}

// ---- helpers ------------------------------------------------------------------------------

function pngquantAvailable() {
  try {
    execFileSync('pngquant', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const squeeze = pngquantAvailable();
if (!squeeze) console.warn('gallery: pngquant not found: PNGs are written as Chromium makes them (apt-get install pngquant)');

/** Squeezes a written PNG (lossy palette, quality 80–98: text stays crisp) and records it. */
async function done(file, note) {
  if (squeeze) {
    try {
      execFileSync('pngquant', ['--quality=80-98', '--speed=1', '--strip', '--force', '--skip-if-larger', '--output', file, file], { stdio: 'ignore' });
    } catch (e) {
      // Exit 99 = quality floor not reached, 98 = would be larger: keep Chromium's file.
      if (![98, 99].includes(e.status)) throw e;
    }
  }
  const { size } = await stat(file);
  written.push({ file, size });
  console.log(`gallery: ${file.slice(outDir.length + 1)}  ${Math.round(size / 1024)} KB  ${note}`);
}

/** Page errors and notices after a shot; every one is a problem. */
async function audit(name, page, log) {
  const notices = await page.evaluate(() => [...document.querySelectorAll('.notices li')].map((li) => li.textContent.trim())).catch(() => []);
  for (const n of notices) problems.push(`${name}: notice shown: ${n}`);
  for (const e of [...log.pageErrors, ...log.consoleErrors, ...log.httpErrors]) problems.push(`${name}: ${e}`);
}

async function drawn(name, page, log) {
  try {
    await waitForFirstChart(page, 20000, log);
    return true;
  } catch (e) {
    problems.push(`${name}: ${e.message}`);
    return false;
  }
}

/** The box (page coordinates) from the top of `from` to the bottom of `to`, padded. */
async function spanBox(page, from, to, pad = 12) {
  return page.evaluate(({ from, to, pad }) => {
    const a = document.querySelector(from).getBoundingClientRect();
    const b = document.querySelector(to).getBoundingClientRect();
    const top = Math.max(0, Math.min(a.top, b.top) + scrollY - pad);
    const bottom = Math.max(a.bottom, b.bottom) + scrollY + pad;
    return { x: 0, y: Math.floor(top), width: document.documentElement.clientWidth, height: Math.ceil(bottom - top) };
  }, { from, to, pad });
}

// ---- the shots ----------------------------------------------------------------------------

const browser = await launchBrowser();
try {
  // Default page, first screen.
  for (const lang of LANGS) {
    for (const [width, height] of [[360, 640], [1280, 800]]) {
      const name = `default-${lang}-${width}`;
      const { context, page, log } = await openPage(browser, address(lang === 'vi' ? './' : '?lang=en'), { viewport: { width, height } });
      await drawn(name, page, log);
      const m = await page.evaluate(() => {
        const h = document.querySelector('h1');
        const headline = document.querySelector('#overview-headline');
        return {
          pageHeight: document.documentElement.scrollHeight,
          headline: headline ? { text: headline.textContent.trim().slice(0, 90), top: Math.round(headline.getBoundingClientRect().top) } : null,
          firstHeading: h ? h.textContent.trim().slice(0, 60) : null,
        };
      });
      const file = join(outDir, `${name}.png`);
      await page.screenshot({ path: file });
      await audit(name, page, log);
      await done(file, `first screen ${width}×${height} of a ${m.pageHeight} px page; headline ${JSON.stringify(m.headline)}`);
      await context.close();
    }
  }

  // Compact embed in a news article.
  for (const lang of LANGS) {
    for (const frameWidth of [360, 600]) {
      const name = `embed-${lang}-${frameWidth}`;
      const src = address(`?embed=1&indicator=${EMBED_INDICATOR}${lang === 'en' ? '&lang=en' : ''}`);
      const html = articlePage(lang, src, address('embed.js'));
      const host = await startServer((req, res) => {
        res.writeHead(req.url === '/' ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
        res.end(req.url === '/' ? html : 'not found');
      });
      try {
        // The column is the window less 2 × 16 px of padding: the iframe gets exactly frameWidth.
        const { context, page, log } = await openPage(browser, `${host.origin}/`, { viewport: { width: frameWidth + 32, height: 900 } });
        const handle = await page.waitForSelector('iframe');
        const frame = await handle.contentFrame();
        await drawn(name, frame, log);
        // embed.js sets the iframe's height from the page's messages; wait until it matches.
        let fit = null;
        try {
          fit = await waitFor(async () => {
            const outer = await handle.evaluate((f) => f.getBoundingClientRect().height);
            const inner = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
            return Math.abs(outer - inner) <= 2 && { outer: Math.round(outer), inner };
          }, 'the iframe never took its content height');
        } catch (e) {
          problems.push(`${name}: ${e.message}`);
        }
        await page.waitForTimeout(200);
        const m = await handle.evaluate((f) => ({ width: Math.round(f.getBoundingClientRect().width), height: Math.round(f.getBoundingClientRect().height) }));
        if (m.height > 600) problems.push(`${name}: the embed is ${m.height} px tall (> 600)`);
        const file = join(outDir, `${name}.png`);
        await page.screenshot({ path: file, fullPage: true });
        await audit(name, frame, log);
        await done(file, `iframe ${m.width}×${m.height} px${fit ? '' : ' (NOT resized to its content)'} in a ${frameWidth + 32} px window`);
        await context.close();
      } finally {
        await host.close();
      }
    }
  }

  // Indicator charts: title, finding, lead figure, chart, key, break note.
  for (const [indicator, period, width] of CHARTS) {
    for (const lang of LANGS) {
      const name = `chart-${indicator}${period ? `-${period}` : ''}-${lang}-${width}`;
      const query = `?indicator=${indicator}&view=chart${period ? `&period=${period}` : ''}${lang === 'en' ? '&lang=en' : ''}`;
      const { context, page, log } = await openPage(browser, address(query), { viewport: { width, height: 900 } });
      await drawn(name, page, log);
      const clip = await spanBox(page, '#indicator-title', 'figure.chart');
      const file = join(outDir, `${name}.png`);
      await page.screenshot({ path: file, clip, fullPage: true });
      await audit(name, page, log);
      await done(file, `${query} at ${width} px: title to chart key, ${clip.height} px tall`);
      await context.close();
    }
  }

  // Tooltip on the last point (the right edge, where it used to collapse).
  for (const [lang, width] of [['vi', 360], ['en', 1280]]) {
    const name = `tooltip-${lang}-${width}`;
    const query = `?indicator=grdp_growth&view=chart${lang === 'en' ? '&lang=en' : ''}`;
    const { context, page, log } = await openPage(browser, address(query), { viewport: { width, height: 800 } });
    await drawn(name, page, log);
    const plot = page.locator('.chart-plot');
    await plot.scrollIntoViewIfNeeded();
    const box = await plot.boundingBox();
    let last = null;
    for (let x = box.x + 1; x < box.x + box.width - 1; x += 4) {
      await page.mouse.move(x, box.y + box.height / 2);
      if (await page.locator('.chart-tooltip.shown').count()) last = x;
    }
    if (last === null) {
      problems.push(`${name}: no tooltip shown anywhere along the chart`);
    } else {
      await page.mouse.move(last, box.y + box.height / 2);
      await page.waitForTimeout(100);
    }
    const m = await page.evaluate(() => {
      const r = (e) => e && ((b) => ({ left: Math.round(b.left), top: Math.round(b.top), width: Math.round(b.width), height: Math.round(b.height) }))(e.getBoundingClientRect());
      const tip = document.querySelector('.chart-tooltip.shown');
      return { tip: r(tip), stage: r(document.querySelector('.chart-stage')), text: tip ? tip.innerText.replace(/\s+/g, ' ').trim() : null };
    });
    const clip = await page.evaluate(() => {
      const s = document.querySelector('.chart-stage').getBoundingClientRect();
      const top = Math.max(0, s.top + scrollY - 48);
      return { x: 0, y: Math.floor(top), width: document.documentElement.clientWidth, height: Math.ceil(s.bottom + scrollY + 48 - top) };
    });
    const file = join(outDir, `${name}.png`);
    await page.screenshot({ path: file, clip, fullPage: true });
    await audit(name, page, log);
    await done(file, `tooltip ${JSON.stringify(m.tip)} in chart ${JSON.stringify(m.stage)}: ${JSON.stringify(m.text)}`);
    await context.close();
  }

  // The Downloads dialog on a phone, and the PNG and SVG files it makes.
  {
    const name = 'downloads-dialog-vi-360';
    const { context, page, log } = await openPage(browser, address('?indicator=grdp_growth'), { viewport: { width: 360, height: 640 }, contextOptions: { acceptDownloads: true } });
    await drawn(name, page, log);
    await page.click('.export-downloads');
    await page.waitForSelector('#downloads-dialog[open]', { timeout: 15000 });
    await page.waitForTimeout(200);
    const file = join(outDir, `${name}.png`);
    await page.screenshot({ path: file });
    await audit(name, page, log);
    await done(file, 'the dialog over the page, 360×640');
    await context.close();
  }
  for (const [kind, lang, width] of [['png', 'vi', 600], ['svg', 'en', 600]]) {
    const name = `download-${kind}-${lang}`;
    const { context, page, log } = await openPage(browser, address(`?indicator=grdp_growth${lang === 'en' ? '&lang=en' : ''}`), { viewport: { width, height: 800 }, contextOptions: { acceptDownloads: true } });
    await drawn(name, page, log);
    await page.click('.export-downloads');
    await page.waitForSelector('#downloads-dialog[open]', { timeout: 15000 });
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 15000 }), page.click(`.download-${kind}`)]);
    const bytes = await readFile(await download.path());
    const file = join(outDir, `${name}.png`);
    if (kind === 'png') {
      await writeFile(file, bytes);
      await done(file, `${download.suggestedFilename()} as saved (${Math.round(bytes.length / 1024)} KB before squeezing), from a ${width} px page`);
    } else {
      // Chromium draws the SVG file alone, at its own size, as a reader's browser would open it.
      const view = await context.newPage();
      await view.setContent(`<!DOCTYPE html><html><body style="margin:0;background:#fff">${bytes.toString('utf8').replace(/^<\?xml[^>]*>\s*/, '')}</body></html>`);
      const size = await view.evaluate(() => {
        const b = document.querySelector('svg').getBoundingClientRect();
        return { width: Math.ceil(b.width), height: Math.ceil(b.height) };
      });
      await view.setViewportSize({ width: Math.max(size.width, 100), height: Math.max(size.height, 100) });
      await view.locator('svg').first().screenshot({ path: file });
      await done(file, `${download.suggestedFilename()} drawn by Chromium at ${size.width}×${size.height}`);
    }
    await audit(name, page, log);
    await context.close();
  }
} finally {
  await browser.close();
}

const total = written.reduce((s, w) => s + w.size, 0);
console.log(`gallery: ${written.length} PNGs, ${Math.round(total / 1024)} KB in all, in ${outDir}`);
// The review must cover every shot: warn about a PNG docs/gallery/README.md does not mention.
const readme = await readFile(join(outDir, 'README.md'), 'utf8').catch(() => '');
const unreviewed = written.map((w) => w.file.slice(outDir.length + 1)).filter((f) => !readme.includes(f));
if (unreviewed.length) console.warn(`gallery: not reviewed in ${join(outDir, 'README.md')}: ${unreviewed.join(', ')}`);
if (problems.length) {
  console.error(`gallery: ${problems.length} problem(s):\n  - ${problems.join('\n  - ')}`);
  process.exit(1);
}
