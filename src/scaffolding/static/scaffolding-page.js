// Runs on every page (a file, not inline, so the Content-Security-Policy can forbid inline scripts).
import DS from "./vendor/design-system/scripts/design-system.js";

document.body.classList.add("js-enabled");
DS.initAll();

// Screen reader users hear the problems first: move focus to the error summary.
const errorSummary = document.getElementById("error-summary");
if (errorSummary) {
  errorSummary.focus();
}

// Buttons that print the page (for example the Promise report).
for (const button of document.querySelectorAll(".js-print")) {
  button.addEventListener("click", () => window.print());
}
