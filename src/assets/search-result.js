/**
 * One search result as Pagefind UI shows it: the title as a link, type · date · department, and
 * an excerpt around the first match with every match in <mark>. Built as DOM nodes, so the
 * pages' text is never parsed as HTML.
 */
import { normalizeText } from "./search-query.js";

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

/** Text with every occurrence of the query wrapped in <mark>, built as DOM nodes (no HTML strings). */
function marked(text, needle) {
  const out = [];
  const lower = normalizeText(text);
  let from = 0;
  for (let at = needle ? lower.indexOf(needle) : -1; at >= 0; at = lower.indexOf(needle, from)) {
    out.push(text.slice(from, at), el("mark", {}, text.slice(at, at + needle.length)));
    from = at + needle.length;
  }
  out.push(text.slice(from));
  return out;
}

function excerptOf(text, needle) {
  const flat = text.replace(/\s+/g, " ");
  const at = needle ? normalizeText(flat).indexOf(needle) : -1;
  const start = Math.max(0, at - 40);
  const end = Math.min(flat.length, Math.max(at, 0) + needle.length + 80);
  return `${start > 0 ? "…" : ""}${flat.slice(start, end)}${end < flat.length ? "…" : ""}`;
}

export function renderResult(data, highlight) {
  const meta = plainMeta(data.meta);
  const info = [meta.type, meta.date, meta.department].filter(Boolean).join(" · ");
  const excerpt = excerptOf(meta.text ?? "", highlight);
  return el(
    "li",
    { class: "search-result" },
    el("h2", { class: "search-result-title" }, el("a", { href: data.url }, ...marked(meta.title, highlight))),
    el("p", { class: "search-result-meta" }, info),
    el("p", { class: "search-result-excerpt" }, ...marked(excerpt, highlight)),
  );
}
