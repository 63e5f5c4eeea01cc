// The work log's month grid (indicators/templates/indicators/month_grid.html).
// A static file, no inline script: the Content-Security-Policy forbids them.
// Typing moves like a spreadsheet (Tab, Enter, arrows); a block pasted from Excel
// fills cells from the focused one; totals and «part above its total» messages
// follow the typing; what is not saved stays in localStorage until it is, and is
// offered back when the page opens again. On a phone one day shows at a time and
// a day is saved when you move to the next. The page's texts come in its language
// through the form's data-msg-* attributes; the rules (parts ≤ total) and their
// messages are the model's own (indicators.grid.part_rules).
(function () {
  "use strict";
  var form = document.getElementById("month-grid");
  if (!form) {
    return;
  }
  form.classList.add("js-grid");
  var rules = JSON.parse(form.dataset.rules || "[]");
  var draftKey = form.dataset.draftKey;
  var rows = Array.prototype.slice.call(form.querySelectorAll("tbody tr[data-day]"));
  var phone = window.matchMedia("(max-width: 640px)");
  var submitting = false;
  var current = 0;

  function cellsOf(row) {
    return Array.prototype.slice.call(row.querySelectorAll("input[data-col]"));
  }
  function allCells() {
    return Array.prototype.slice.call(form.querySelectorAll("input[data-col]"));
  }
  function position(input) {
    var row = input.closest("tr");
    return [rows.indexOf(row), cellsOf(row).indexOf(input)];
  }
  function cellAt(r, c) {
    var row = rows[r];
    return row ? cellsOf(row)[c] || null : null;
  }
  function count(text) {
    var clean = (text || "").replace(/[\s\u00a0]/g, "");
    if (clean === "") {
      return 0;
    }
    return /^\d+$/.test(clean) ? parseInt(clean, 10) : NaN;
  }
  function format(text, values) {
    return text.replace(/\{(\w+)\}/g, function (all, name) {
      return name in values ? values[name] : all;
    });
  }

  // --- checks and totals, as you type -------------------------------------
  function checkRow(row) {
    var byField = {};
    cellsOf(row).forEach(function (input) {
      byField[input.dataset.field] = input;
    });
    var messages = {};
    Object.keys(byField).forEach(function (field) {
      if (field !== "note" && isNaN(count(byField[field].value))) {
        messages[field] = [form.dataset.msgNotCount];
      }
    });
    rules.forEach(function (rule) {
      var total = count(byField[rule.total].value);
      var parts = rule.parts.reduce(function (sum, field) {
        return sum + count(byField[field].value);
      }, 0);
      if (!isNaN(total) && !isNaN(parts) && parts > total) {
        (messages[rule.cell] = messages[rule.cell] || []).push(rule.message);
      }
    });
    Object.keys(byField).forEach(function (field) {
      var input = byField[field];
      var text = (messages[field] || []).join(" ");
      var box = input.parentNode.querySelector(".cell-msg");
      if (box && box.textContent !== text) {
        box.textContent = text;
      }
      if (text) {
        input.setAttribute("aria-invalid", "true");
      } else {
        input.removeAttribute("aria-invalid");
      }
    });
  }
  function updateTotals() {
    form.querySelectorAll("tfoot [data-total]").forEach(function (cell) {
      var field = cell.dataset.total;
      var sum = 0;
      form.querySelectorAll('tbody input[data-field="' + field + '"]').forEach(function (input) {
        var value = count(input.value);
        sum += isNaN(value) ? 0 : value;
      });
      cell.textContent = String(sum);
    });
  }

  // --- drafts ----------------------------------------------------------------
  function unsaved() {
    var cells = {};
    allCells().forEach(function (input) {
      if (input.value !== input.dataset.stored) {
        cells[input.name] = input.value;
      }
    });
    return cells;
  }
  function storeDraft() {
    var cells = unsaved();
    var names = Object.keys(cells);
    try {
      if (names.length) {
        localStorage.setItem(draftKey, JSON.stringify({ at: Date.now(), cells: cells }));
      } else {
        localStorage.removeItem(draftKey);
      }
    } catch (error) {
      // Storage full or forbidden: the beforeunload guard still asks.
    }
    var state = form.querySelector(".save-state");
    if (state) {
      state.textContent = names.length ? format(form.dataset.msgUnsaved, { count: names.length }) : "";
    }
  }
  function readDraft() {
    try {
      return JSON.parse(localStorage.getItem(draftKey) || "null");
    } catch (error) {
      return null;
    }
  }
  function offerDraft() {
    var draft = readDraft();
    if (!draft || !draft.cells) {
      return;
    }
    var differing = Object.keys(draft.cells).filter(function (name) {
      var input = form.elements.namedItem(name);
      return input && !input.readOnly && input.value !== draft.cells[name];
    });
    if (!differing.length) {
      // Saved since (or typed back as it was): nothing to offer.
      if (!Object.keys(unsaved()).length) {
        localStorage.removeItem(draftKey);
      }
      return;
    }
    var offer = form.querySelector(".draft-offer");
    var when = new Date(draft.at).toLocaleString(document.documentElement.lang || undefined);
    offer.querySelector(".draft-text").textContent = format(form.dataset.msgDraft, {
      count: differing.length,
      when: when,
    });
    offer.hidden = false;
    offer.querySelector('[data-draft="restore"]').addEventListener("click", function () {
      differing.forEach(function (name) {
        form.elements.namedItem(name).value = draft.cells[name];
      });
      rows.forEach(checkRow);
      updateTotals();
      storeDraft();
      offer.hidden = true;
      var first = form.elements.namedItem(differing[0]);
      showDay(rows.indexOf(first.closest("tr")));
      first.focus();
    });
    offer.querySelector('[data-draft="discard"]').addEventListener("click", function () {
      localStorage.removeItem(draftKey);
      offer.hidden = true;
    });
  }

  // --- moving through the cells ------------------------------------------------
  function focusCell(input) {
    showDay(rows.indexOf(input.closest("tr")));
    input.focus();
  }
  form.addEventListener("keydown", function (event) {
    var input = event.target;
    if (!input.matches || !input.matches("input[data-col]")) {
      return;
    }
    var at = position(input);
    var to = null;
    if (event.key === "Enter") {
      event.preventDefault(); // Enter moves down, as in a spreadsheet; «Сохранить» saves
      to = event.shiftKey ? [at[0] - 1, at[1]] : [at[0] + 1, at[1]];
    } else if (event.key === "ArrowDown") {
      to = [at[0] + 1, at[1]];
    } else if (event.key === "ArrowUp") {
      to = [at[0] - 1, at[1]];
    } else if (event.key === "ArrowLeft" && input.selectionStart === 0 && input.selectionEnd === 0) {
      to = [at[0], at[1] - 1];
    } else if (event.key === "ArrowRight" && input.selectionStart === input.value.length) {
      to = [at[0], at[1] + 1];
    }
    if (!to) {
      return;
    }
    var target = cellAt(to[0], to[1]);
    if (target) {
      event.preventDefault();
      focusCell(target);
    }
  });
  form.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches("input[data-col]")) {
      event.target.select();
    }
  });
  form.addEventListener("input", function (event) {
    var row = event.target.closest && event.target.closest("tr[data-day]");
    if (row) {
      checkRow(row);
      updateTotals();
      storeDraft();
    }
  });
  form.addEventListener("paste", function (event) {
    var input = event.target;
    if (!input.matches || !input.matches("input[data-col]")) {
      return;
    }
    var text = (event.clipboardData || window.clipboardData).getData("text");
    var block = text.replace(/\r/g, "").replace(/\n$/, "");
    if (block.indexOf("\t") < 0 && block.indexOf("\n") < 0) {
      return; // one value: the browser pastes it into the cell
    }
    event.preventDefault();
    var at = position(input);
    var touched = [];
    block.split("\n").forEach(function (line, i) {
      line.split("\t").forEach(function (value, j) {
        var target = cellAt(at[0] + i, at[1] + j);
        if (target && !target.readOnly) {
          target.value = value.trim();
          if (touched.indexOf(target.closest("tr")) < 0) {
            touched.push(target.closest("tr"));
          }
        }
      });
    });
    touched.forEach(checkRow);
    updateTotals();
    storeDraft();
  });

  // --- the phone's day at a time ----------------------------------------------
  var dayNow = form.querySelector(".day-now");
  var stepButtons = form.querySelectorAll("[data-day-step]");
  function showDay(index) {
    if (index < 0 || index >= rows.length) {
      return;
    }
    current = index;
    rows.forEach(function (row, i) {
      row.classList.toggle("current", i === index);
    });
    if (dayNow) {
      dayNow.textContent = rows[index].querySelector(".day-label").textContent;
    }
    stepButtons.forEach(function (button) {
      var step = parseInt(button.dataset.dayStep, 10);
      button.disabled = index + step < 0 || index + step >= rows.length;
    });
  }
  function firstEmptyDay() {
    for (var i = 0; i < rows.length; i += 1) {
      var empty = cellsOf(rows[i]).every(function (input) {
        return input.value === "";
      });
      if (empty) {
        return i;
      }
    }
    return rows.length - 1;
  }
  function showProblems(problems) {
    var list = [];
    problems.forEach(function (problem) {
      var input = problem.cell ? form.elements.namedItem(problem.cell) : null;
      if (input) {
        input.parentNode.querySelector(".cell-msg").textContent = problem.message;
        input.setAttribute("aria-invalid", "true");
      }
      list.push(problem.where + ": " + problem.message);
    });
    return list.join(" ");
  }
  function saveAsYouGo() {
    // Saving as you go on a phone: the whole month is posted, as «Сохранить» does.
    var state = form.querySelector(".save-state");
    if (!Object.keys(unsaved()).length || !state) {
      return;
    }
    state.textContent = form.dataset.msgSaving;
    fetch(window.location.href, {
      method: "POST",
      // urlencoded, as the form itself posts: the server reads it faster than multipart
      body: new URLSearchParams(new FormData(form)),
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    })
      .then(function (response) {
        return response.json();
      })
      .then(function (answer) {
        if (answer.saved) {
          allCells().forEach(function (input) {
            input.dataset.stored = input.value;
          });
          localStorage.removeItem(draftKey);
          state.textContent = answer.message;
        } else {
          state.textContent = form.dataset.msgRefused + " " + showProblems(answer.problems || []);
        }
      })
      .catch(function () {
        state.textContent = form.dataset.msgOffline;
      });
  }
  stepButtons.forEach(function (button) {
    button.addEventListener("click", function () {
      saveAsYouGo();
      showDay(current + parseInt(button.dataset.dayStep, 10));
      var first = cellsOf(rows[current])[0];
      if (first && !first.readOnly) {
        first.focus();
      }
    });
  });

  // --- leaving -------------------------------------------------------------------
  form.addEventListener("submit", function () {
    submitting = true;
  });
  window.addEventListener("beforeunload", function (event) {
    if (!submitting && Object.keys(unsaved()).length) {
      event.preventDefault();
      event.returnValue = "";
    }
  });

  // --- opening -----------------------------------------------------------------
  showDay(firstEmptyDay());
  updateTotals();
  offerDraft();
  if (Object.keys(unsaved()).length) {
    storeDraft(); // a refused save's posted cells are kept as a draft too
  }
  var mark = window.location.hash && document.getElementById(window.location.hash.slice(1));
  if (mark && mark.matches("input[data-col]")) {
    focusCell(mark);
  }
  phone.addEventListener("change", function () {
    showDay(current);
  });
})();
