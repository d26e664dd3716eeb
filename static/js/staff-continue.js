// A step done in batches (granting access to sealed reports): the page of a batch sends the
// next one by itself; without scripts, its "Continue" button does.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.querySelector("form[data-continue]");
  if (form) form.requestSubmit();
});
