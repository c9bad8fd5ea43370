/*! chitieu embed.js — for pages that embed chitieu. No dependencies, nothing fetched.
 *
 *   <script src="https://HOST/PATH/embed.js" async></script>
 *
 * 1. Resizes chitieu iframes to their content. A chitieu page inside an iframe posts its height
 *    (pym.js, `datawrapper-height` and AMP `embed-size` formats); a message is used only if it
 *    comes from the window of one of our iframes (event.source === iframe.contentWindow) AND from
 *    that iframe's origin (exact comparison), and carries a finite height, clamped to
 *    [MIN, MAX] px. Nothing from a message ever reaches the DOM as HTML or as a URL.
 *    "Our iframes" are those with a `data-chitieu-frame` attribute, and those whose src is on the
 *    origin this script was loaded from.
 * 2. Script-tag embedding: every <div data-chitieu data-indicator="…"> becomes an iframe of the
 *    compact view: its pre-rendered page (embed-<indicator>[.en].html) when only the indicator and
 *    the language are chosen, else the address form (?embed=1&…). Optional: data-lang (vi|en), data-theme (light|dark|contrast), data-period
 *    (e.g. 2021-2025 or all), data-plan (a plan file on chitieu's origin), data-height (initial
 *    height in px), data-title (the iframe's accessible name).
 * Safe to include twice. Styles are set through CSSOM (allowed under a strict style-src).
 */
(function () {
  'use strict';
  if (window.__chitieuEmbed) {
    window.__chitieuEmbed.scan();
    return;
  }
  var MIN = 120;
  var MAX = 20000;
  var script = document.currentScript;
  var base = script && script.src ? new URL('./', script.src) : new URL('./', location.href);
  var PARAMS = ['indicator', 'lang', 'theme', 'period', 'plan'];
  // Indicators whose compact page the build pre-rendered (scripts/build_more.py fills this in).
  var PRERENDERED = /* chitieu:prerendered */[];

  function srcOf(frame) {
    try {
      return new URL(frame.getAttribute('src') || '', location.href);
    } catch (e) {
      return null;
    }
  }

  function isOurs(frame) {
    if (frame.hasAttribute('data-chitieu-frame')) return true;
    var src = srcOf(frame);
    return Boolean(src && src.origin === base.origin && src.pathname.indexOf(base.pathname) === 0);
  }

  /** The height in a chitieu/pym/datawrapper/AMP message, or null. */
  function heightIn(data) {
    var value = null;
    if (typeof data === 'string') {
      // pym.js: "pym" xPYMx id xPYMx "height" xPYMx N
      var parts = data.split('xPYMx');
      if (parts.length === 4 && parts[0] === 'pym' && parts[2] === 'height') value = parts[3];
    } else if (data && typeof data === 'object') {
      var dw = data['datawrapper-height'];
      if (dw && typeof dw === 'object') {
        var keys = Object.keys(dw);
        if (keys.length === 1) value = dw[keys[0]];
      } else if (data.sentinel === 'amp' && data.type === 'embed-size') {
        value = data.height;
      }
    }
    if (typeof value === 'string' && /^\d{1,6}(\.\d+)?$/.test(value)) value = Number(value);
    if (typeof value !== 'number' || !isFinite(value)) return null;
    return Math.min(MAX, Math.max(MIN, Math.ceil(value)));
  }

  function onMessage(event) {
    var height = heightIn(event.data);
    if (height === null) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source || !isOurs(frame)) continue;
      var src = srcOf(frame);
      if (!src || src.origin !== event.origin) return;
      if (frame.style.height !== height + 'px') frame.style.height = height + 'px';
      return;
    }
  }

  /**
   * The pre-rendered compact page for a host asking for one indicator (and vi or en) and nothing
   * else: it shows its chart before any script runs. Other choices (theme, period, another plan)
   * use the address form, which the app draws. The build writes the list below.
   */
  function preRendered(host) {
    var indicator = host.getAttribute('data-indicator') || '';
    var lang = host.getAttribute('data-lang') || 'vi';
    if (PRERENDERED.indexOf(indicator) < 0 || (lang !== 'vi' && lang !== 'en')) return null;
    for (var i = 0; i < PARAMS.length; i++) {
      if (PARAMS[i] !== 'indicator' && PARAMS[i] !== 'lang' && host.getAttribute('data-' + PARAMS[i])) return null;
    }
    return new URL('embed-' + indicator + (lang === 'en' ? '.en' : '') + '.html', base);
  }

  function mount(host) {
    if (host.getAttribute('data-chitieu-mounted') === '1') return;
    host.setAttribute('data-chitieu-mounted', '1');
    var url = preRendered(host);
    if (!url) {
      url = new URL(base.href);
      for (var i = 0; i < PARAMS.length; i++) {
        var value = host.getAttribute('data-' + PARAMS[i]);
        if (value) url.searchParams.set(PARAMS[i], value);
      }
      url.searchParams.set('embed', '1');
    }
    var frame = document.createElement('iframe');
    frame.src = url.href;
    frame.title = host.getAttribute('data-title') || 'Chỉ tiêu — biểu đồ mục tiêu và thực hiện / targets and results';
    frame.loading = 'lazy';
    frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox');
    frame.setAttribute('data-chitieu-frame', '');
    var initial = Number(host.getAttribute('data-height'));
    frame.style.height = (isFinite(initial) && initial >= MIN ? Math.min(initial, MAX) : 520) + 'px';
    frame.style.width = '100%';
    frame.style.border = '0';
    frame.style.display = 'block';
    host.appendChild(frame);
  }

  function scan() {
    var hosts = document.querySelectorAll('div[data-chitieu]');
    for (var i = 0; i < hosts.length; i++) mount(hosts[i]);
  }

  window.addEventListener('message', onMessage);
  window.__chitieuEmbed = { scan: scan, heightIn: heightIn };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
  else scan();
})();
