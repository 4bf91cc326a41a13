/**
 * One search result as Pagefind UI shows it: the title as a link, type · date · department, and
 * an excerpt around the first match with every match in <mark>. Built as DOM nodes, so the
 * pages' text is never parsed as HTML.
 */
import { foldText, zerosInYears } from "./search-query.js";

const ENTITIES = { "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&amp;": "&" };

/** A result's metadata as plain text: the build stores it HTML-escaped (src/search/records.ts). */
export function plainMeta(meta) {
  const out = {};
  for (const [key, value] of Object.entries(meta)) out[key] = String(value).replace(/&(lt|gt|quot|#39|amp);/g, (e) => ENTITIES[e]);
  return out;
}

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(c);
  return node;
}

/**
 * The folded text (as search compares it) with, for each of its UTF-16 units, the offset in
 * `text` it came from: folding can change lengths (NFKC), and marks go around the original text.
 * Characters are folded one at a time, so each one's folding is remembered (a few thousand at most);
 * a character whose folding is nothing (zero-width space) or starts with a combining mark (U+0301,
 * ﾞ, the dot of İ) is folded together with the characters before it, back to the last that stood
 * alone, as the whole text folds: cafe\u0301 and ｶ\u200Bﾞ mark café and ガ.
 */
const FOLDED = new Map();
const JOINS = /^\p{M}/u;

function foldedOne(char) {
  let f = FOLDED.get(char);
  if (f === undefined) FOLDED.set(char, (f = foldText(char)));
  return f;
}

function foldedWithMap(text) {
  let folded = "";
  const from = [];
  const to = [];
  // The last character that stood alone: where it starts in `text` and in `folded`.
  let base = -1;
  let baseFolded = 0;
  let at = 0;
  for (const char of text) {
    let f = foldedOne(char);
    let start = at;
    // (A run of 64 units is a limit no real text reaches: folding it again for each would be quadratic.)
    if (base >= 0 && at - base < 64 && (f === "" || JOINS.test(f))) {
      f = foldText(text.slice(base, at + char.length));
      start = base;
      folded = folded.slice(0, baseFolded);
      from.length = to.length = baseFolded;
    } else {
      base = at;
      baseFolded = folded.length;
    }
    folded += f;
    for (let i = 0; i < f.length; i++) {
      from.push(start);
      to.push(at + char.length);
    }
    at += char.length;
  }
  // Folded one character at a time, 二0二三 keeps its 0: the year rule looks at neighbours.
  return { folded: zerosInYears(folded), from, to };
}

/**
 * [start, end) ranges of `text` where a term occurs, merged, in order. A range covers whole characters:
 * a term that is part of one character's folding (ii of Ⅲ, which folds to iii) marks that character.
 */
export function matchRanges(text, terms) {
  const { folded, from, to } = foldedWithMap(text);
  const ranges = [];
  for (const term of terms) {
    for (let at = folded.indexOf(term); at >= 0 && term; at = folded.indexOf(term, at + term.length)) {
      ranges.push([from[at], to[at + term.length - 1]]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  return merged;
}

/**
 * Text with every occurrence of the terms wrapped in <mark>, built as DOM nodes (no HTML strings).
 * `ranges`: where they are, when the Worker has found them already.
 */
function marked(text, terms, ranges = matchRanges(text, terms)) {
  const out = [];
  let at = 0;
  for (const [start, end] of ranges) {
    out.push(text.slice(at, start), el("mark", {}, text.slice(start, end)));
    at = end;
  }
  out.push(text.slice(at));
  return out;
}

/** Escapes text as the build escapes metadata (src/html/html.ts), for plainMeta to undo. */
export function escapeMeta(text) {
  return text.replace(/[&<>"']/g, (c) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "#39" }[c]};`);
}

/**
 * UTF-16 units, as [first, last] ranges, that are each a whole character joining no neighbour into
 * one grapheme (Unicode's Grapheme_Cluster_Break "Other", not Indic): Latin, Greek and Cyrillic
 * letters, punctuation, symbols, CJK symbols, kana, the ideographs, full-width forms — not marks,
 * joiners, variation selectors, controls, surrogates, Hangul jamo or syllables. Between two of them a
 * grapheme boundary always falls (rule GB999); search-boundary.test.ts checks every unit listed.
 */
export const ALONE = [
  [0x20, 0x7e], [0xa0, 0xac], [0xae, 0x2ff], [0x370, 0x482], [0x2010, 0x2027], [0x2030, 0x205e],
  [0x2070, 0x20cf], [0x2100, 0x2bff], [0x2e80, 0x3029], [0x3030, 0x3098], [0x309b, 0x312f],
  [0x3190, 0x33ff], [0x3400, 0x9fff], [0xf900, 0xfaff], [0xfe10, 0xfe19], [0xfe30, 0xfe6f], [0xff01, 0xff9d],
];

function alone(unit) {
  return ALONE.some(([first, last]) => unit >= first && unit <= last);
}

/** Made on first use: the page's bundle holds this module too, and its main thread cuts no excerpt. */
let graphemes;

/**
 * `i`, or where the character holding it begins: an excerpt is cut between characters as a reader
 * sees them, never inside a surrogate pair (𠀾, 👍: half of one shows as �), an emoji sequence or a
 * letter and its marks.
 */
export function boundary(text, i) {
  if (i <= 0 || i >= text.length) return i;
  // Between two characters that join with nothing (most of a Chinese page's) every reader sees a
  // break: no segmenter needed, whose making took 20–40 ms of a new Worker's first excerpt.
  if (alone(text.charCodeAt(i - 1)) && alone(text.charCodeAt(i))) return i;
  if (typeof Intl.Segmenter === "function") {
    graphemes ??= new Intl.Segmenter("zh", { granularity: "grapheme" });
    return graphemes.segment(text).containing(i).index;
  }
  const unit = text.charCodeAt(i);
  return unit >= 0xdc00 && unit <= 0xdfff ? i - 1 : i;
}

/** An excerpt's reach around its first match, in UTF-16 units: before it, and from its start on. */
export const EXCERPT_BEFORE = 40;
export const EXCERPT_AFTER = 120;

/**
 * About 160 characters of a result's text around the first match of a term (spaces collapsed),
 * without the title it opens with (the result shows it), with … where the page's text goes on:
 * `before`/`after`, the text is a part of the page's (a piece after the first, the record's lead).
 * The Worker makes it: folding a 4,000-character piece per result is work the page's main thread
 * should not do.
 */
export function excerptOf(text, terms, title = "", { before = false, after = false } = {}) {
  const flat = (title && text.startsWith(title) ? text.slice(title.length) : text).replace(/\s+/g, " ").trimStart();
  const first = matchRanges(flat, terms)[0];
  const at = first ? first[0] : 0;
  const start = boundary(flat, Math.max(0, at - EXCERPT_BEFORE));
  const end = boundary(flat, Math.min(flat.length, at + EXCERPT_AFTER));
  return `${start > 0 || before ? "…" : ""}${flat.slice(start, end)}${end < flat.length || after ? "…" : ""}`;
}

/**
 * `data.meta.text`: the excerpt the Worker made (search-site-index.js), HTML-escaped like all of meta;
 * `data.marks`: where the terms are in the title and the excerpt (the Worker folds the text, so the
 * page's main thread only cuts strings).
 */
export function renderResult(data, highlight) {
  const meta = plainMeta(data.meta);
  const info = [meta.type, meta.date, meta.department].filter(Boolean).join(" · ");
  const excerpt = meta.text ?? "";
  return el(
    "li",
    { class: "search-result" },
    el("h2", { class: "search-result-title" }, el("a", { href: data.url }, ...marked(meta.title, highlight, data.marks?.title))),
    el("p", { class: "search-result-meta" }, info),
    el("p", { class: "search-result-excerpt" }, ...marked(excerpt, highlight, data.marks?.text)),
  );
}
