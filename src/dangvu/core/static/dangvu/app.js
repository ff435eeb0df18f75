// dangvu: a few lines of plain JavaScript; the pages work without it except for lazy expansion.
"use strict";

document.documentElement.classList.add("js");

// The phone menu: the navigation folds behind one button on narrow screens (app.css).
document.addEventListener("click", (event) => {
  const menu = event.target.closest("button.menu");
  if (menu) {
    const open = menu.getAttribute("aria-expanded") !== "true";
    menu.setAttribute("aria-expanded", String(open));
    menu.closest("header").classList.toggle("open", open);
    return;
  }
  if (event.target.closest("[data-print]")) window.print();
});

document.addEventListener("click", async (event) => {
  const button = event.target.closest("button.toggle[data-children-url]");
  if (!button) return;
  event.preventDefault();
  const item = button.closest("li");
  const open = button.getAttribute("aria-expanded") === "true";
  let list = item.querySelector(":scope > ul");
  if (open) {
    if (list) list.hidden = true;
    button.setAttribute("aria-expanded", "false");
    button.textContent = "+";
    return;
  }
  if (!list) {
    button.disabled = true;
    try {
      const response = await fetch(button.dataset.childrenUrl, {
        headers: { "X-Requested-With": "fetch" },
        credentials: "same-origin",
      });
      if (!response.ok) throw new Error(String(response.status));
      const holder = document.createElement("div");
      holder.innerHTML = await response.text();
      list = holder.querySelector("ul");
      if (list) item.appendChild(list);
    } catch (err) {
      button.title = "Không tải được đơn vị trực thuộc (" + err.message + ")";
      return;
    } finally {
      button.disabled = false;
    }
  }
  if (list) list.hidden = false;
  button.setAttribute("aria-expanded", "true");
  button.textContent = "−";
});

document.addEventListener("change", (event) => {
  const input = event.target.closest("[data-autosubmit]");
  if (input && input.form) input.form.submit();
});
