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

  // Application board: drag a card to another column; the card's own form (shown without scripts)
  // does the same with a reload.
  var board = document.querySelector("[data-board]");
  if (board && window.fetch && window.FormData) {
    document.documentElement.classList.add("js");
    var dragged = null;
    board.addEventListener("dragstart", function (event) {
      var card = event.target.closest ? event.target.closest("li.application") : null;
      if (!card) return;
      dragged = card;
      card.classList.add("dragging");
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", card.getAttribute("data-id"));
    });
    board.addEventListener("dragend", function () {
      if (dragged) dragged.classList.remove("dragging");
      dragged = null;
      Array.from(board.querySelectorAll(".drop-target")).forEach(function (column) { column.classList.remove("drop-target"); });
    });
    board.addEventListener("dragover", function (event) {
      var column = event.target.closest ? event.target.closest(".column") : null;
      if (!column || !dragged) return;
      event.preventDefault();
      column.classList.add("drop-target");
    });
    board.addEventListener("dragleave", function (event) {
      var column = event.target.closest ? event.target.closest(".column") : null;
      if (column && !column.contains(event.relatedTarget)) column.classList.remove("drop-target");
    });
    board.addEventListener("drop", function (event) {
      var column = event.target.closest ? event.target.closest(".column") : null;
      if (!column || !dragged) return;
      event.preventDefault();
      var card = dragged, status = column.getAttribute("data-status");
      var body = new FormData();
      body.append("csrf", board.getAttribute("data-csrf"));
      body.append("status", status);
      fetch("/applications/" + card.getAttribute("data-id") + "/status", {
        method: "POST", body: new URLSearchParams(body), credentials: "same-origin", headers: { "X-Requested-With": "fetch" }
      }).then(function (response) {
        if (!response.ok) throw new Error("move refused");
        var from = card.closest(".column");
        column.querySelector("ul").prepend(card);
        var select = card.querySelector("select[name=status]");
        if (select) select.value = status;
        [from, column].forEach(function (each) {
          var count = each.querySelector(".count");
          if (count) count.textContent = each.querySelectorAll("li.application").length;
        });
      }).catch(function () { window.location.reload(); });
    });
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
