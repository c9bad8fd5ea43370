// chitieu start-up. An external module, so that a page served with a strict Content Security
// Policy (`script-src 'self' 'wasm-unsafe-eval'`) needs no exception for an inline script.
//
// Three wasm modules, each loaded when it is needed:
// - hover (chitieu-hover, small): on every page, at once. It makes the charts answer the pointer
//   and the keys (tooltip, focus ring, live readout) and tells a host page the embed's height.
// - the app (Trunk's module, Yew): at once where the page does not already show the view its
//   address asks for (no pre-rendered view, or another state: static/guard.js said so); on a
//   pre-rendered page only when a reader first uses a control — a button, a menu, a field. That
//   first action is held, the app takes the page over (hydration, nothing visible moves), and
//   the action is done again for the app to answer. A pointer over a control or a touch starts
//   the download early.
// - more (chitieu-more): the dialogs and the plan checker, the first time one is asked for.
// Trunk writes the app's URLs into two <meta> (Trunk.toml `pattern_script`), scripts/build_more.py
// those of the others; the single-file build replaces them with data: URLs.
const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.getAttribute('content');
const glue = meta('chitieu-glue');
const wasm = meta('chitieu-wasm');

const params = new URLSearchParams(location.search);
const embedValue = params.get('embed');
const embedded = (embedValue !== null && embedValue !== '0' && embedValue !== 'false') ||
  /(^|&)embed=1(&|$)/.test(meta('chitieu-prerendered') || '');

// ---- more: loaded the first time a dialog or the plan checker is asked for -----------------
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

// ---- hover: right after the first paint -----------------------------------------------------
// Its compile and start would otherwise share the main thread and the two or so cores of a phone
// with the first frame of the pre-rendered chart, and hold it back: it starts when the browser
// reports the first contentful paint (Paint Timing), or after a second if no paint is reported (a
// hidden tab, an off-screen frame, a browser without the API). Measured in bench/results.md.
// A page whose pre-rendered view is hidden (static/guard.js) or absent paints nothing until the
// app has drawn: there, nothing waits.
const showsPrerendered = meta('chitieu-prerendered') != null &&
  !document.documentElement.classList.contains('chitieu-stale');
const painted = new Promise((resolve) => {
  if (!showsPrerendered) return resolve();
  const timer = setTimeout(resolve, 1000);
  const done = () => { clearTimeout(timer); resolve(); };
  try {
    if (performance.getEntriesByName('first-contentful-paint').length) return done();
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName('first-contentful-paint').length) { observer.disconnect(); done(); }
    });
    observer.observe({ type: 'paint', buffered: true });
  } catch { /* no Paint Timing: the timeout starts it */ }
});
const hover = (async () => {
  await painted;
  const module = await import(meta('chitieu-hover-glue'));
  const exports = await module.default({ module_or_path: meta('chitieu-hover-wasm') });
  // Its exports (e.g. `memory`) for a host page or the benchmark, as the app's start announces.
  dispatchEvent(new CustomEvent('chitieu:hover-started', { detail: { wasm: exports } }));
  return module;
})();

// ---- the app --------------------------------------------------------------------------------
const root = document.getElementById('chitieu');
const prerendered = showsPrerendered;

let app;
function loadApp() {
  if (!app) {
    app = (async () => {
      const module = await import(glue);
      return module;
    })();
    app.catch(() => { app = undefined; });
  }
  return app;
}

let started;
function startApp() {
  if (!started) {
    started = (async () => {
      const module = await loadApp();
      // The page must be exactly as pre-rendered when the app takes it over.
      try { (await hover).reset(); } catch { /* no hover module: nothing was added */ }
      const ready = new Promise((resolve) => addEventListener('chitieu:ready', resolve, { once: true }));
      const exports = await module.default({ module_or_path: wasm });
      // As Trunk's own loader does: a host page (or the benchmark) can learn that the app
      // started and reach its exports (e.g. `memory`).
      dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm: exports } }));
      await ready;
      // A point the reader had in focus is shown again (the page's elements are the same).
      try { (await hover).restore(); } catch { /* nothing to restore */ }
    })();
    started.catch(() => { started = undefined; });
  }
  return started;
}

/** What a reader can use before the app is there: its first use is held and done again. */
const CONTROL = 'button, select, input, textarea';
const held = [];

function hold(event) {
  const control = event.target instanceof Element ? event.target.closest(CONTROL) : null;
  if (!control || !root || !root.contains(control)) return;
  // The chart's keys are the hover module's, not the app's.
  if (control.closest('.chart-plot')) return;
  if (event.type === 'click' || event.type === 'change' || event.type === 'input') {
    event.preventDefault();
    event.stopImmediatePropagation();
    held.push({ control, type: event.type, value: 'value' in control ? control.value : undefined });
  }
  startApp().then(replay, () => {});
}

function replay() {
  removeEventListener('click', hold, true);
  removeEventListener('change', hold, true);
  removeEventListener('input', hold, true);
  removeEventListener('focusin', warm, true);
  for (const { control, type, value } of held.splice(0)) {
    if (!control.isConnected) continue;
    if (type === 'click') {
      control.click();
    } else {
      if (value !== undefined) control.value = value;
      control.dispatchEvent(new Event(type, { bubbles: true }));
    }
  }
}

/** A pointer over a control, a touch or the keyboard focus on one: the download starts. */
function warm(event) {
  const control = event.target instanceof Element ? event.target.closest(CONTROL) : null;
  if (control && root && root.contains(control) && !control.closest('.chart-plot')) {
    if (event.type === 'focusin') startApp().catch(() => {});
    else loadApp().catch(() => {});
  }
}

if (prerendered) {
  addEventListener('click', hold, true);
  addEventListener('change', hold, true);
  addEventListener('input', hold, true);
  addEventListener('focusin', warm, true);
  addEventListener('pointerover', warm, { capture: true, passive: true });
  addEventListener('touchstart', warm, { capture: true, passive: true });
} else {
  startApp().catch(() => {});
}
// The console or a test can ask for the app at once.
globalThis.chitieuStart = startApp;

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
