// "Is a child in danger right now?": with a script, the person chooses the country they are
// in and its numbers replace the ones shown (from the JSON block of the page; nothing is
// fetched). On the report form, the country chosen for the report is taken as theirs until
// they choose one here. Without a script, a link leads to every country's numbers.
(function () {
  "use strict";
  var dataEl = document.getElementById("emergency-data");
  var choice = document.getElementById("urgent-choice");
  var select = document.getElementById("urgent-where");
  var name = document.getElementById("urgent-country");
  var list = document.getElementById("urgent-list");
  if (!dataEl || !choice || !select || !name || !list) return;
  var data = JSON.parse(dataEl.textContent);
  choice.hidden = false;

  function show(code) {
    var entry = data[code];
    if (!entry) return;
    name.textContent = entry.name;
    list.textContent = "";
    entry.numbers.forEach(function (n) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = n.tel;
      a.textContent = n.display;
      li.appendChild(a);
      li.appendChild(document.createTextNode(" — " + n.label + (n.name ? " (" + n.name + ")" : "") + (n.note ? ". " + n.note : "")));
      list.appendChild(li);
    });
  }

  var chosenHere = false;
  select.addEventListener("change", function () {
    chosenHere = true;
    show(select.value);
  });

  var form = document.getElementById("report-form");
  if (!form) return;
  var country = form.querySelector('select[name="country"]');
  function follow() {
    if (chosenHere) return;
    var abroad = form.querySelector('input[name="location"][value="abroad"]');
    var belgium = form.querySelector('input[name="location"][value="belgium"]');
    var code = null;
    if (abroad && abroad.checked && country && country.value) code = country.value;
    else if (belgium && belgium.checked) code = "BE";
    if (code && data[code] && select.value !== code) {
      select.value = code;
      show(code);
    }
  }
  if (country) country.addEventListener("change", follow);
  form.querySelectorAll('input[name="location"]').forEach(function (r) {
    r.addEventListener("change", follow);
  });
})();
