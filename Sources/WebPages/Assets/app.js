// Enhancements only: every page works without this file.
(function () {
  "use strict";

  // Search as you type: fetch the results page for the form's current state and swap the results in,
  // keeping the address bar in step so the search stays shareable.
  var form = document.querySelector("form[data-live-search]");
  var results = document.getElementById("results");
  if (form && results && window.fetch && window.DOMParser && window.history) {
    var timer = null, latest = 0;
    var refresh = function () {
      var params = new URLSearchParams(new FormData(form));
      Array.from(params.keys()).forEach(function (key) { if (params.get(key) === "") params.delete(key); });
      var url = form.getAttribute("action") + (params.toString() ? "?" + params.toString() : "");
      var ticket = ++latest;
      fetch(url, { headers: { "Accept": "text/html" }, credentials: "same-origin" })
        .then(function (response) { return response.text(); })
        .then(function (html) {
          if (ticket !== latest) return;
          var page = new DOMParser().parseFromString(html, "text/html");
          var fresh = page.getElementById("results");
          if (!fresh) return;
          results.replaceWith(fresh);
          results = fresh;
          history.replaceState(null, "", url);
        })
        .catch(function () { /* the submit button still works */ });
    };
    form.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(refresh, 250); });
    form.addEventListener("change", function () { clearTimeout(timer); timer = setTimeout(refresh, 50); });
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
