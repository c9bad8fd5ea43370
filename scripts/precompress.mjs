#!/usr/bin/env node
// Writes precompressed copies beside every text or wasm asset of a build, for static hosts and
// CDNs that serve them as they are (nginx gzip_static / brotli_static, Caddy precompressed,
// Netlify, S3 + CloudFront with Content-Encoding set):
//   FILE.br  brotli, quality 11 (the maximum), window sized to the file
//   FILE.gz  gzip -9
// Trunk already gives the js, wasm and css hashed names (`chitieu-<hash>.js`), so they can be
// served with `Cache-Control: public, max-age=31536000, immutable`; index.html keeps its name
// and must be revalidated. scripts/lib.sh runs this after every `trunk build --release`.
//
//   node scripts/precompress.mjs [DIR]      (default: dist)
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(html|js|mjs|css|wasm|svg|json|txt|toml|csv|map)$/;

export function brotli(bytes) {
  return brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_LGWIN]: 24,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
}

export function gzip(bytes) {
  return gzipSync(bytes, { level: 9 });
}

function* files(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (!name.startsWith('.')) yield* files(path);
    } else if (COMPRESSIBLE.test(name)) {
      yield path;
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] || 'dist';
  let count = 0;
  for (const path of files(dir)) {
    const bytes = readFileSync(path);
    const br = brotli(bytes);
    const gz = gzip(bytes);
    writeFileSync(`${path}.br`, br);
    writeFileSync(`${path}.gz`, gz);
    console.log(`precompress: ${path}  ${bytes.length} B -> br ${br.length} B, gz ${gz.length} B`);
    count++;
  }
  if (count === 0) {
    console.error(`precompress: no assets found in ${dir}`);
    process.exit(1);
  }
}
