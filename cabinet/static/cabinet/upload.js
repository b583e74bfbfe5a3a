/* The cabinet's files: several at once, dropped or chosen, each with its kind beside it, and a progress bar.
 * Without this script the form still works: a plain <input type=file multiple> and one kind for all the files. */
(function () {
  "use strict";
  var form = document.querySelector("[data-upload-form]");
  if (!form) return;
  var input = form.querySelector("[data-file-input]");
  var chosen = form.querySelector("[data-chosen]");
  var template = form.querySelector("[data-kind-template]");
  var defaultKind = form.querySelector("[data-default-kind]");
  var dropzone = form.querySelector("[data-dropzone]");
  var progress = form.querySelector("[data-progress]");
  var progressText = form.querySelector("[data-progress-text]");
  var kinds = {};  // file key -> chosen kind, kept while files are added or taken away

  function key(file) { return file.name + "|" + file.size + "|" + file.lastModified; }

  function humanSize(bytes) {
    if (bytes < 1024 * 1024) return Math.max(1, Math.round(bytes / 1024)) + " KB";
    return (bytes / 1024 / 1024).toFixed(1) + " MB";
  }

  function setFiles(files) {
    var transfer = new DataTransfer();
    files.forEach(function (file) { transfer.items.add(file); });
    input.files = transfer.files;
    render();
  }

  function render() {
    chosen.innerHTML = "";
    var files = Array.prototype.slice.call(input.files);
    if (defaultKind) defaultKind.hidden = true;
    files.forEach(function (file, index) {
      var item = document.createElement("li");
      var name = document.createElement("span");
      name.className = "cabinet-chosen__name";
      name.textContent = file.name + " (" + humanSize(file.size) + ")";
      var select = template.content.querySelector("select").cloneNode(true);
      select.name = "file_kind";
      select.id = "file-kind-" + index;
      select.setAttribute("aria-label", form.dataset.textKind + ": " + file.name);
      if (kinds[key(file)]) select.value = kinds[key(file)];
      select.addEventListener("change", function () { kinds[key(file)] = select.value; });
      var remove = document.createElement("button");
      remove.type = "button";
      remove.className = "button--ghost button--small";
      remove.textContent = form.dataset.textRemove;
      remove.addEventListener("click", function () {
        setFiles(Array.prototype.slice.call(input.files).filter(function (other) { return other !== file; }));
      });
      item.appendChild(name);
      item.appendChild(select);
      item.appendChild(remove);
      chosen.appendChild(item);
    });
  }

  input.addEventListener("change", render);
  render();  // with the script, each file gets its own kind: the one choice for all is not needed

  if (dropzone && window.DataTransfer) {
    ["dragenter", "dragover"].forEach(function (type) {
      dropzone.addEventListener(type, function (event) {
        event.preventDefault();
        dropzone.classList.add("is-over");
      });
    });
    ["dragleave", "drop"].forEach(function (type) {
      dropzone.addEventListener(type, function () { dropzone.classList.remove("is-over"); });
    });
    dropzone.addEventListener("drop", function (event) {
      event.preventDefault();
      var files = Array.prototype.slice.call(input.files);
      Array.prototype.forEach.call(event.dataTransfer.files, function (file) { files.push(file); });
      setFiles(files);
    });
  }

  form.addEventListener("submit", function (event) {
    if (!input.files.length || !window.XMLHttpRequest || !window.FormData) return;  // nothing to show progress of
    event.preventDefault();
    var data = new FormData(form);
    if (event.submitter && event.submitter.name) data.append(event.submitter.name, event.submitter.value);
    var request = new XMLHttpRequest();
    // getAttribute: the buttons are named "action", which hides the form.action property behind them.
    request.open("POST", form.getAttribute("action"));
    request.setRequestHeader("X-Cabinet-Upload", "1");
    progress.hidden = false;
    progressText.hidden = false;
    progressText.textContent = form.dataset.textSending;
    Array.prototype.forEach.call(form.querySelectorAll("button[type=submit]"), function (b) { b.disabled = true; });
    request.upload.addEventListener("progress", function (e) {
      if (e.lengthComputable) {
        progress.value = Math.round(100 * e.loaded / e.total);
        progressText.textContent = form.dataset.textSending + " " + progress.value + " %";
      }
    });
    request.addEventListener("load", function () {
      var type = request.getResponseHeader("Content-Type") || "";
      if (type.indexOf("application/json") === 0) {
        window.location.assign(JSON.parse(request.responseText).location);
        return;
      }
      // The form came back with what to correct: show it as the server wrote it.
      document.open();
      document.write(request.responseText);
      document.close();
    });
    request.addEventListener("error", function () {
      progressText.textContent = form.dataset.textFailed;
      Array.prototype.forEach.call(form.querySelectorAll("button[type=submit]"), function (b) { b.disabled = false; });
    });
    request.send(data);
  });
})();
