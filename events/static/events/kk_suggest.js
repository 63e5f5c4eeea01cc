// «Предложить перевод» beside each Kazakh field of the event form: asks the glossary
// (events/glossary.py) for the Kazakh form of the Russian field beside it and shows it;
// the field changes only when the librarian presses «Принять», and stays editable.
// A static file: the Content-Security-Policy forbids inline scripts.
(function () {
  "use strict";
  function offer(field) {
    var source = document.getElementById(field.dataset.suggestFrom);
    if (!source) {
      return;
    }
    var box = document.createElement("div");
    box.className = "kk-suggestion";
    var ask = document.createElement("button");
    ask.type = "button";
    ask.className = "button kk-suggest";
    ask.textContent = field.dataset.suggestLabel;
    var shown = document.createElement("div");
    shown.className = "kk-suggestion-text help";
    shown.hidden = true;
    var text = document.createElement("span");
    var accept = document.createElement("button");
    accept.type = "button";
    accept.className = "button kk-accept";
    accept.textContent = field.dataset.acceptLabel;
    shown.append(text, " ", accept);
    box.append(ask, shown);
    box.dataset.for = field.id;
    // Under the field's label and input, beside its Russian twin (events/kk_side_by_side.css).
    (field.closest(".fieldBox") || field).insertAdjacentElement("afterend", box);

    ask.addEventListener("click", function () {
      var url = field.dataset.suggestUrl + "?text=" + encodeURIComponent(source.value);
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) {
          return response.ok ? response.json() : null;
        })
        .then(function (answer) {
          shown.hidden = false;
          if (!answer || !answer.text) {
            text.textContent = field.dataset.noneLabel;
            accept.hidden = true;
            return;
          }
          var prefix = answer.complete ? "" : field.dataset.partialLabel + " ";
          text.textContent = prefix + answer.text;
          accept.hidden = false;
          accept.dataset.text = answer.text;
        });
    });
    accept.addEventListener("click", function () {
      field.value = accept.dataset.text;
      field.dispatchEvent(new Event("input", { bubbles: true }));
      field.focus();
      shown.hidden = true;
    });
  }
  // The admin loads a form's scripts in the page's head, before the form.
  function start() {
    document.querySelectorAll("[data-suggest-url]").forEach(offer);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
