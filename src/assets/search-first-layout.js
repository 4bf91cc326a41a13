/*
 * The search page's first layout, spared the browser's font lookups and cut into several main-thread
 * tasks (layouts/search.ts: a first script, after search-boot.js and before the stylesheets). Without
 * a CJK font every run of Chinese text laid out was a synchronous font-fallback lookup from the page's
 * main thread to the browser process, and every family of the stack at every size a synchronous match:
 * one first layout of 60–150 ms (docs/search.md, "The page's main thread"). Here:
 *
 * - Where no font draws 一, a last-resort face that draws the CJK blocks as the boxes the machine draws
 *   anyway ends the page's stack (search.css, without the CJK families, none of which is there): the
 *   layout asks for no fallback font and no missing family. With a CJK font nothing changes.
 * - While the stylesheets load, the weights and sizes the page uses are matched, one per task, by
 *   measuring a character on a canvas; the renderer keeps the answers for the layout.
 * - What a reader looks at last (search.css: the toolbar, the navigation and breadcrumbs, the footer's
 *   two halves) is held back (`content-visibility: hidden`, classes on <html>) and shown one part per
 *   frame once the body is parsed. Without JavaScript nothing is held; in a hidden tab nothing is.
 */
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
  // A first visit checks in this task, before the first layout (which, laid out without the verdict,
  // made dozens of fallback lookups in one task: the check's steps in tasks of their own came too late).
  if (!remembered) check(settle, true);
  // The weights and sizes matched while the stylesheets load.
  inTasks(matchSizes());

  var query = new URLSearchParams(location.search).get("q");
  var searching = Boolean(query && query.trim());
  document.addEventListener("search-results", checkAgain, { once: true });
  var HELD = ["search-hold-1", "search-hold-2", "search-hold-3", "search-hold-4"];
  root.classList.add.apply(root.classList, HELD);

  function showAll() {
    root.classList.remove.apply(root.classList, HELD.splice(0));
    if (!searching) checkAgain();
  }
  // A class removed in a task after a frame is laid out in the next frame, alone.
  function showNextAfterFrame() {
    if (document.hidden) return showAll();
    requestAnimationFrame(function () {
      setTimeout(function () {
        var name = HELD.shift();
        if (!name) return searching || checkAgain();
        root.classList.remove(name);
        showNextAfterFrame();
      }, 0);
    });
  }
  document.addEventListener("DOMContentLoaded", showNextAfterFrame, { once: true });
  document.addEventListener("visibilitychange", showAll, { once: true });

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
  // held parts, without a search): a CJK font installed since is used from then on.
  function checkAgain() {
    if (!remembered || checkAgain.done) return;
    checkAgain.done = true;
    (window.requestIdleCallback || setTimeout)(function () { check(settle); });
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
    if (now) verdict(); // the steps before it are only to split the calls over tasks
    else inTasks(steps, verdict);
  }

  // A TrueType font of three glyphs (an empty .notdef, a box and a blank) whose cmap (format 13: many
  // code points to one glyph) maps each block of `blocks` to its glyph. The box is the one this kind
  // of machine draws for a character it has no font for (DejaVu Sans's, system-ui there): 0.6 em
  // wide, so the page is laid out and looks as before.
  function lastResortFont(blocks) {
    var EM = 2048, ADVANCE = 1229, ASCENT = 1901, DESCENT = 483, STROKE = 102;
    var LEFT = 102, BOTTOM = -362, RIGHT = 1126, TOP = 1444;
    var inset = [LEFT + STROKE, BOTTOM + STROKE, RIGHT - STROKE, TOP - STROKE];
    // Outer contour clockwise, inner counter-clockwise: a frame.
    var points = [LEFT, BOTTOM, LEFT, TOP, RIGHT, TOP, RIGHT, BOTTOM];
    points.push(inset[0], inset[1], inset[2], inset[1], inset[2], inset[3], inset[0], inset[3]);
    var deltas = points.map(function (v, i) { return v - (i > 1 ? points[i - 2] : 0); });
    var xs = deltas.filter(function (v, i) { return i % 2 === 0; });
    var ys = deltas.filter(function (v, i) { return i % 2 === 1; });
    var box = pack("H", 2, LEFT, BOTTOM, RIGHT, TOP, 3, 7, 0, "B", [1, 1, 1, 1, 1, 1, 1, 1], "H", xs, ys);
    var name = [1, "Gongkai Last Resort", 2, "Regular"];
    var nameText = "";
    var nameRecords = [];
    for (var n = 0; n < name.length; n += 2) {
      nameRecords.push(3, 1, 0x409, name[n], name[n + 1].length * 2, nameText.length * 2);
      nameText += name[n + 1];
    }
    var tables = {
      // Version 4: widths and class, 11 zeros (sub- and superscript, strikeout, family class), the
      // PANOSE bytes, Unicode ranges and vendor, selection (regular), first and last character,
      // typographic and Windows ascent and descent, code pages, x-height to maximum context.
      "OS/2": pack("H", 4, ADVANCE, 400, 5, 0, new Array(11).fill(0), "B", new Array(10).fill(0),
        "L", 0, 0, 0, 0, 0, "H", 0x40, Math.min(blocks[0][0], 0xffff), 0xffff,
        ASCENT, -DESCENT, 0, ASCENT, DESCENT, "L", 0, 0, "H", 0, 0, 0, 0, 0),
      // One subtable (Windows, full Unicode) of format 13: groups of first, last code point and glyph.
      cmap: pack("H", 0, 1, 3, 10, "L", 12, "H", 13, 0, "L", 16 + 12 * blocks.length, 0, blocks.length,
        blocks),
      glyf: box,
      head: pack("L", 0x10000, 0x10000, 0, 0x5f0f3cf5, "H", 9, EM, "L", 0, 0, 0, 0,
        "H", LEFT, BOTTOM, RIGHT, TOP, 0, 8, 2, 0, 0),
      hhea: pack("L", 0x10000, "H", ASCENT, -DESCENT, 0, EM, LEFT, ADVANCE - RIGHT, RIGHT,
        1, 0, 0, 0, 0, 0, 0, 0, 3),
      hmtx: pack("H", ADVANCE, 0, ADVANCE, LEFT, EM, 0),
      loca: pack("H", 0, 0, box.length / 2, box.length / 2),
      maxp: pack("L", 0x10000, "H", 3, 8, 2, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0),
      name: pack("H", 0, name.length / 2, 6 + nameRecords.length * 2, nameRecords,
        nameText.split("").map(function (c) { return c.charCodeAt(0); })),
      post: pack("L", 0x30000, 0, "H", -DESCENT / 4, STROKE, "L", 0, 0, 0, 0, 0),
    };
    var tags = Object.keys(tables).sort();
    var directory = [];
    var offset = 12 + 16 * tags.length;
    var search = 1;
    while (search * 2 <= tags.length) search *= 2;
    tags.forEach(function (tag) {
      var data = tables[tag];
      var words = new DataView(data.buffer);
      var sum = 0;
      for (var i = 0; i < data.length; i += 4) sum = (sum + words.getUint32(i)) >>> 0;
      var code = tag.split("").reduce(function (c, ch) { return c * 256 + ch.charCodeAt(0); }, 0);
      directory.push(code, sum, offset, data.size);
      offset += data.length;
    });
    var header = pack("L", 0x10000, "H", tags.length, search * 16, Math.log2(search),
      tags.length * 16 - search * 16, "L", directory);
    var font = new Uint8Array(offset);
    font.set(header);
    offset = header.length;
    tags.forEach(function (tag) {
      font.set(tables[tag], offset);
      offset += tables[tag].length;
    });
    return font.buffer;
  }

  // Big-endian fields, each as wide as the last type named: "B" 8 bits, "H" 16, "L" 32; arrays are
  // flattened. Padded with zeros to four bytes, a font table's alignment; `size` is the unpadded one.
  function pack() {
    var WIDTH = { B: 1, H: 2, L: 4 };
    var fields = [];
    var type = "H";
    (function walk(values) {
      for (var i = 0; i < values.length; i++) {
        if (Array.isArray(values[i])) walk(values[i]);
        else if (typeof values[i] === "string") type = values[i];
        else fields.push(type, values[i]);
      }
    })(arguments);
    var size = 0;
    for (var i = 0; i < fields.length; i += 2) size += WIDTH[fields[i]];
    var view = new DataView(new ArrayBuffer((size + 3) & ~3));
    for (var at = 0, j = 0; j < fields.length; at += WIDTH[fields[j]], j += 2) {
      if (fields[j] === "B") view.setUint8(at, fields[j + 1]);
      else if (fields[j] === "H") view.setUint16(at, fields[j + 1]);
      else view.setUint32(at, fields[j + 1]);
    }
    var bytes = new Uint8Array(view.buffer);
    bytes.size = size;
    return bytes;
  }

  function unicodeRange(blocks) {
    return blocks.map(function (b) { return "U+" + b[0].toString(16) + "-" + b[1].toString(16); }).join(", ");
  }
})();
