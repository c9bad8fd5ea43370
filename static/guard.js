// chitieu: runs in <head> before the first paint of a pre-rendered page (a classic script, not
// deferred, and external, so a strict CSP needs no exception). The page holds the view of the
// state in <meta name="chitieu-prerendered">; if the address asks for another one (another
// language, indicator, period, view, theme or plan), that view must not be seen even for a
// frame: the widget's element is hidden (html.chitieu-stale) until the wasm has drawn the view
// the address asks for. Only our own parameters count; others (pym.js, utm_*, fbclid) do not.
(function () {
  var meta = document.querySelector('meta[name="chitieu-prerendered"]');
  if (!meta) return;
  var shown = new URLSearchParams(meta.getAttribute('content') || '');
  var asked = new URLSearchParams(location.search);
  var defaults = { lang: 'vi', view: 'scorecard', embed: '0' };
  var norm = function (name, value) {
    if (value === null) return defaults[name] || '';
    if (name === 'embed') return value === '' || value === '1' || value === 'true' ? '1' : value === 'false' ? '0' : value;
    return value;
  };
  var ours = ['lang', 'theme', 'indicator', 'period', 'view', 'asof', 'plan', 'embed'];
  for (var i = 0; i < ours.length; i++) {
    var name = ours[i];
    if (asked.has(name) && norm(name, asked.get(name)) !== norm(name, shown.get(name))) {
      document.documentElement.classList.add('chitieu-stale');
      return;
    }
  }
})();
