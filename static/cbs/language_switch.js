// The language switch submits itself on change (no inline handler: the
// Content-Security-Policy forbids them).
document.querySelectorAll("select[data-submit-on-change]").forEach(function (select) {
  select.addEventListener("change", function () {
    select.form.submit();
  });
});
