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

const { default: init } = await import(glue);
await init({ module_or_path: wasm });

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
