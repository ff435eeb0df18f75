// The member import: the upload with its progress (the file is then checked whole on the
// server), and the writing of a checked batch chunk by chunk, each chunk one request, the
// bar showing the rows written. Without JavaScript the forms post as usual.
(function () {
  "use strict";
  var number = new Intl.NumberFormat("vi-VN");

  function upload(form) {
    var box = form.querySelector("[data-upload-progress]");
    var bar = box.querySelector("progress");
    var label = box.querySelector("[data-upload-label]");
    form.addEventListener("submit", function (event) {
      var file = form.querySelector("input[type=file]");
      if (!file || !file.files.length) return; // the server names the missing file
      event.preventDefault();
      var xhr = new XMLHttpRequest();
      xhr.open("POST", window.location.href);
      xhr.setRequestHeader("Accept", "application/json");
      box.hidden = false;
      form.querySelector("button[type=submit]").disabled = true;
      xhr.upload.addEventListener("progress", function (e) {
        if (!e.lengthComputable) return;
        bar.max = e.total;
        bar.value = e.loaded;
        label.textContent = "Đang tải lên: " + Math.round((100 * e.loaded) / e.total) + "%";
      });
      xhr.upload.addEventListener("load", function () {
        bar.removeAttribute("value"); // indeterminate while the server checks every row
        label.textContent = "Đã tải lên; đang kiểm tra từng dòng của tệp…";
      });
      xhr.addEventListener("load", function () {
        var reply = null;
        try { reply = JSON.parse(xhr.responseText); } catch (e) { reply = null; }
        if (reply && reply.url) { window.location.assign(reply.url); return; }
        form.submit(); // let the server show its page (a form error)
      });
      xhr.addEventListener("error", function () {
        label.textContent = "Mất kết nối khi tải lên: hãy thử lại.";
        form.querySelector("button[type=submit]").disabled = false;
      });
      xhr.send(new FormData(form));
    });
  }

  function write(form) {
    var box = document.querySelector("[data-write-progress]");
    var bar = box.querySelector("progress");
    var label = box.querySelector("[data-write-label]");
    var total = parseInt(form.dataset.total, 10);
    var body = new FormData(form);

    function show(done) {
      bar.max = total;
      bar.value = done;
      label.textContent = "Đã xử lý " + number.format(done) + "/" + number.format(total) + " dòng";
    }

    function step() {
      fetch(form.action, {
        method: "POST",
        body: body,
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      })
        .then(function (r) { return r.json(); })
        .then(function (reply) {
          if (reply.error) {
            label.textContent = reply.error;
            form.hidden = false;
            return;
          }
          show(reply.done);
          if (reply.state === "dang_ghi") step();
          else window.location.reload();
        })
        .catch(function () {
          label.textContent = "Mất kết nối khi ghi: tải lại trang để tiếp tục từ chỗ đã dừng.";
        });
    }

    function start(event) {
      if (event) {
        event.preventDefault();
        if (!form.reportValidity()) return;
        body = new FormData(form);
      }
      form.hidden = true;
      box.hidden = false;
      show(parseInt(bar.getAttribute("value") || "0", 10));
      step();
    }

    form.addEventListener("submit", start);
    if (form.hasAttribute("data-resume")) start(null);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-import-upload]").forEach(upload);
    document.querySelectorAll("[data-import-write]").forEach(write);
  });
})();
