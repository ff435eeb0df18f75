// dangvu: the unit picker of the task form. Plain JavaScript served by dangvu (no CDN).
// Without it the form still works: the checkboxes of the nearest levels are all there.
"use strict";

(function () {
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase().replace(/\s+/g, " ").trim();
  }

  function setup(picker) {
    const filter = picker.querySelector(".unit-filter");
    const list = picker.querySelector(".unit-options");
    const status = picker.querySelector(".unit-status");
    const name = picker.dataset.name;
    const url = picker.dataset.searchUrl;
    const field = picker.closest(".field");
    const rule = picker.closest("form").querySelector('select[name="unit_rule"]');
    let timer = null;
    let asked = "";

    filter.hidden = false;

    function boxes() {
      return Array.from(list.querySelectorAll('input[type="checkbox"]'));
    }

    function report(extra) {
      const chosen = boxes().filter((b) => b.checked).length;
      status.textContent = "Đã chọn " + chosen + " đơn vị." + (extra ? " " + extra : "");
    }

    function apply() {
      const words = fold(filter.value).split(" ").filter(Boolean);
      let shown = 0;
      for (const item of list.querySelectorAll("li")) {
        const box = item.querySelector("input");
        if (!box) continue;
        const hit = box.checked || words.every((w) => fold(item.textContent).includes(w));
        item.hidden = !hit;
        shown += hit ? 1 : 0;
      }
      report(words.length ? "Khớp " + shown + " đơn vị." : "");
    }

    async function search() {
      const query = filter.value.trim();
      if (fold(query).length < 2 || query === asked) return;
      asked = query;
      try {
        const response = await fetch(url + "?q=" + encodeURIComponent(query), {
          headers: { "X-Requested-With": "fetch" },
          credentials: "same-origin",
        });
        if (!response.ok) throw new Error(String(response.status));
        const data = await response.json();
        if (filter.value.trim() !== query) return;
        const present = new Set(boxes().map((b) => b.value));
        for (const unit of data.units) {
          if (present.has(String(unit.pk))) continue;
          const item = document.createElement("li");
          item.className = "found";
          const label = document.createElement("label");
          const box = document.createElement("input");
          box.type = "checkbox";
          box.name = name;
          box.value = String(unit.pk);
          label.append(box, " " + unit.label + (unit.context ? " — " + unit.context : ""));
          item.append(label);
          list.prepend(item);
        }
        apply();
      } catch (err) {
        report("Không tìm được đơn vị (" + err.message + ").");
      }
    }

    function showForRule() {
      if (rule && field) field.style.display = rule.value === "listed" ? "" : "none";
    }

    filter.addEventListener("input", () => {
      apply();
      clearTimeout(timer);
      timer = setTimeout(search, 250);
    });
    filter.addEventListener("keydown", (event) => {
      if (event.key === "Enter") event.preventDefault(); // do not submit the task form
    });
    list.addEventListener("change", () => report(""));
    if (rule) rule.addEventListener("change", showForRule);
    showForRule();
    report("");
  }

  document.querySelectorAll("[data-unit-picker]").forEach(setup);
})();
