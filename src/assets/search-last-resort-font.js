/*
 * The search page's last-resort face (search-first-layout.js uses it where no font draws 一): a TrueType
 * font made from bytes in the head script, so it is loaded at once, before any layout.
 */
"use strict";

// A TrueType font of three glyphs (an empty .notdef, a box and a blank) whose cmap (format 13: many
// code points to one glyph) maps each block of `blocks` to its glyph. The box is the one this kind
// of machine draws for a character it has no font for (DejaVu Sans's, system-ui there): 0.6 em
// wide, so the page is laid out and looks as before.
export function lastResortFont(blocks) {
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

export function unicodeRange(blocks) {
  return blocks.map(function (b) { return "U+" + b[0].toString(16) + "-" + b[1].toString(16); }).join(", ");
}
