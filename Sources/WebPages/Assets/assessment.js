// The assessment player's enhancements; the page works without this file (each answer has its own
// Save button, the time left is printed, the server marks what was saved when the time is up).
// Here: answers save as they change, the countdown runs (from the server's remaining seconds) and
// reloads the page when it ends, and pastes and leaving the page are reported for the reviewers.
(function () {
  "use strict";
  var player = document.querySelector("[data-assessment]");
  if (!player) return;
  var csrf = player.getAttribute("data-csrf") || "";
  var alertBox = document.getElementById("assessment-alert");
  var timeUp = false;

  var showAlert = function (text) {
    if (!alertBox) return;
    alertBox.textContent = text;
    alertBox.hidden = false;
  };

  // The countdown. Only 5 minutes, 1 minute and the end are announced (the timer itself is not live).
  var timer = document.getElementById("assessment-timer");
  var announcement = document.getElementById("assessment-timer-announcement");
  if (timer) {
    var remaining = parseInt(timer.getAttribute("data-remaining"), 10) || 0;
    var deadline = Date.now() + remaining * 1000;
    var marks = [[300, "5 minutes left."], [60, "1 minute left."], [0, "Time is up. Your saved answers are being marked."]];
    var announced = {};
    // A mark already behind when the page opened is not announced again after a reload.
    marks.forEach(function (mark) { if (mark[0] > 0 && remaining <= mark[0]) announced[mark[0]] = true; });
    var two = function (value) { return value < 10 ? "0" + value : String(value); };
    var format = function (seconds) {
      var hours = Math.floor(seconds / 3600), minutes = Math.floor((seconds % 3600) / 60), rest = seconds % 60;
      return hours > 0 ? hours + ":" + two(minutes) + ":" + two(rest) : two(minutes) + ":" + two(rest);
    };
    var interval = null;
    var tick = function () {
      var left = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
      timer.textContent = format(left);
      marks.forEach(function (mark) {
        if (left <= mark[0] && !announced[mark[0]]) {
          announced[mark[0]] = true;
          if (announcement) announcement.textContent = mark[1];
        }
      });
      if (left === 0 && !timeUp) {
        timeUp = true;
        clearInterval(interval);
        player.classList.add("time-up");
        // The server still takes answers for two seconds past the deadline; after that it marks the
        // session, and the reloaded page shows the result.
        setTimeout(function () { window.location.reload(); }, 3000);
      }
    };
    interval = setInterval(tick, 1000);
    tick();
  }

  if (!window.fetch || !window.FormData || !window.URLSearchParams) return;

  // Saving. One request at a time per question, so an older answer never overtakes a newer one.
  var states = {};
  var stateOf = function (form) {
    var key = form.getAttribute("action");
    if (!states[key]) states[key] = { saving: false, again: false, timer: null };
    return states[key];
  };
  var status = function (form, text, failed) {
    var element = form.querySelector("[data-save-status]");
    if (!element || element.textContent === text) return;
    element.textContent = text;
    element.classList.toggle("error", !!failed);
  };
  var now = function () {
    var date = new Date();
    var two = function (value) { return value < 10 ? "0" + value : String(value); };
    return two(date.getHours()) + ":" + two(date.getMinutes()) + ":" + two(date.getSeconds());
  };
  var save = function (form) {
    var state = stateOf(form);
    clearTimeout(state.timer);
    if (state.saving) { state.again = true; return; }
    state.saving = true;
    status(form, "Saving…", false);
    var finish = function () {
      state.saving = false;
      if (state.again) { state.again = false; save(form); }
    };
    fetch(form.getAttribute("action"), {
      method: "POST", body: new URLSearchParams(new FormData(form)), credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" }
    }).then(function (response) {
      if (response.status === 204) {
        status(form, "Saved at " + now(), false);
        finish();
        return;
      }
      return response.text().then(function (text) {
        // The refusals of this page are plain text; anything else (a proxy's page, a problem document) is not shown as is.
        var plain = (response.headers.get("Content-Type") || "").indexOf("text/plain") === 0;
        var message = plain && text && text.length < 500 ? text
          : response.status === 403 ? "Not saved: the page expired. Reload it (your saved answers stay)."
          : "Not saved (the server answered " + response.status + ").";
        status(form, message, true);
        if (response.status === 409) {
          state.again = false;
          showAlert(message);
        }
        finish();
      });
    }).catch(function () {
      status(form, "Not saved: the connection failed. Try the Save answer button.", true);
      finish();
    });
  };

  Array.prototype.forEach.call(document.querySelectorAll("form[data-answer-form]"), function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      save(form);
    });
    form.addEventListener("change", function () { save(form); });
    form.addEventListener("input", function (event) {
      if (event.target.type === "radio" || event.target.type === "checkbox") return;
      var state = stateOf(form);
      status(form, "Changed, not saved yet", false);
      clearTimeout(state.timer);
      state.timer = setTimeout(function () { save(form); }, 1200);
    });
  });

  // Signals for the reviewers: they are noted, never held against anyone by themselves.
  var signalURL = player.getAttribute("data-signals");
  var questionOf = function (node) {
    var form = node && node.closest ? node.closest("form[data-answer-form]") : null;
    return form ? form.getAttribute("data-question-id") : "";
  };
  var report = function (kind, questionID, size) {
    if (!signalURL || timeUp) return;
    var body = new URLSearchParams();
    body.append("csrf", csrf);
    body.append("kind", kind);
    if (questionID) body.append("question_id", questionID);
    if (typeof size === "number") body.append("size", String(size));
    fetch(signalURL, {
      method: "POST", body: body, credentials: "same-origin", keepalive: true, headers: { "X-Requested-With": "fetch" }
    }).catch(function () { /* A lost signal is only a lost note. */ });
  };
  player.addEventListener("paste", function (event) {
    var text = event.clipboardData ? event.clipboardData.getData("text") : "";
    report("paste", questionOf(event.target), text.length);
  });
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") report("tab_hidden", questionOf(document.activeElement));
  });
  window.addEventListener("blur", function () {
    var questionID = questionOf(document.activeElement);
    // A hidden tab is reported as such; the blur that comes with it is not a second signal.
    setTimeout(function () { if (document.visibilityState !== "hidden") report("window_blur", questionID); }, 250);
  });
})();
