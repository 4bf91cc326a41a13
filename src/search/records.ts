/**
 * One Pagefind custom record per indexed page: the token stream to index, the metadata a result
 * shows, the filters and the sort key.
 */
import { CONTENT_TYPES, type ContentRecord } from "../content/types.ts";
import { escapeHtml } from "../html/html.ts";
import { pageTokens } from "./tokens.ts";
import type { SearchPage } from "./search-pages.ts";

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

/** 类型 of a topic page. */
export const TOPIC_TYPE = CONTENT_TYPES.topic.label;

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

/** The filters a page is counted under: 类型, 年份, 发布机构, 栏目, 主题分类. */
function filtersOf(page: SearchPage): Record<string, string[]> {
  const r = page.record;
  if (page.topic !== undefined || !r) {
    return { [FILTER_KEYS.type]: [TOPIC_TYPE], ...(r?.year ? { [FILTER_KEYS.year]: [String(r.year)] } : {}) };
  }
  const filters: Record<string, string[]> = { [FILTER_KEYS.type]: [CONTENT_TYPES[r.type].label] };
  if (r.year !== undefined) filters[FILTER_KEYS.year] = [String(r.year)];
  const department = departmentOf(r);
  if (department) filters[FILTER_KEYS.department] = [department];
  if (r.type === "news") filters[FILTER_KEYS.column] = [r.fields.column];
  if (r.type === "policy") filters[FILTER_KEYS.category] = [r.fields.category];
  return filters;
}

/**
 * The record's URL goes in without the path prefix: the browser's Pagefind prefixes every result
 * URL with the folder above the bundle (`/portal/` for `/portal/pagefind/0/`). `text` is the
 * page's visible text (search-pages.ts); the title is indexed first (tokens.ts).
 */
export function searchRecordOf(page: SearchPage, text: string): SearchRecord {
  const filters = filtersOf(page);
  const day = page.date.slice(0, 10);
  const plain: Record<string, string> = { title: page.title, text, date: day };
  // The filter values again in meta, for the result line (类型 · date · 发布机构).
  for (const [key, values] of Object.entries(filters)) plain[key] = values[0];
  // Escaped like Pagefind's own excerpts, so editors' text is never markup in the index files;
  // the search page decodes it and shows it as text (src/assets/search-result.js).
  const meta = Object.fromEntries(Object.entries(plain).map(([key, value]) => [key, escapeHtml(value)]));
  return {
    url: page.url,
    content: pageTokens(page.title, text),
    language: INDEX_LANGUAGE,
    meta,
    filters,
    // Every record needs the key: Pagefind drops results without one when sorting. Text, not
    // a number: Pagefind sorts numbers as 32-bit floats, too coarse for epoch milliseconds.
    sort: { date: page.date || UNDATED },
  };
}
