// The receipt: copy the code, print the receipt. Without a script the code can be selected
// and copied by hand, and "Save as a text file" is a plain link.
(function () {
  "use strict";
  var code = document.getElementById("follow-up-code");
  var copy = document.getElementById("copy-code");
  var print = document.getElementById("print-receipt");
  var status = document.getElementById("copy-status");
  // The report is sent: what the form kept in this tab, in case the sending failed, goes.
  try { window.sessionStorage.removeItem("report-form"); } catch (e) { /* storage off */ }
  if (!code) return;

  function say(text) {
    if (status) status.textContent = text;
    copy.textContent = text;
  }
  function selectCode() {
    var range = document.createRange();
    range.selectNodeContents(code);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }
  if (copy) {
    var label = copy.textContent;
    copy.hidden = false;
    copy.addEventListener("click", function () {
      var text = code.textContent.trim();
      var done = function () { say(copy.getAttribute("data-copied")); };
      var failed = function () {
        selectCode();
        var ok = false;
        try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
        say(copy.getAttribute(ok ? "data-copied" : "data-failed"));
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, failed);
      } else {
        failed();
      }
      window.setTimeout(function () { copy.textContent = label; }, 6000);
    });
  }
  if (print) {
    print.hidden = false;
    print.addEventListener("click", function () { window.print(); });
  }
})();
