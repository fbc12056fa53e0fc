/* Wide tables scroll sideways inside their region (keyboard: focus the region, then
   use the arrow keys). When a table is wider than the screen, say so above it and
   draw a shadow on the side that has more, so nobody mistakes it for the whole table. */
(function () {
  "use strict";
  function update(wrap) {
    var scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
    wrap.classList.toggle("sc-table-wrap--scrolls", scrolls);
    wrap.classList.toggle("sc-table-wrap--more-right", scrolls && wrap.scrollLeft + wrap.clientWidth < wrap.scrollWidth - 1);
    wrap.classList.toggle("sc-table-wrap--more-left", scrolls && wrap.scrollLeft > 0);
    var hint = wrap.previousElementSibling;
    var has = hint && hint.classList.contains("sc-scroll-hint");
    if (scrolls && !has) {
      hint = document.createElement("p");
      hint.className = "sc-scroll-hint ds_hint-text";
      hint.textContent = "This table is wider than the screen: scroll sideways to see every column.";
      wrap.insertAdjacentElement("beforebegin", hint);
    } else if (!scrolls && has) {
      hint.remove();
    }
  }
  function all() {
    document.querySelectorAll(".sc-table-wrap").forEach(update);
  }
  document.querySelectorAll(".sc-table-wrap").forEach(function (wrap) {
    wrap.addEventListener("scroll", function () { update(wrap); }, { passive: true });
  });
  window.addEventListener("resize", all);
  document.addEventListener("htmx:load", all);
  all();
})();
