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
      if (list) {
        item.appendChild(list);
        loadCounts(list);
      }
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

// The organization tree's member counts: each list of units names the JSON that counts
// them (members:member_counts); the tree shows without them when it cannot be read.
const numberFormat = new Intl.NumberFormat("vi-VN");

async function loadCounts(list) {
  const url = list.dataset.countsUrl;
  if (!url) return;
  try {
    const response = await fetch(url, { credentials: "same-origin" });
    if (!response.ok) return;
    const { counts } = await response.json();
    for (const span of list.querySelectorAll(":scope > li > [data-count-of]")) {
      const n = counts[span.dataset.countOf];
      if (n !== undefined) span.textContent = numberFormat.format(n) + " đảng viên";
    }
  } catch (err) {
    // the figures are a help, not the page: leave them out
  }
}

document.querySelectorAll("ul[data-counts-url]").forEach(loadCounts);
