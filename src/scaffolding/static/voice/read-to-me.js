// "Read this to me": the browser's own speech reads the main part of the page aloud.
(function () {
  "use strict";
  if (!("speechSynthesis" in window)) { return; }
  document.querySelectorAll(".js-read-to-me").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      if (window.speechSynthesis.speaking) {
        window.speechSynthesis.cancel();
        button.textContent = "Read this to me";
        return;
      }
      var main = document.getElementById("main-content");
      var heading = main.querySelector("h1");
      var content = main.querySelector(".ds_layout__content");
      var text = (heading ? heading.innerText + ". " : "") + (content ? content.innerText : "");
      var utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = "en-GB";
      utterance.onend = function () { button.textContent = "Read this to me"; };
      button.textContent = "Stop reading";
      window.speechSynthesis.speak(utterance);
    });
  });
}());
