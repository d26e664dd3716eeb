// "Exit this page": leaves at once for a neutral site, replacing this page in the history
// (Back does not come back here), after forgetting what this tab kept of the form. Pressing
// Shift three times in a row does the same (GOV.UK's pattern).
(function () {
  "use strict";
  var box = document.getElementById("exit-this-page");
  var button = document.getElementById("exit-this-page-button");
  if (!box || !button) return;
  var hint = document.getElementById("exit-this-page-hint");
  if (hint) hint.hidden = false;

  function leave() {
    try { window.sessionStorage.clear(); } catch (e) { /* storage off */ }
    // Nothing of the page stays on screen while the next one loads.
    document.body.classList.add("exiting");
    window.location.replace(button.href);
  }
  button.addEventListener("click", function (event) {
    event.preventDefault();
    leave();
  });

  var presses = 0;
  var timer = null;
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") {
      presses = 0;
      return;
    }
    presses += 1;
    window.clearTimeout(timer);
    timer = window.setTimeout(function () { presses = 0; }, 5000);
    if (presses >= 3) leave();
  });
})();
