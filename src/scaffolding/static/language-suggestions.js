/* Gentle language-of-care suggestions under every free-text field as people type:
   text areas and one-line text inputs (a support action, a title, a name of an
   initiative), not search boxes in filter forms, codes or other kinds of input.
   Debounced; never blocks or delays saving; says nothing if the check cannot be
   reached. Opt a field in with data-language-check, out with data-language-check="off". */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !window.fetch || !window.URLSearchParams) return;
  var url = script.getAttribute("data-suggest-url");
  var csrf = script.getAttribute("data-csrf");
  var DELAY = 600;
  var counter = 0;

  function attach(field) {
    if (field.hasAttribute("data-language-attached")) return;
    if (field.getAttribute("data-language-check") === "off") return;
    field.setAttribute("data-language-attached", "");
    counter += 1;
    var region = document.createElement("div");
    region.className = "sc-language-hint";
    region.id = (field.id || "sc-text-" + counter) + "-language-hint";
    region.setAttribute("aria-live", "polite");
    field.insertAdjacentElement("afterend", region);

    var timer = null;
    var controller = null;
    var lastText = null;

    function show(html) {
      // A check with nothing to say answers with only whitespace: keep the box empty (hidden).
      region.innerHTML = html.trim();
    }

    function run() {
      var text = field.value;
      if (text === lastText) return;
      lastText = text;
      if (controller) controller.abort();
      if (!text.trim()) {
        show("");
        return;
      }
      controller = window.AbortController ? new AbortController() : null;
      var body = new URLSearchParams();
      body.append("text", text);
      fetch(url, {
        method: "POST",
        body: body,
        credentials: "same-origin",
        // A redirect means signed out or a second step is due: never show that page here.
        redirect: "error",
        headers: { "X-CSRFToken": csrf },
        signal: controller ? controller.signal : undefined,
      })
        .then(function (response) {
          if (!response.ok || !response.headers.get("X-Language-Suggestions")) {
            throw new Error("no suggestions");
          }
          return response.text();
        })
        .then(function (html) {
          // Only show what matches the words in the box now.
          if (field.value === text) show(html);
        })
        .catch(function () {
          /* Unreachable or refused: stay quiet; writing and saving go on as normal. */
        });
    }

    field.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(run, DELAY);
    });
    if (field.value.trim()) run();
  }

  var SELECTOR = "textarea, input[data-language-check], input[type=text], input:not([type])";

  function freeText(field) {
    if (field.hasAttribute("data-language-check")) return true;
    if (field.tagName === "TEXTAREA") return true;
    // A filter's search box, a one-time code or a number is not writing about anyone.
    var form = field.form;
    if (form && (form.getAttribute("method") || "get").toLowerCase() === "get") return false;
    var autocomplete = (field.getAttribute("autocomplete") || "").toLowerCase();
    if (autocomplete === "one-time-code") return false;
    var mode = (field.getAttribute("inputmode") || "").toLowerCase();
    return mode !== "numeric" && mode !== "decimal";
  }

  function consider(field) {
    if (freeText(field)) attach(field);
  }

  function scan(root) {
    if (root.matches && root.matches(SELECTOR)) consider(root);
    if (root.querySelectorAll) root.querySelectorAll(SELECTOR).forEach(consider);
  }

  scan(document);
  document.addEventListener("htmx:load", function (event) {
    scan(event.target);
  });
})();
