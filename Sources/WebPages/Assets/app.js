// Enhancements only: every page works without this file.
(function () {
  "use strict";

  // Search as you type: fetch the results page for the form's current state and swap the results in,
  // keeping the address bar in step so the search stays shareable.
  var form = document.querySelector("form[data-live-search]");
  var results = document.getElementById("results");
  if (form && results && window.fetch && window.DOMParser && window.history) {
    var timer = null, latest = 0;
    // Fetches a results page and swaps its results in; `push` adds a history entry (a facet or a page
    // clicked), otherwise the address is replaced (typing).
    var show = function (url, push) {
      var ticket = ++latest;
      fetch(url, { headers: { "Accept": "text/html" }, credentials: "same-origin" })
        .then(function (response) { return response.text(); })
        .then(function (html) {
          if (ticket !== latest) return;
          var page = new DOMParser().parseFromString(html, "text/html");
          var fresh = page.getElementById("results");
          if (!fresh) { window.location.assign(url); return; }
          results.replaceWith(fresh);
          results = fresh;
          if (push) history.pushState(null, "", url); else history.replaceState(null, "", url);
        })
        .catch(function () { window.location.assign(url); });
    };
    var refresh = function () {
      var params = new URLSearchParams(new FormData(form));
      Array.from(params.keys()).forEach(function (key) { if (params.get(key) === "") params.delete(key); });
      show(form.getAttribute("action") + (params.toString() ? "?" + params.toString() : ""), false);
    };
    form.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(refresh, 250); });
    // Text fields already refreshed as they were typed in; their `change` on blur would only race a click.
    form.addEventListener("change", function (event) {
      if (event.target.type === "text" || event.target.type === "search" || event.target.type === "number") return;
      clearTimeout(timer);
      timer = setTimeout(refresh, 50);
    });
    // Facet toggles and paging without a reload; the links still work on their own.
    document.addEventListener("click", function (event) {
      var link = event.target.closest ? event.target.closest("#results .facets a, #results .pager a") : null;
      if (!link || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      clearTimeout(timer);
      show(link.getAttribute("href"), true);
    });
    window.addEventListener("popstate", function () { show(window.location.pathname + window.location.search, false); });
  }

  // Copy buttons: <button data-copy="#id">.
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button[data-copy]") : null;
    if (!button || !navigator.clipboard) return;
    var source = document.querySelector(button.getAttribute("data-copy"));
    if (!source) return;
    event.preventDefault();
    navigator.clipboard.writeText(source.textContent.trim()).then(function () { button.textContent = "Copied"; });
  });
})();
