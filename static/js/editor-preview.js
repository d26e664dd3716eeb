// The editors' desk: under each Markdown text box, a live preview of the text, rendered and
// sanitised by the server exactly as the public page renders it.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  // jQuery UI's tabs put a link inside each tab: once the tabs are built, the link becomes
  // plain text (the tab itself is the control), and the language is written in capitals.
  window.setTimeout(function () {
    document.querySelectorAll(".ui-tabs-nav a.ui-tabs-anchor").forEach(function (a) {
      a.removeAttribute("href");
      a.setAttribute("role", "presentation");
      a.removeAttribute("tabindex");
      a.textContent = a.textContent.toUpperCase();
    });
    var labelled = document.querySelector("textarea[data-switch-label]");
    document.querySelectorAll(".modeltranslation-switch").forEach(function (select) {
      if (labelled) select.setAttribute("aria-label", labelled.dataset.switchLabel);
    });
  }, 0);
  var token = document.querySelector("[name=csrfmiddlewaretoken]");
  if (!token || !window.fetch) return;
  var url = location.pathname.replace(/(\d+\/change|add)\/$/, "") + "preview-markdown/";
  document.querySelectorAll("textarea[name^=body_]").forEach(function (box) {
    var preview = document.createElement("div");
    preview.className = "markdown-preview";
    var heading = document.createElement("p");
    heading.className = "markdown-preview-title";
    heading.textContent = box.dataset.previewLabel || "Preview";
    var body = document.createElement("div");
    preview.appendChild(heading);
    preview.appendChild(body);
    box.insertAdjacentElement("afterend", preview);
    var timer = null;
    function refresh() {
      var data = new FormData();
      data.append("text", box.value);
      fetch(url, { method: "POST", body: data, credentials: "same-origin",
                   headers: { "X-CSRFToken": token.value } })
        .then(function (r) { return r.ok ? r.json() : null; })
        // The server sanitised it as it sanitises the public page.
        .then(function (json) { if (json) body.innerHTML = json.html; })
        .catch(function () {});
    }
    box.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(refresh, 400);
    });
    refresh();
  });
});
