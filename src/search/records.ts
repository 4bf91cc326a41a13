/**
 * One Pagefind custom record per detail page, from the validated record: the token stream to
 * index, the metadata a result shows, the filters and the sort key.
 */
import { CONTENT_TYPES, type ContentRecord } from "../content/types.ts";
import { escapeHtml } from "../html/html.ts";
import { indexTokens } from "./tokens.ts";
import { pageText } from "./page-text.ts";

/**
 * The record language. Pagefind segments zh/ja/th and stems many others; this code is neither,
 * so it indexes our tokens exactly as given. The browser loads it whatever the page's lang is,
 * since it is the only index.
 */
export const INDEX_LANGUAGE = "unknown";

/** Filter keys as the browser sees them; the search page labels them in Chinese. */
export const FILTER_KEYS = {
  type: "type",
  column: "column",
  year: "year",
  department: "department",
  category: "category",
} as const;

/** Sorts before every real date. */
const UNDATED = "0000-00-00 00:00";

export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

function departmentOf(r: ContentRecord): string | undefined {
  switch (r.type) {
    case "news":
    case "policy":
    case "video":
    case "guide":
      return r.fields.department;
    default:
      return undefined;
  }
}

/** The record's 类型 as the site names it: 新闻, 政策文件, 办事指南 … */
const typeLabel = (r: ContentRecord) => CONTENT_TYPES[r.type].label;

/**
 * The record's URL goes in without the path prefix: the browser's Pagefind prefixes every result
 * URL with the folder above the bundle (`/portal/` for `/portal/pagefind/0/`).
 */
export function searchRecordOf(r: ContentRecord, allowHtml = false): SearchRecord {
  const text = pageText(r, allowHtml);
  const department = departmentOf(r);
  const filters: Record<string, string[]> = { [FILTER_KEYS.type]: [typeLabel(r)] };
  if (r.year !== undefined) filters[FILTER_KEYS.year] = [String(r.year)];
  if (department) filters[FILTER_KEYS.department] = [department];
  if (r.type === "news") filters[FILTER_KEYS.column] = [r.fields.column];
  if (r.type === "policy") filters[FILTER_KEYS.category] = [r.fields.category];
  // The filter values again in meta: a query that has to be checked against the text recounts them.
  const plain: Record<string, string> = { title: r.fields.title, text, date: r.day };
  for (const [key, values] of Object.entries(filters)) plain[key] = values[0];
  // Escaped like Pagefind's own excerpts, so editors' text is never markup in the index files;
  // the search page decodes it and shows it as text (src/assets/search-result.js).
  const meta = Object.fromEntries(Object.entries(plain).map(([key, value]) => [key, escapeHtml(value)]));
  return {
    url: r.url,
    content: indexTokens(text),
    language: INDEX_LANGUAGE,
    meta,
    filters,
    // Every record needs the key: Pagefind drops results without one when sorting. Text, not
    // a number: Pagefind sorts numbers as 32-bit floats, too coarse for epoch milliseconds.
    sort: { date: r.dateText || UNDATED },
  };
}
