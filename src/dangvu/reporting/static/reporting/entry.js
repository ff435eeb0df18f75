"use strict";
// the reason box of a computed cell shows once the value differs from what dangvu counted
document.querySelectorAll("input.reason").forEach(function (reason) {
  var cell = document.getElementById(reason.dataset.for);
  if (!cell) return;
  cell.addEventListener("input", function () {
    if (cell.value.trim() !== reason.dataset.auto) reason.classList.remove("quiet");
  });
});
