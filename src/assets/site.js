/*
 * Gongkai public script: the 适老化 switches (large font, high contrast) and the print button.
 * Loaded from <head> without `defer` on purpose: the saved mode is put on <html> before the body
 * is parsed, so a returning reader never sees the page flash from normal to large/high-contrast.
 * It is one small same-origin file, so blocking costs no more than the stylesheet already does.
 * Everything that needs the body waits for DOMContentLoaded. Without JavaScript the buttons stay
 * hidden and the help at /sitemap/#accessibility explains browser zoom and system contrast.
 */
(function () {
  "use strict";
  var root = document.documentElement;
  var MODES = ["large-font", "high-contrast"];
  var KEY = "gongkai:";

  function saved(mode) {
    try {
      return window.localStorage.getItem(KEY + mode) === "on";
    } catch (e) {
      return false; // storage blocked (private mode, policy): the switch still works for this page
    }
  }

  function remember(mode, on) {
    try {
      if (on) window.localStorage.setItem(KEY + mode, "on");
      else window.localStorage.removeItem(KEY + mode);
    } catch (e) {
      /* not remembered, nothing else to do */
    }
  }

  MODES.forEach(function (mode) {
    if (saved(mode)) root.classList.add(mode);
  });

  function setUp() {
    document.querySelectorAll("button[data-mode]").forEach(function (button) {
      var mode = button.getAttribute("data-mode");
      if (MODES.indexOf(mode) < 0) return;
      button.setAttribute("aria-pressed", String(root.classList.contains(mode)));
      button.hidden = false;
      button.addEventListener("click", function () {
        var on = !root.classList.contains(mode);
        root.classList.toggle(mode, on);
        remember(mode, on);
        document.querySelectorAll('button[data-mode="' + mode + '"]').forEach(function (b) {
          b.setAttribute("aria-pressed", String(on));
        });
      });
    });
    document.querySelectorAll("button[data-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        window.print();
      });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
