// The tender list as SPSE 4 drives it: DataTables in server-side mode against /dt/lelang.
// Same parameters as DataTables sends (draw, start, length, search[value], order[0][...],
// columns[i][...]) plus SPSE's filters and the page's authenticity token.
(function () {
  "use strict";
  var table = document.getElementById("tbllelang");
  if (!table || !window.fetch) { return; }
  var byId = function (id) { return document.getElementById(id); };
  var state = { draw: 1, start: 0, length: parseInt(table.dataset.length, 10) || 10,
                column: 0, dir: "desc", total: 0 };
  var body = table.tBodies[0];
  var info = byId("tbllelang_info");
  var previous = byId("tbllelang_previous");
  var next = byId("tbllelang_next");
  var failure = byId("tbllelang_error");

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, name) { return String(values[name]); });
  }

  function cell(row, text) {
    var td = document.createElement("td");
    td.textContent = text;
    row.appendChild(td);
    return td;
  }

  function show(json) {
    if (json.draw !== state.draw) { return; }  // an answer to an older request
    failure.textContent = "";
    failure.removeAttribute("role");
    if (json.error) {
      failure.textContent = json.error;
      failure.className = "alert alert-danger";
      failure.setAttribute("role", "alert");
      return;
    }
    body.textContent = "";
    json.data.forEach(function (values) {
      var row = document.createElement("tr");
      cell(row, values[0]);
      var name = cell(row, "");
      var link = document.createElement("a");
      link.href = table.dataset.base + "/lelang/" + values[0] + "/pengumumanlelang";
      link.textContent = values[1];
      name.appendChild(link);
      cell(row, values[2]);
      cell(row, values[3]);
      cell(row, values[4]);
      body.appendChild(row);
    });
    if (!json.data.length) {
      var empty = document.createElement("tr");
      cell(empty, table.dataset.empty).colSpan = 5;
      body.appendChild(empty);
    }
    state.total = json.recordsFiltered;
    info.textContent = json.recordsFiltered ? fill(table.dataset.info, {
      first: state.start + 1, last: state.start + json.data.length, total: json.recordsFiltered
    }) : "";
    previous.disabled = state.start === 0;
    next.disabled = state.start + state.length >= json.recordsFiltered;
    table.dataset.draw = String(json.draw);  // lets a test wait for this answer
  }

  function load() {
    state.draw += 1;
    var form = new URLSearchParams();
    form.set("draw", state.draw);
    for (var i = 0; i < 5; i += 1) {
      form.set("columns[" + i + "][data]", i);
      form.set("columns[" + i + "][orderable]", i === 3 ? "false" : "true");
    }
    form.set("start", state.start);
    form.set("length", state.length);
    form.set("search[value]", byId("tbllelang_cari").value);
    form.set("search[regex]", "false");
    form.set("order[0][column]", state.column);
    form.set("order[0][dir]", state.dir);
    form.set("tahun", byId("tbllelang_tahun").value);
    form.set("kategoriId", byId("tbllelang_kategori").value);
    form.set("authenticityToken", window.d.authenticityToken);
    fetch(table.dataset.dtUrl, {
      method: "POST", body: form, credentials: "same-origin",
      headers: { "X-Requested-With": "XMLHttpRequest" }
    }).then(function (answer) { return answer.json(); }).then(show);
  }

  function restart() { state.start = 0; load(); }

  byId("tbllelang_cari").addEventListener("input", restart);
  byId("tbllelang_kategori").addEventListener("change", restart);
  byId("tbllelang_tahun").addEventListener("change", restart);
  previous.addEventListener("click", function () {
    state.start = Math.max(0, state.start - state.length); load();
  });
  next.addEventListener("click", function () { state.start += state.length; load(); });
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
    if (th.dataset.column === undefined) { return; }
    th.style.cursor = "pointer";
    th.addEventListener("click", function () {
      var column = parseInt(th.dataset.column, 10);
      state.dir = state.column === column && state.dir === "asc" ? "desc" : "asc";
      state.column = column;
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (other) {
        other.removeAttribute("aria-sort");
      });
      th.setAttribute("aria-sort", state.dir === "asc" ? "ascending" : "descending");
      restart();
    });
  });
  table.dataset.draw = "1";
}());
