// chitieu start-up. An external module, so that a page served with a strict Content Security
// Policy (`script-src 'self' 'wasm-unsafe-eval'`) needs no exception for an inline script.
// Trunk writes the URLs of the wasm-bindgen glue and of the wasm into two <meta> elements
// (Trunk.toml `pattern_script`); the single-file build replaces them with data: URLs.
const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.getAttribute('content');
const glue = meta('chitieu-glue');
const wasm = meta('chitieu-wasm');

const params = new URLSearchParams(location.search);
const embedValue = params.get('embed');
const embedded = embedValue !== null && embedValue !== '0' && embedValue !== 'false';

// The second wasm module (more/, written by scripts/build_more.py): the downloads, citation and
// embed dialogs and the checker for `?plan=` files. Not part of the first view: it is imported
// the first time the widget calls one of these (src/web/more.rs), then kept. A failed import is
// forgotten, so the next call tries again.
let more;
function loadMore() {
  if (!more) {
    more = (async () => {
      const module = await import(meta('chitieu-more-glue'));
      await module.default({ module_or_path: meta('chitieu-more-wasm') });
      return module;
    })();
    more.catch(() => { more = undefined; });
  }
  return more;
}
globalThis.chitieuMore = {
  prefetch: async () => { await loadMore(); },
  open: async (request) => (await loadMore()).open(request),
  parsePlan: async (file, text) => (await loadMore()).parse_plan(file, text),
};

const { default: init } = await import(glue);
const exports = await init({ module_or_path: wasm });
// As Trunk's own loader does: a host page (or the benchmark) can learn that the app started and
// reach its exports (e.g. `memory`).
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm: exports } }));

// The service worker keeps the page's own files so that a page visited once opens with the
// network off. Only on http(s) (not file://, not data:), and not in the compact embed: a chart
// embedded in someone else's page should not start background downloads there (its storage is
// partitioned by the host page anyway). The cache is named after the glue's hashed file name, so
// every build gets a fresh cache and the old one is dropped.
function registerServiceWorker() {
  if (embedded || !('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  const glueUrl = new URL(glue, location.href);
  if (glueUrl.origin !== location.origin) return;
  const version = glueUrl.pathname.split('/').pop();
  const script = new URL(`sw.js?v=${encodeURIComponent(version)}`, glueUrl);
  navigator.serviceWorker.register(script.href).catch(() => {
    // No service worker (e.g. storage disabled in a sandbox): the page works online as before.
  });
}

if (document.readyState === 'complete') registerServiceWorker();
else addEventListener('load', registerServiceWorker, { once: true });
