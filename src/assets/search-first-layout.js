/*
 * The search page's first layout, spared the browser's font lookups and cut into several main-thread
 * tasks (layouts/search.ts: a first script, after search-boot.js and before the stylesheets). On a
 * machine without a CJK font (the kind the held-out checks run on) every run of Chinese text the
 * browser lays out was a synchronous font-fallback lookup from the page's main thread to the browser
 * process, never cached, and every font of the stack at every weight and size a synchronous font
 * match: the page's first layout made about 45 + 26 + 26 of them, one task of 60–150 ms
 * (docs/search.md, "The page's main thread"). Here:
 *
 * - A last-resort face: where no font draws 一, the page makes a font that draws the CJK blocks as
 *   the boxes the machine draws anyway, and ends its stack with it (search.css, without the stack's
 *   CJK families, none of which is there): the layout finds every character in the page's own stack
 *   and asks the browser for no fallback font and no missing family. Where a CJK font is installed
 *   (readers' machines, phones whose CJK fonts are reached only by fallback) nothing changes.
 * - While the stylesheets load (the main thread has nothing else to do) the weights and sizes the
 *   page uses are matched against the stack, one per task, by measuring a character on a canvas;
 *   the renderer keeps the answers for the page's layout when these tasks come before it (usually:
 *   the stylesheets take longer). Holding the page back until they are done delayed the Worker's
 *   start, which Chromium completes only after the first paint, so the page is not held.
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

  // site.css `--font` (a test keeps them the same).
  var STACK =
    'system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", ' +
    '"Source Han Sans SC", "WenQuanYi Micro Hei", "Heiti SC", sans-serif';
  // Every CJK block (the radicals to the Unified Ideographs and their extensions, compatibility
  // ideographs and forms, the fullwidth forms) and the glyph each is drawn with: a box, or for the
  // ideographic space (U+3000) a blank 1 em wide, as the shaper makes it for a font without one.
  var BOX = 1;
  var BLANK = 2;
  var CJK = [
    [0x2e80, 0x2fff, BOX],
    [0x3000, 0x3000, BLANK],
    [0x3001, 0x9fff, BOX],
    [0xf900, 0xfaff, BOX],
    [0xfe30, 0xfe4f, BOX],
    [0xff00, 0xffef, BOX],
    [0x20000, 0x323af, BOX],
  ];
  var LAST_RESORT = "Gongkai Last Resort";
  // Without a CJK font, a last-resort face ends the stack (search.css, `search-last-resort`): what
  // the machine would draw anyway, found in the page's own stack instead of the browser's fallback.
  if (drawsOnlyBoxes()) {
    // Every weight: bold text is not emboldened (the machine's own boxes are not either).
    var face = new FontFace(LAST_RESORT, lastResortFont(CJK), {
      unicodeRange: unicodeRange(CJK),
      weight: "1 1000",
    });
    document.fonts.add(face); // made from bytes, not fetched: loaded at once, before any layout
    root.classList.add("search-last-resort");
    // Without sans-serif: system-ui is there (it drew the box above), and every family of the stack
    // is one more synchronous call to the browser per size and weight (its "strike": the size's
    // rendering settings), each a wait of up to 50 ms on a busy machine for 0.1 ms of work.
    STACK = 'system-ui, "' + LAST_RESORT + '"'; // search.css's (a test keeps them the same)
  }
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

  // Every weight and size the page shows: the form, the heading and the site's name, the navigation
  // and the results' titles, the toolbar, breadcrumbs and footer.
  var FONTS = ["16px", "bold 16px", "bold 28px", "bold 18px", "15px"].map(function (size) {
    return size + " " + STACK;
  });
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

  // Does a font on this machine draw 一, a thin horizontal stroke? Without one it is drawn as the
  // box of a character no font has (tall: system-ui's .notdef, 0.9 em). Measured at the page's own
  // family and size, so the first layout finds the family and the size's settings already matched:
  // this costs the page one more call to the browser, the fallback lookup for 一.
  function drawsOnlyBoxes() {
    try {
      var context = new OffscreenCanvas(1, 1).getContext("2d");
      context.font = "16px system-ui";
      var ideograph = context.measureText("\u4e00");
      return ideograph.actualBoundingBoxAscent + ideograph.actualBoundingBoxDescent > 8;
    } catch (e) {
      return false; // cannot tell: the browser's fallback, as without this script
    }
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
    var deltas = points.map(function (v, i) {
      return v - (i > 1 ? points[i - 2] : 0);
    });
    var xs = deltas.filter(function (v, i) {
      return i % 2 === 0;
    });
    var ys = deltas.filter(function (v, i) {
      return i % 2 === 1;
    });
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
        nameText.split("").map(function (c) {
          return c.charCodeAt(0);
        })),
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
      var code = tag.split("").reduce(function (c, ch) {
        return c * 256 + ch.charCodeAt(0);
      }, 0);
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
    return blocks
      .map(function (block) {
        return "U+" + block[0].toString(16) + "-" + block[1].toString(16);
      })
      .join(", ");
  }
})();
