// Safe photo viewing on a report page. Photos arrive blurred by the server; choosing one
// fetches it in clear, one at a time; it is blurred again as soon as the pointer or the
// focus leaves it, or the tab is hidden. Without JavaScript, the link opens the photo on a
// page of its own. Also: while the page is visible, a beat every 30 seconds counts the
// person's time on reports (shown to them alone, on "My wellbeing").
(function () {
  "use strict";
  var shown = null;

  function blur(link) {
    if (!link) return;
    var img = link.querySelector("img");
    var label = link.querySelector(".photo-action");
    img.src = link.dataset.blurred;
    img.alt = img.dataset.altBlurred || img.alt;
    link.classList.remove("revealed");
    link.setAttribute("aria-pressed", "false");
    if (label.dataset.show) label.textContent = label.dataset.show;
    if (shown === link) shown = null;
  }

  function reveal(link) {
    if (shown && shown !== link) blur(shown);
    var img = link.querySelector("img");
    var label = link.querySelector(".photo-action");
    img.dataset.altBlurred = img.dataset.altBlurred || img.alt;
    label.dataset.show = label.dataset.show || label.textContent;
    img.src = link.dataset.clear;
    img.alt = img.dataset.altClear;
    label.textContent = label.dataset.hide;
    link.classList.add("revealed");
    link.setAttribute("aria-pressed", "true");
    shown = link;
  }

  document.querySelectorAll("a.photo-reveal").forEach(function (link) {
    link.setAttribute("role", "button");
    link.setAttribute("aria-pressed", "false");
    link.addEventListener("click", function (event) {
      event.preventDefault();
      if (link === shown) blur(link); else reveal(link);
    });
    link.addEventListener("keydown", function (event) {
      if (event.key === " ") { event.preventDefault(); link.click(); }
    });
    var item = link.closest("li") || link;
    item.addEventListener("mouseleave", function () { if (link === shown) blur(link); });
    item.addEventListener("focusout", function (event) {
      if (link === shown && !item.contains(event.relatedTarget)) blur(link);
    });
  });
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState !== "visible") blur(shown);
  });
  window.addEventListener("pagehide", function () { blur(shown); });

  var photos = document.querySelector("[data-beat]");
  var token = document.querySelector("[name=csrfmiddlewaretoken]");
  if (!photos || !token || !window.fetch) return;
  window.setInterval(function () {
    if (document.visibilityState !== "visible") return;
    fetch(photos.dataset.beat, {
      method: "POST", credentials: "same-origin",
      headers: { "X-CSRFToken": token.value },
    }).catch(function () {});
  }, 30000);
})();
