// Trainer mode (spse-sim replay): a caption bar and a highlight of the element being acted on,
// drawn over every desk page. It lives in a closed shadow root, is hidden from the
// accessibility tree and lets every click through, so the pages and the scripted user find
// exactly what they would find without it. The runner sets the caption with
// window.__spseSimCaption.show(caption); a page loaded later asks for the current one.
(function () {
  "use strict";
  if (window.__spseSimCaption) { return; }
  var STORE = "__spseSimKeterangan";
  var HOLD_MS = 2500;

  var host = document.createElement("spse-sim-keterangan");
  host.setAttribute("aria-hidden", "true");
  host.style.cssText = "all: initial; position: fixed; left: 0; top: 0; width: 0; height: 0;" +
    " z-index: 2147483647; pointer-events: none;";
  var root = host.attachShadow({ mode: "closed" });
  var style = document.createElement("style");
  style.textContent = [
    ".bar { position: fixed; left: 0; right: 0; bottom: 0; box-sizing: border-box;",
    "  padding: 10px 22px 14px; color: #fff; background: rgb(11, 61, 145);",
    "  border-top: 6px solid #ffd54f; box-shadow: 0 -3px 14px rgba(0, 0, 0, .35);",
    "  font: 18px/1.3 system-ui, 'Segoe UI', Arial, sans-serif; pointer-events: none; }",
    ".bar.masalah { background: rgb(176, 0, 32); }",
    ".bar.gagal { background: rgb(106, 27, 154); }",
    ".bar.selesai { background: rgb(27, 94, 32); }",
    ".kepala { display: flex; justify-content: space-between; gap: 16px; font-size: 15px;",
    "  font-weight: 600; opacity: .92; }",
    ".teks { font-size: 21px; font-weight: 700; margin-top: 4px; }",
    ".judul { margin-top: 8px; color: #ffd54f; font-size: 15px; font-weight: 800;",
    "  letter-spacing: .04em; text-transform: uppercase; }",
    ".masalah-teks { font-size: 19px; font-weight: 600; }",
    "ol { margin: 2px 0 0 1.4em; padding: 0; font-size: 16px; }",
    ".jeda { display: inline-block; margin-top: 8px; padding: 2px 12px; border-radius: 12px;",
    "  background: #ffd54f; color: #000; font-weight: 700; }",
    ".sorot { position: fixed; box-sizing: border-box; border: 4px solid #ff9800;",
    "  border-radius: 6px; box-shadow: 0 0 0 4px rgba(255, 152, 0, .35),",
    "  0 0 18px rgba(255, 152, 0, .85); pointer-events: none; }",
    "[hidden] { display: none !important; }"
  ].join("\n");
  var bar = document.createElement("div");
  bar.className = "bar";
  bar.hidden = true;
  var mark = document.createElement("div");
  mark.className = "sorot";
  mark.hidden = true;
  root.appendChild(style);
  root.appendChild(mark);  // under the bar: an element behind the caption is not marked on it
  root.appendChild(bar);

  function add(parent, tag, cls, text) {
    var el = document.createElement(tag);
    if (cls) { el.className = cls; }
    if (text) { el.textContent = text; }
    parent.appendChild(el);
    return el;
  }

  // Room below the page for the bar, and scroll padding so that elements scrolled into view
  // (Playwright does that before acting) end up above the bar, not behind it.
  function leaveRoom() {
    var room = bar.hidden ? "" : (bar.offsetHeight + 16) + "px";
    if (document.documentElement) { document.documentElement.style.scrollPaddingBottom = room; }
    if (document.body) { document.body.style.marginBottom = room; }
  }

  function show(c) {
    bar.textContent = "";
    if (!c) { bar.hidden = true; leaveRoom(); return; }
    bar.className = "bar " + (c.kind || "langkah");
    var head = add(bar, "div", "kepala");
    add(head, "span", "", c.heading || "");
    add(head, "span", "", c.counter || "");
    add(bar, "div", "teks", c.text || "");
    if (c.problem) {
      add(bar, "div", "judul", c.problem_title || "");
      add(bar, "div", "masalah-teks", c.problem);
    }
    if (c.advice && c.advice.length) {
      add(bar, "div", "judul", c.advice_title || "");
      var list = add(bar, "ol");
      c.advice.forEach(function (line) { add(list, "li", "", line); });
    }
    if (c.paused) { add(bar, "div", "jeda", c.paused); }
    bar.hidden = false;
    try { window.sessionStorage.setItem(STORE, JSON.stringify(c)); } catch (e) { /* opaque origin */ }
    leaveRoom();
    if (c.problem) { revealMessage(); }
  }

  // At a problem, the page's own error message scrolls up above the (taller) bar.
  function revealMessage() {
    var shown = [].slice.call(document.querySelectorAll("[role=alert]")).filter(function (el) {
      return el.getClientRects().length > 0;
    });
    if (shown.length) { shown[0].scrollIntoView({ block: "end", behavior: "instant" }); }
  }

  var timer = 0;
  function highlight(target) {
    if (!(target instanceof Element) || target === host ||
        target === document.documentElement || target === document.body) { return; }
    var r = target.getBoundingClientRect();
    if (r.width * r.height === 0) { return; }
    mark.style.left = (r.left - 6) + "px";
    mark.style.top = (r.top - 6) + "px";
    mark.style.width = (r.width + 12) + "px";
    mark.style.height = (r.height + 12) + "px";
    mark.hidden = false;
    window.clearTimeout(timer);
    timer = window.setTimeout(function () { mark.hidden = true; }, HOLD_MS);
  }
  ["pointerdown", "focusin", "change"].forEach(function (type) {
    window.addEventListener(type, function (event) {
      var path = event.composedPath ? event.composedPath() : [];
      highlight(path.length ? path[0] : event.target);
    }, true);
  });

  function mount() {
    if (!document.documentElement) { return false; }
    document.documentElement.appendChild(host);
    return true;
  }
  function restore() {
    var saved = null;
    try { saved = window.sessionStorage.getItem(STORE); } catch (e) { /* opaque origin */ }
    if (saved) { show(JSON.parse(saved)); }
    if (typeof window.__spseSimCaptionNow === "function") {
      window.__spseSimCaptionNow().then(function (c) { if (c) { show(c); } }, function () {});
    }
  }
  Object.defineProperty(window, "__spseSimCaption", { value: { show: show }, enumerable: false });
  if (!mount()) {
    document.addEventListener("readystatechange", function once() {
      if (mount()) { document.removeEventListener("readystatechange", once); }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { restore(); leaveRoom(); });
  } else {
    restore();
  }
})();
