/**
 * The text a reader sees in a rendered page's main content, as the search index stores it.
 *
 * The index is built from the pages' own HTML rather than from the records, so what is searched
 * cannot drift from what is shown: a field a template prints (an attachment name, a guide's fee
 * basis, a caption) is searchable the moment it is printed, and one it stops printing (a summary
 * kept only for lists) stops being found.
 *
 * Rules, close to a browser's `innerText` of `<main>`:
 * - only `<main>`; inside it, only the `data-search-body` elements when there are any (a topic
 *   page: its heading and introduction, not the list of other pages under them);
 * - nothing a screen does not show: `hidden`, `aria-hidden="true"`, `.visually-hidden`,
 *   `.print-only`, `data-search-ignore`, and the fallback content of `<video>`/`<audio>`,
 *   `<script>`, `<style>`, `<template>`, `<noscript>`, and a closed `<details>` but its `<summary>`;
 * - an image's `alt` is text of its own (a poster or figure described in words);
 * - block elements (everything but the inline ones below) and `<br>` end a line; inline elements
 *   join their text with their neighbours', as on screen.
 *
 * A hand-written scanner over our own templates' output, not a DOM: at 50k pages the index step
 * reads about a gigabyte of HTML (docs/search.md has the cost). test/search/visible-text.test.ts
 * compares it with Chromium's rendering of every page template. Plain JavaScript: the index
 * step's worker threads (index-worker.mjs) run it.
 */
import { decodeHTML } from "entities";
import { mainOf } from "../html/main-of.mjs";

const INLINE = new Set(
  "a abbr b bdi bdo cite code data dfn em i kbd mark q s samp small span strong sub sup time u var wbr del ins label ruby rb rt rtc font big tt nobr output input math".split(
    " ",
  ),
);
const VOID = new Set("area base br col embed hr img input link meta source track wbr".split(" "));
/** Elements whose content is never shown as text. */
const NOT_SHOWN = new Set(
  "script style template noscript video audio iframe object svg select button rp textarea progress meter canvas".split(
    " ",
  ),
);

const TABLE_PART = new Set("caption col colgroup tbody td tfoot th thead tr".split(" "));

/** A tag (our templates and the sanitiser escape ">" in attribute values) or a comment. */
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>|<!--[\s\S]*?-->/g;

const decode = (s) => (s.includes("&") ? decodeHTML(s) : s);
/** A text node's line breaks are spaces on screen (outside <pre>, which our pages do not search differently). */
const flat = (s) => (s.includes("\n") ? s.replace(/\n/g, " ") : s);

/*
 * A line break beside a zero-width space is no space on screen (CSS Text 3's segment break rule, which
 * Chromium follows, and a <wbr> before it counts as one): `中\n\u200B文` and `中<wbr>\n文` show 中文,
 * while `中 \u200B文` keeps its space. Such a break (raw HTML with allowHtml, or `&NewLine;` or a
 * `&#13;` Markdown writes out as a raw CR, beside one) is kept as SEGMENT, and a <wbr> as WBR, until the whole text is read, since the space may
 * be in one text node and the zero-width space in the next.
 */
const SEGMENT = "\u0001";
const WBR = "\u0002";
const MAY_HOLD_ZWSP = /\u200b|&#0*8203;|&#x0*200b;|&ZeroWidthSpace;|&Negative\w*Space;|<wbr/i;
/** A run of white space holding a line break. */
// eslint-disable-next-line no-control-regex -- SEGMENT and WBR are our own markers, never in a page's text
const BREAK_RUN = /[ \t\u0001\u0002]*\u0001[ \t\u0001\u0002]*/g;
const ZWSP = "\u200b";
/**
 * The run is nothing beside a zero-width space, or after a <wbr> (Chromium: `a<wbr>\nb` is ab, `a\n<wbr>b`
 * is a b), else one space; a <wbr> is no text.
 */
const joinedAtZwsp = (s) =>
  s
    .replace(BREAK_RUN, (run, at, all) =>
      all[at - 1] === ZWSP || all[at + run.length] === ZWSP || run.startsWith(WBR) ? "" : " ",
    )
    .replaceAll(WBR, "");

/**
 * One attribute of a tag: its name, then its value quoted either way or bare. Read attribute by
 * attribute, so a name inside another attribute's value (a link's title "安全生产 hidden danger", an
 * alt "hidden 说明") is not taken for an attribute: that hid the link's text or the image.
 */
const ATTR = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

const NAMED = new Map();

/** An attribute's value ("" when it has none), or undefined when the element does not carry it. */
function attr(attrs, name) {
  let named = NAMED.get(name);
  if (!named) NAMED.set(name, (named = new RegExp(name, "i")));
  if (!named.test(attrs)) return undefined;
  ATTR.lastIndex = 0;
  for (let m; (m = ATTR.exec(attrs));)
    if (m[1].length === name.length && m[1].toLowerCase() === name) return m[2] ?? m[3] ?? m[4] ?? "";
  return undefined;
}

/** Does any tag of `main` carry `name` as an attribute (not merely the words, in text or a value)? */
function carries(main, name) {
  if (!main.includes(name)) return false;
  for (const m of main.matchAll(TAG)) if (m[2] && attr(m[3], name) !== undefined) return true;
  return false;
}

const MAY_HIDE = /hidden|data-search-ignore|print-only/;

function hiddenBy(tag, attrs) {
  if (NOT_SHOWN.has(tag)) return true;
  // Most elements carry none of these: one test instead of four.
  if (!attrs || !MAY_HIDE.test(attrs)) return false;
  if (attr(attrs, "hidden") !== undefined || attr(attrs, "data-search-ignore") !== undefined) return true;
  if (attr(attrs, "aria-hidden") === "true") return true;
  const cls = attr(attrs, "class");
  return cls !== undefined && /(?:^|\s)(?:visually-hidden|print-only)(?:\s|$)/.test(cls);
}

/** Collapses white space as a browser lays the text out: runs become one space, lines trimmed. */
function tidy(lines) {
  return lines
    .split("\n")
    .map((line) => line.replace(/[ \t\r\f]+/g, " ").trim())
    .filter(Boolean)
    .join("\n");
}

/** The visible text of `html`'s main content, one block per line. */
export function visibleText(html) {
  const main = mainOf(html);
  // Only a tag's attribute marks: a page whose text mentions data-search-body keeps its text.
  const onlyMarked = carries(main, "data-search-body");
  let out = "";
  /**
   * Open elements as [tag, what it adds to `hidden` (1, or −1 for a closed details' summary),
   * marked, a details shown closed, hidden itself (not laid out: it ends no line either)].
   */
  const stack = [];
  /** Open <table> elements: a table's part outside any is no element. */
  let tables = 0;
  let hidden = 0;
  let marked = 0;
  let at = 0;
  // Only a page that may hold a zero-width space pays for telling a line break from a space.
  const zwsp = MAY_HOLD_ZWSP.test(main);
  // A CR in the source is a line break (HTML reads it as LF), one from `&#13;` a space.
  const spaced = (raw) => {
    if (!zwsp) return flat(decode(raw));
    const text = decode(raw.includes("\r") ? raw.replace(/\r\n?/g, "\n") : raw);
    if (!text.includes("\n")) return text;
    return stack.some((e) => e[0] === "pre") ? flat(text) : text.replace(/\n/g, SEGMENT);
  };
  const text = (s) => {
    if (!hidden && (!onlyMarked || marked)) out += s;
  };
  // Line ends are kept even outside what is taken, so two taken blocks never run together; what is
  // not laid out at all (hidden, or inside it) ends no line: its neighbours join, as on screen.
  const lineEnd = () => {
    if (!hidden) out += "\n";
  };
  // A closed <details> shows its <summary> only: the summary undoes the details' own hiding.
  const summaryShown = (tag) => (tag === "summary" && stack.at(-1)?.[3] ? -1 : 0);
  for (const m of main.matchAll(TAG)) {
    if (m.index > at && !hidden) text(spaced(main.slice(at, m.index)));
    at = m.index + m[0].length;
    const tag = m[2]?.toLowerCase();
    if (!tag) continue; // a comment
    // A table's part outside any table (raw HTML pasted from a table: sanitize-html keeps it) is no
    // element to a browser, which drops the tag and runs its text on inline.
    if (!tables && TABLE_PART.has(tag)) continue;
    const attrs = m[3] ?? "";
    if (m[1]) {
      // Closing tag: pop to the matching element (HTML closes elements left open, e.g. <p>).
      let i = stack.length - 1;
      while (i >= 0 && stack[i][0] !== tag) i--;
      if (i < 0) continue;
      const closing = stack.splice(i);
      for (const [t, h, mk] of closing) {
        hidden -= h;
        if (mk) marked--;
        if (t === "table") tables--;
      }
      if (!INLINE.has(tag) && !closing[0][4]) lineEnd();
      continue;
    }
    const hides = hiddenBy(tag, attrs);
    if (tag === "img") {
      if (!hides) {
        lineEnd();
        text(decode(attr(attrs, "alt") ?? ""));
        lineEnd();
      }
      continue;
    }
    if (tag === "wbr" && zwsp) text(WBR);
    if ((tag === "br" || !INLINE.has(tag)) && !hides) lineEnd();
    if (VOID.has(tag) || attrs.endsWith("/")) continue;
    const closed = tag === "details" && !hides && attr(attrs, "open") === undefined;
    const h = hides || closed ? 1 : summaryShown(tag);
    const mk = onlyMarked && attr(attrs, "data-search-body") !== undefined;
    hidden += h;
    if (mk) marked++;
    if (tag === "table") tables++;
    stack.push([tag, h, mk, closed, hides]);
  }
  text(spaced(main.slice(at)));
  return tidy(zwsp ? joinedAtZwsp(out) : out);
}
