// The site's search: a dialog on Pagefind's JavaScript API (https://pagefind.app/docs/api/).
//
// Nothing of the index is fetched until the reader opens the dialog (the
// button in the header, or "/"); then this language's pagefind.js is imported
// from the site itself and asked for the few index chunks each query needs.
// The index spells "đ" as "d" + U+0335 so that Pagefind folds it like any
// other mark (hooks/campaign/output/search.py): queries are spelled the same
// way, and what is shown is turned back.
(function () {
  "use strict";
  var dialog = document.getElementById("campaign-search");
  var opener = document.querySelector(".campaign-search-open");
  if (!dialog || !opener || typeof dialog.showModal !== "function") return;

  var PAGE = 10; // results shown at a time
  var strings = JSON.parse(dialog.dataset.strings);
  var plural = new Intl.PluralRules(dialog.dataset.lang || document.documentElement.lang);
  var form = dialog.querySelector("form");
  var input = form.elements.q;
  var status = dialog.querySelector(".campaign-search__status");
  var hint = dialog.querySelector(".campaign-search__hint");
  var list = dialog.querySelector(".campaign-search__results");
  var more = dialog.querySelector(".campaign-search__more");
  var engine = null; // the Pagefind module, once loaded
  var loading = null;
  var results = [];
  var shown = 0;
  var query = 0; // increases with every search; an older one's answer is dropped

  function spell(text) {
    return text.normalize("NFC").replace(/đ/g, "d\u0335").replace(/Đ/g, "D\u0335");
  }
  function unspell(text) {
    return String(text).replace(/([dD])\u0335/g, function (_, d) { return d === "d" ? "đ" : "Đ"; });
  }
  function say(key, values) {
    return (strings[key] || "").replace(/\{(\w+)\}/g, function (_, name) { return values[name]; });
  }
  function absolute(path) {
    return new URL(path, document.baseURI);
  }

  function load() {
    if (!loading) {
      status.textContent = strings.loading;
      dialog.dataset.state = "loading";
      loading = import(absolute(dialog.dataset.bundle).href).then(function (pagefind) {
        return pagefind.options({ baseUrl: absolute(dialog.dataset.root).pathname, excerptLength: 24 }).then(function () {
          engine = pagefind;
          return fillFilters();
        });
      }).then(function () {
        status.textContent = "";
        dialog.dataset.state = "ready";
      }, function () {
        loading = null; // try again at the next opening
        status.textContent = strings.error;
        dialog.dataset.state = "error";
      });
    }
    return loading;
  }

  function fillFilters() {
    return engine.filters().then(function (filters) {
      fill(form.elements.category, Object.keys(filters.category || {}).sort(function (a, b) {
        return unspell(a).localeCompare(unspell(b), dialog.dataset.lang);
      }));
      fill(form.elements.year, Object.keys(filters.year || {}).sort().reverse());
    });
  }
  function fill(select, values) {
    select.length = 1;
    values.forEach(function (value) { select.add(new Option(unspell(value), value)); });
    select.closest("label").hidden = values.length === 0;
  }

  function open() {
    if (!dialog.open) dialog.showModal();
    input.focus();
    load();
  }
  function close() {
    dialog.close();
  }

  function search() {
    var term = input.value.trim();
    var filters = {};
    if (form.elements.category.value) filters.category = form.elements.category.value;
    if (form.elements.year.value) filters.year = form.elements.year.value;
    var filtered = Object.keys(filters).length > 0;
    var mine = ++query;
    if (!term && !filtered) {
      clear("");
      return;
    }
    load().then(function () {
      if (!engine || mine !== query) return;
      status.textContent = strings.searching;
      dialog.dataset.state = "searching";
      var options = { filters: filters };
      if (form.elements.sort.value === "newest") options.sort = { date: "desc" };
      return engine.debouncedSearch(term ? spell(term) : null, options, 250).then(function (found) {
        if (found === null || mine !== query) return; // a newer search took over
        results = found.results;
        list.textContent = "";
        shown = 0;
        if (results.length === 0) {
          clear(term ? say("none", { query: term }) : strings.none_filtered);
          hint.hidden = false;
          return;
        }
        status.textContent = say(plural.select(results.length) === "one" && strings.count_one ? "count_one" : "count_other",
                                 { count: results.length.toLocaleString(dialog.dataset.lang) });
        return showMore();
      }).then(function () {
        if (mine === query) dialog.dataset.state = "done"; // for the tests: results are on screen
      });
    });
  }
  function clear(message) {
    dialog.dataset.state = "done";
    results = [];
    list.textContent = "";
    status.textContent = message;
    hint.hidden = true;
    more.hidden = true;
  }

  function showMore() {
    var batch = results.slice(shown, shown + PAGE);
    var mine = query;
    shown += batch.length;
    more.hidden = true;
    return Promise.all(batch.map(function (result) { return result.data(); })).then(function (pages) {
      if (mine !== query) return;
      var first = null;
      pages.forEach(function (page) {
        var item = render(page);
        list.appendChild(item);
        first = first || item;
      });
      more.hidden = shown >= results.length;
      return first;
    });
  }

  function render(page) {
    var item = document.createElement("li");
    item.className = "campaign-search__result";
    var link = document.createElement("a");
    link.href = page.url;
    link.className = "campaign-search__link";
    link.textContent = unspell(page.meta.title || page.url);
    item.appendChild(link);
    var facts = [page.meta.date, page.meta.section].filter(Boolean).map(unspell);
    if (facts.length) {
      var meta = document.createElement("p");
      meta.className = "campaign-search__meta";
      meta.textContent = facts.join(" · ");
      item.appendChild(meta);
    }
    var excerpt = document.createElement("p");
    excerpt.className = "campaign-search__excerpt";
    excerpt.appendChild(highlighted(page.excerpt));
    item.appendChild(excerpt);
    return item;
  }

  // Pagefind's excerpt is escaped text with <mark> around the matched words:
  // parsed inert, only its text and its marks are kept.
  function highlighted(html) {
    var parsed = document.createElement("template");
    parsed.innerHTML = html || "";
    var out = document.createDocumentFragment();
    parsed.content.childNodes.forEach(function (node) {
      var text = document.createTextNode(unspell(node.textContent));
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.appendChild(text);
        out.appendChild(mark);
      } else {
        out.appendChild(text);
      }
    });
    return out;
  }

  opener.hidden = false;
  opener.addEventListener("click", open);
  // Other buttons that open the search (the 404 page's), hidden until this script runs.
  document.querySelectorAll(".campaign-search-open-inline").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", open);
  });
  dialog.querySelector(".campaign-search__close").addEventListener("click", close);
  dialog.addEventListener("close", function () {
    // Opened with "/", the dialog had no button to give focus back to: the search button takes it.
    setTimeout(function () {
      if (!document.activeElement || document.activeElement === document.body) opener.focus();
    });
  });
  dialog.addEventListener("click", function (event) {
    if (event.target === dialog) close(); // a click on the backdrop
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  input.addEventListener("input", search);
  form.addEventListener("change", function (event) {
    if (event.target !== input) search();
  });
  more.addEventListener("click", function () {
    var next = list.children.length;
    showMore().then(function () {
      var link = list.children[next] && list.children[next].querySelector("a");
      if (link) link.focus(); // keyboard readers continue where the new results begin
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || dialog.open || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    event.preventDefault();
    open();
  });
})();
