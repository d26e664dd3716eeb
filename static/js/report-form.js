// Enhances the report form and its check page; everything works without it.
// - shows the country only when "abroad" is chosen, and brings the links field forward for
//   "online, or I do not know where";
// - counts characters like GOV.UK's character count: people may go over (nothing is cut),
//   and screen readers hear the count only near the limit, once typing pauses;
// - keeps what was typed in this tab (sessionStorage, never localStorage) until the report
//   is sent, and puts it back if the page comes back blank (a failed sending, Back);
// - before sending, asks the site whether it can be reached: with no network, or a Wi-Fi
//   sign-in page in the way, the report stays in the tab with "Try again";
// - choosing photos again adds to the photos chosen;
// - asks for this visitor's upload token and start time (the page itself is everyone's).
(function () {
  "use strict";
  var KEY = "report-form";
  var storage = null;
  try { storage = window.sessionStorage; } catch (e) { storage = null; }

  var check = document.getElementById("report-check");
  if (check) {
    // The check page carries the answers in hidden fields: the draft stays as it is.
    return;
  }
  var form = document.getElementById("report-form");
  if (!form) return;

  // --- This visitor's own values ---------------------------------------------------------
  // The blank form is the same page for everyone (kept by the site's cache): its upload
  // token (which also stops the report being sent twice) and the moment it was opened are
  // asked for here. Without them (no script, no network yet) the first sending gets them.
  var start = form.getAttribute("data-start");
  var tokenField = form.querySelector('input[name="upload_token"]');
  var startedField = form.querySelector('input[name="started"]');
  if (start && tokenField && !tokenField.value && window.fetch) {
    fetch(start, { cache: "no-store", credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (values) {
        if (!values || tokenField.value) return;
        tokenField.value = values.upload_token;
        if (startedField && !startedField.value) startedField.value = values.started;
      })
      .catch(function () { /* offline: the first sending gets them */ });
  }

  // --- Where ------------------------------------------------------------------------
  var country = form.querySelector(".field-country");
  var radios = form.querySelectorAll('input[name="location"]');
  function checked(value) {
    var r = form.querySelector('input[name="location"][value="' + value + '"]');
    return !!(r && r.checked);
  }
  function syncCountry() {
    if (country) country.hidden = !checked("abroad");
  }
  var links = form.querySelector(".field-links");
  var locationField = form.querySelector(".field-location");
  var linksHome = links && links.parentNode;
  function syncLinks() {
    if (!links || !locationField) return;
    if (checked("unknown")) {
      if (links.previousElementSibling !== locationField) locationField.after(links);
    } else if (links.parentNode !== linksHome) {
      linksHome.appendChild(links);
    }
  }
  radios.forEach(function (r) {
    r.addEventListener("change", syncCountry);
    r.addEventListener("change", syncLinks);
  });

  // --- Character count ----------------------------------------------------------------
  var leftText = form.getAttribute("data-left") || "{n}";
  var overText = form.getAttribute("data-over") || "-{n}";
  form.querySelectorAll("[data-maxlength]").forEach(function (field) {
    var max = parseInt(field.getAttribute("data-maxlength"), 10);
    var shown = document.createElement("p");
    shown.className = "form-text character-count";
    shown.setAttribute("aria-hidden", "true");
    var spoken = document.createElement("p");
    spoken.className = "visually-hidden";
    spoken.setAttribute("aria-live", "polite");
    field.insertAdjacentElement("afterend", spoken);
    field.insertAdjacentElement("afterend", shown);
    var timer = null;
    function text() {
      var left = max - field.value.length;
      return left >= 0 ? leftText.replace("{n}", left) : overText.replace("{n}", -left);
    }
    function update() {
      var left = max - field.value.length;
      shown.textContent = text();
      shown.classList.toggle("text-danger", left < 0);
      shown.classList.toggle("fw-bold", left < 0);
      window.clearTimeout(timer);
      // Spoken only near the limit (the last fifth) or over it, once typing pauses.
      if (left <= max / 5) {
        timer = window.setTimeout(function () { spoken.textContent = text(); }, 1000);
      } else {
        spoken.textContent = "";
      }
    }
    field.addEventListener("input", update);
    shown.textContent = text();
    shown.classList.toggle("text-danger", max - field.value.length < 0);
  });

  // --- Nothing lost: a copy in this tab ------------------------------------------------
  var SKIP = { csrfmiddlewaretoken: 1, upload_token: 1, started: 1, website: 1, stashed: 1 };
  function fields() {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && !SKIP[el.name] && el.type !== "file" && el.type !== "submit" &&
        el.type !== "button" && el.type !== "hidden";
    });
  }
  function save() {
    if (!storage) return;
    var data = {};
    fields().forEach(function (el) {
      if (el.type === "checkbox" || el.type === "radio") {
        if (el.checked) (data[el.name] = data[el.name] || []).push(el.value);
      } else if (el.value) {
        data[el.name] = [el.value];
      }
    });
    try { storage.setItem(KEY, JSON.stringify(data)); } catch (e) { /* full or off */ }
  }
  function restore(data) {
    var any = false;
    fields().forEach(function (el) {
      var values = data[el.name];
      if (!values) return;
      if (el.type === "checkbox" || el.type === "radio") {
        el.checked = values.indexOf(el.value) !== -1;
        any = any || el.checked;
      } else {
        el.value = values[0];
        any = any || !!el.value;
      }
    });
    return any;
  }
  var notice = document.getElementById("draft-notice");
  if (storage && !form.hasAttribute("data-bound")) {
    var saved = null;
    try { saved = JSON.parse(storage.getItem(KEY) || "null"); } catch (e) { saved = null; }
    if (saved && restore(saved) && notice) {
      notice.hidden = false;
      document.getElementById("draft-clear").addEventListener("click", function () {
        storage.removeItem(KEY);
        form.reset();
        fields().forEach(function (el) {
          if (el.type === "checkbox" || el.type === "radio") el.checked = el.defaultChecked;
          else if (el.tagName === "SELECT") el.selectedIndex = 0;
          else el.value = "";
        });
        notice.hidden = true;
        syncCountry();
        syncLinks();
        form.querySelectorAll("[data-maxlength]").forEach(function (f) {
          f.dispatchEvent(new Event("input"));
        });
      });
    }
  } else {
    save(); // the form the site gave back is the newest copy
  }
  form.addEventListener("input", save);
  form.addEventListener("change", save);
  syncCountry();
  syncLinks();

  // --- Photos: choosing again adds to the choice ---------------------------------------
  var photos = form.querySelector('input[type="file"][name="photos"]');
  if (photos && window.DataTransfer) {
    var chosen = new DataTransfer();
    photos.addEventListener("change", function () {
      var seen = {};
      Array.prototype.forEach.call(chosen.files, function (f) {
        seen[f.name + "|" + f.size + "|" + f.lastModified] = true;
      });
      Array.prototype.forEach.call(photos.files, function (f) {
        var key = f.name + "|" + f.size + "|" + f.lastModified;
        if (!seen[key]) { chosen.items.add(f); seen[key] = true; }
      });
      photos.files = chosen.files;
    });
  }

  // --- Before sending: can the site be reached? ---------------------------------------
  var offline = document.getElementById("offline-notice");
  var retry = document.getElementById("offline-retry");
  var online = form.getAttribute("data-online");
  var lastSubmitter = null;
  var reachable = false;
  function send(submitter) {
    reachable = true;
    if (form.requestSubmit) form.requestSubmit(submitter || undefined);
    else form.submit();
  }
  function reach(submitter) {
    var controller = window.AbortController ? new AbortController() : null;
    var timeout = window.setTimeout(function () { if (controller) controller.abort(); }, 10000);
    fetch(online, { cache: "no-store", credentials: "same-origin", redirect: "manual",
                    signal: controller ? controller.signal : undefined })
      .then(function (response) {
        window.clearTimeout(timeout);
        if (response.status === 204 && response.headers.get("X-Report-Form") === "online") {
          if (offline) offline.hidden = true;
          send(submitter);
        } else {
          throw new Error("not the site");
        }
      })
      .catch(function () {
        window.clearTimeout(timeout);
        save();
        if (offline) {
          offline.hidden = false;
          if (retry) retry.focus();
        }
      });
  }
  if (online && window.fetch) {
    form.addEventListener("submit", function (event) {
      if (reachable) return; // the second time: the site answered, send for real
      event.preventDefault();
      lastSubmitter = event.submitter || null;
      reach(lastSubmitter);
    });
    if (retry) retry.addEventListener("click", function () { reach(lastSubmitter); });
    // Back to this page from the history (bfcache): ask again before the next sending.
    window.addEventListener("pageshow", function () { reachable = false; });
  }

  var summary = document.getElementById("error-summary");
  if (summary) summary.focus();
})();
