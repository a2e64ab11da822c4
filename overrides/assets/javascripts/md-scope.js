// Material for MkDocs 9.8's inline head script (partials/javascripts/base.html), as a file: a Content-Security-Policy
// then needs no 'unsafe-inline' for scripts. The scope comes from the script element's data-md-scope attribute.
// Material's bundle reads these globals; keep them as Material defines them.
var __md_scope = new URL(document.currentScript.dataset.mdScope, location),
  __md_hash = function (e) { return [...e].reduce(function (e, _) { return (e << 5) - e + _.charCodeAt(0); }, 0); },
  __md_get = function (e, _, t) {
    _ = _ || localStorage; t = t || __md_scope;
    return JSON.parse(_.getItem(t.pathname + "." + e));
  },
  __md_set = function (e, _, t, a) {
    t = t || localStorage; a = a || __md_scope;
    try { t.setItem(a.pathname + "." + e, JSON.stringify(_)); } catch (err) {}
  };
