/*
 * The search page's first layout, spared the browser's font lookups, its font matches in tasks of their
 * own (layouts/search.ts: a first script, after search-boot.js and before the stylesheets). Without
 * a CJK font every run of Chinese text laid out was a synchronous font-fallback lookup from the page's
 * main thread to the browser process, and every family of the stack at every size a synchronous match:
 * one first layout of 60–150 ms (docs/search.md, "The page's main thread"). Here:
 *
 * - Where no font draws 一, a last-resort face that draws the CJK blocks as the boxes the machine draws
 *   anyway ends the page's stack (search.css, without the CJK families, none of which is there): the
 *   layout asks for no fallback font and no missing family. With a CJK font nothing changes.
 * - While the stylesheets load, the weights and sizes the page uses are matched, one per task, by
 *   measuring a character on a canvas; the renderer keeps the answers for the layout.
 * - Nothing is held back from the first layout: it takes 6–9 ms of CPU with the page's fonts matched,
 *   and each frame more (the toolbar, the navigation, the footer shown one per frame, as sessions 17–41
 *   did) cost the page's main thread and the browser's raster and compositor threads more than it
 *   spared (docs/search.md, task44).
 * - A first visit (no remembered verdict) checks in three tasks while <html> is not displayed.
 */
import { lastResortFont, unicodeRange } from "./search-last-resort-font.js";

(function () {
  "use strict";
  var root = document.documentElement;

  // site.css `--font` (a test keeps them the same).
  var STACK =
    'system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", ' +
    '"Source Han Sans SC", "WenQuanYi Micro Hei", "Heiti SC", sans-serif';
  // Every CJK block (the radicals to the Unified Ideographs and their extensions, compatibility
  // ideographs and forms, the fullwidth forms) and the glyph each is drawn with: a box, or for the
  // ideographic space (U+3000) a blank 1 em wide, as the shaper makes it for a font without one.
  var BOX = 1, BLANK = 2;
  var CJK = [[0x2e80, 0x2fff, BOX], [0x3000, 0x3000, BLANK], [0x3001, 0x9fff, BOX], [0xf900, 0xfaff, BOX],
    [0xfe30, 0xfe4f, BOX], [0xff00, 0xffef, BOX], [0x20000, 0x323af, BOX]];
  var LAST_RESORT = "Gongkai Last Resort";
  // Whether a font here draws 一 (`check`), remembered (localStorage, which site.js opens anyway): a later
  // load knows it before its first layout without asking. With the check's version: a new check, a new name.
  var VERDICT = "gongkai-search-font-1";
  var remembered = "";
  try {
    remembered = localStorage.getItem(VERDICT) || "";
  } catch (e) { /* no storage (blocked, an opaque origin): checked on every load */ }
  var marked = false;
  if (remembered === "boxes") useLastResort();
  // The weights and sizes matched while the stylesheets load (a first visit's after its verdict: the stack
  // matched is the one it decides).
  if (remembered) inTasks(matchSizes());
  else checkFirst();

  // The remembered verdict checked again once the page is idle: after a search's results, else once
  // the body is parsed (checkAgain waits for idle time itself).
  var query = new URLSearchParams(location.search).get("q");
  var searching = Boolean(query && query.trim());
  document.addEventListener(searching ? "search-results" : "DOMContentLoaded", checkAgain, { once: true });

  // Without a CJK font, a last-resort face ends the stack (search.css, `search-last-resort`): what
  // the machine would draw anyway, found in the page's own stack instead of the browser's fallback.
  function useLastResort() {
    // Made from bytes, not fetched: loaded at once, before any layout. Every weight: bold text is not
    // emboldened (the machine's own boxes are not either).
    var options = { unicodeRange: unicodeRange(CJK), weight: "1 1000" };
    document.fonts.add(new FontFace(LAST_RESORT, lastResortFont(CJK), options));
    root.classList.add("search-last-resort");
    marked = true;
    // Without sans-serif (system-ui is there): every family is one more synchronous call to the browser
    // per size and weight (its "strike"), each up to 50 ms of waiting on a busy machine.
    STACK = 'system-ui, "' + LAST_RESORT + '"'; // search.css's (a test keeps them the same)
  }

  // A first visit checks before the first layout that shows text (laid out without the verdict, it made
  // dozens of fallback lookups in one task), in three tasks, not in this one (six synchronous calls to the
  // browser, 34–145 ms on a busy machine). Meanwhile <html> is not displayed, set here through the CSSOM:
  // no stylesheet to wait for (search.css's hold of the body, tried in the thirteenth round, was not yet
  // applied when a layout came). Nothing held in a hidden tab (checked in this task), nor past HOLD_MS.
  function checkFirst() {
    if (document.hidden) {
      check(settle, true);
      return inTasks(matchSizes());
    }
    var HOLD_MS = 1000;
    var style = root.style;
    style.setProperty("display", "none", "important");
    var release = function () {
      if (release.done) return;
      release.done = true;
      clearTimeout(failsafe);
      style.removeProperty("display");
    };
    var failsafe = setTimeout(release, HOLD_MS);
    check(function (boxes) {
      settle(boxes);
      release();
      inTasks(matchSizes());
    });
  }

  // A check's verdict, remembered and followed (a CJK font installed since: site.css's stack again).
  function settle(boxes) {
    var verdict = boxes ? "boxes" : "font";
    try {
      if (verdict !== remembered) localStorage.setItem(VERDICT, verdict);
    } catch (e) { /* not remembered: checked again next time */ }
    if (boxes && !marked) useLastResort();
    if (!boxes && marked) root.classList.remove("search-last-resort");
  }

  // A remembered verdict is checked again, when the page is idle after its search's results (or its
  // body is parsed, without a search): a CJK font installed since is used from then on. By the search
  // Worker (search-font-probe.js), whose thread then waits for the browser's font calls instead of
  // this one; here only without it (or when it cannot tell).
  function checkAgain() {
    if (!remembered || checkAgain.done) return;
    checkAgain.done = true;
    (window.requestIdleCallback || setTimeout)(function () {
      var worker = window.gongkaiSearch && window.gongkaiSearch.worker;
      if (!worker) return check(settle);
      var channel = new MessageChannel();
      channel.port1.onmessage = function (event) {
        channel.port1.close();
        if (typeof event.data === "boolean") settle(event.data);
        else check(settle);
      };
      worker.postMessage({ type: "font" }, [channel.port2]);
    });
  }

  // Every weight and size the page shows (form, headings, navigation, results, toolbar, footer).
  function matchSizes() {
    var canvas;
    try {
      canvas = new OffscreenCanvas(1, 1).getContext("2d");
    } catch (e) { return []; /* no OffscreenCanvas: the first layout matches the fonts itself */ }
    return ["16px", "bold 16px", "bold 28px", "bold 18px", "15px"].map(function (size) {
      return function () { canvas.font = size + " " + STACK; canvas.measureText("\u4e00a"); };
    });
  }

  // Each step in a task of its own, then `done`: messages to itself (none of a nested timer's 4 ms wait),
  // all queued at once (chained, every task queued meanwhile came between them).
  function inTasks(steps, done) {
    var channel = new MessageChannel();
    channel.port1.onmessage = function () {
      var step = steps.shift();
      if (step) return step();
      channel.port1.close();
      if (done) done();
    };
    for (var i = 0; i <= steps.length; i++) channel.port2.postMessage(0);
  }

  // Does a font here draw 一, a thin stroke? Without one it is the box of a character no font has (tall:
  // system-ui's .notdef, 0.9 em). At the page's own family and size, in three tasks of two synchronous
  // calls to the browser each (in one task the six took up to 86 ms on a busy machine): system-ui and
  // its size's settings; the standard family, tried before the fallback for what system-ui lacks; 一
  // (the fallback lookup). `now`: all in this task.
  function check(done, now) {
    var probe;
    try {
      probe = new OffscreenCanvas(1, 1).getContext("2d");
    } catch (e) { return done(false); /* cannot tell: the browser's fallback, as without this script */ }
    function height(font, text) {
      probe.font = font;
      var m = probe.measureText(text);
      return m.actualBoundingBoxAscent + m.actualBoundingBoxDescent;
    }
    var steps = [height.bind(null, "16px system-ui", "a"), height.bind(null, "16px serif", "a")];
    var verdict = function () { done(height("16px system-ui", "\u4e00") > 8); };
    if (now) verdict(); // the steps before it are only to split the calls over tasks (a hidden tab's first visit)
    else inTasks(steps, verdict);
  }
})();
