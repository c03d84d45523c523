// Enhancements for the publisher's pages only: both pages work without this file.
(function () {
  "use strict";

  // The channel form shows every kind's fields where scripts do not run; here only the chosen kind's.
  var channelForm = document.querySelector("form[data-channel-form]");
  if (channelForm) {
    var kind = channelForm.querySelector("[data-channel-kind]");
    var groups = Array.from(channelForm.querySelectorAll("fieldset[data-kind]"));
    var showKind = function () {
      groups.forEach(function (group) { group.hidden = group.getAttribute("data-kind") !== kind.value; });
    };
    kind.addEventListener("change", showKind);
    showKind();
  }

  // The composer's preview follows the typing: the server adapts the text for each channel (its rules
  // and its way of counting are the ones that decide), and its answer replaces the preview section.
  var composer = document.querySelector("form[data-composer]");
  if (composer && window.fetch && window.FormData && window.DOMParser) {
    var timer = null, latest = 0;
    var refresh = function () {
      var ticket = ++latest;
      var body = new URLSearchParams(new FormData(composer));
      body.delete("intent");
      fetch("/publish/compose/preview", {
        method: "POST", body: body, credentials: "same-origin", headers: { "Accept": "text/html" }
      }).then(function (response) {
        if (!response.ok) throw new Error("preview refused");
        return response.text();
      }).then(function (html) {
        if (ticket !== latest) return;
        var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("versions");
        var current = document.getElementById("versions");
        if (fresh && current) current.replaceWith(document.importNode(fresh, true));
      }).catch(function () { /* The Preview button still works. */ });
    };
    composer.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(refresh, 400); });
    composer.addEventListener("change", function (event) {
      if (event.target.type !== "checkbox") return;
      clearTimeout(timer);
      timer = setTimeout(refresh, 50);
    });
  }
})();
