// The staff idle warning: a minute before the session would end for lack of activity, say so
// and offer to stay signed in. If it ends anyway, what was typed on the page is kept in this
// tab (sessionStorage, never localStorage) and put back when the page is opened again.
(function () {
  "use strict";
  var box = document.getElementById("idle-warning");
  if (!box || !window.sessionStorage) return;
  var text = box.querySelector("p");
  var button = box.querySelector("button");
  var storeKey = "jds-unsent:" + location.pathname;
  var warnTimer = null;
  var endTimer = null;

  function fields() {
    return Array.prototype.filter.call(
      document.querySelectorAll("form textarea, form input, form select"),
      function (el) {
        var type = (el.type || "").toLowerCase();
        return el.name && el.name !== "csrfmiddlewaretoken" &&
          ["password", "hidden", "file", "submit", "button"].indexOf(type) === -1;
      }
    );
  }

  function save() {
    var data = {};
    fields().forEach(function (el) {
      if (el.type === "checkbox" || el.type === "radio") {
        if (el.checked) data[el.name + "=" + el.value] = true;
      } else if (el.value) {
        data[el.name] = el.value;
      }
    });
    if (Object.keys(data).length) sessionStorage.setItem(storeKey, JSON.stringify(data));
  }

  function restore() {
    var raw = sessionStorage.getItem(storeKey);
    if (!raw) return;
    sessionStorage.removeItem(storeKey);
    var data;
    try { data = JSON.parse(raw); } catch (e) { return; }
    var restored = false;
    fields().forEach(function (el) {
      if (el.type === "checkbox" || el.type === "radio") {
        if (data[el.name + "=" + el.value]) { el.checked = true; restored = true; }
      } else if (data[el.name] && !el.value) {
        el.value = data[el.name];
        restored = true;
      }
    });
    if (restored) {
      text.textContent = box.dataset.restoredText;
      button.hidden = true;
      box.hidden = false;
    }
  }

  function schedule(secondsLeft) {
    clearTimeout(warnTimer);
    clearTimeout(endTimer);
    warnTimer = setTimeout(warn, Math.max(0, secondsLeft - 60) * 1000);
    endTimer = setTimeout(ended, Math.max(0, secondsLeft - 2) * 1000);
  }

  function warn() {
    box.hidden = false;
    button.hidden = false;
    button.focus();
  }

  function ended() {
    save();
    text.textContent = box.dataset.endedText;
    button.hidden = true;
    box.hidden = false;
  }

  button.addEventListener("click", function () {
    fetch(box.dataset.keepaliveUrl, { credentials: "same-origin", redirect: "manual" })
      .then(function (response) {
        if (response.status === 204) {
          box.hidden = true;
          schedule(Number(box.dataset.secondsLeft));
        } else {
          ended();
        }
      })
      .catch(ended);
  });

  restore();
  schedule(Number(box.dataset.secondsLeft));
})();
