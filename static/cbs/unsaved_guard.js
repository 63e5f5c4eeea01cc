// The admin's change forms ask before leaving with unsaved changes (a static file:
// the Content-Security-Policy forbids inline scripts). The form's fields are
// compared with what they were when the page opened; saving leaves without asking.
(function () {
  "use strict";
  var form = document.querySelector("#content-main form[id$='_form']");
  if (!form || !window.FormData || !window.URLSearchParams) {
    return;
  }
  function state() {
    var fields = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      fields.append(name, typeof value === "string" ? value : value.name);
    });
    return fields.toString();
  }
  var opened = state();
  var leaving = false;
  form.addEventListener("submit", function () {
    leaving = true;
  });
  window.addEventListener("beforeunload", function (event) {
    if (!leaving && state() !== opened) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
})();
