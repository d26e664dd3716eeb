// Enhances the report form; everything works without it.
// - shows the country only when "abroad" is chosen;
// - brings the links field forward for "online, or I do not know where";
// - shows how many characters are left in long text fields.
(function () {
  "use strict";
  var form = document.getElementById("report-form");
  if (!form) return;

  var country = form.querySelector(".field-country");
  var radios = form.querySelectorAll('input[name="location"]');
  function syncCountry() {
    var abroad = form.querySelector('input[name="location"][value="abroad"]');
    if (country && abroad) country.hidden = !abroad.checked;
  }
  radios.forEach(function (r) { r.addEventListener("change", syncCountry); });
  syncCountry();

  // "Online, or I do not know where": the links field comes forward, under the question.
  var links = form.querySelector(".field-links");
  var locationField = form.querySelector(".field-location");
  var linksHome = links && links.parentNode;
  function syncLinks() {
    if (!links || !locationField) return;
    var unknown = form.querySelector('input[name="location"][value="unknown"]');
    if (unknown && unknown.checked) {
      if (links.previousElementSibling !== locationField) locationField.after(links);
    } else if (links.parentNode !== linksHome) {
      linksHome.appendChild(links);
    }
  }
  radios.forEach(function (r) { r.addEventListener("change", syncLinks); });
  syncLinks();

  form.querySelectorAll("textarea[data-maxlength]").forEach(function (area) {
    var max = parseInt(area.getAttribute("data-maxlength"), 10);
    var out = document.createElement("p");
    out.className = "form-text";
    out.setAttribute("aria-live", "polite");
    var template = form.getAttribute("data-left") || "{n}";
    area.insertAdjacentElement("afterend", out);
    function update() {
      var left = max - area.value.length;
      out.textContent = template.replace("{n}", left);
      out.classList.toggle("text-danger", left < 0);
    }
    area.addEventListener("input", update);
    update();
  });

  var summary = document.getElementById("error-summary");
  if (summary) summary.focus();
})();
