/**
 * One Pagefind custom record per indexed page: the token stream to index, the metadata a result
 * shows, the filters and the sort key.
 */
import type { ContentRecord } from "../content/types.ts";
import { specOf, type AnyTypeSpec, type SearchFacet } from "../content-types/spec.ts";
import { DEFAULT_TYPES } from "../content-types/index.ts";
import { escapeHtml } from "../html/html.ts";
import { pageTokens } from "./tokens.ts";
import type { SearchPage } from "./search-pages.ts";

/**
 * The record language. Pagefind segments zh/ja/th and stems many others; this code is neither,
 * so it indexes our tokens exactly as given. The browser loads it whatever the page's lang is,
 * since it is the only index.
 */
export const INDEX_LANGUAGE = "unknown";

/** Filters every record has (when it has the value); the types add theirs (src/content-types/). */
const COMMON_FACETS: SearchFacet<ContentRecord>[] = [
  { key: "type", label: "类型", order: 10, value: () => undefined },
  {
    key: "year",
    label: "年份",
    order: 30,
    value: (r) => (r.year === undefined ? undefined : String(r.year)),
  },
  {
    key: "department",
    label: "发布机构",
    order: 40,
    value: (r) => ("department" in r.fields ? r.fields.department : undefined),
  },
];

/** The search page's filters, in their order on the page: 类型, the types' own, 年份, 发布机构 … */
export function searchFacets(types: readonly AnyTypeSpec[]): { key: string; label: string }[] {
  const facets = new Map<string, { key: string; label: string; order: number }>();
  for (const facet of [...COMMON_FACETS, ...types.flatMap((t) => t.search?.facets ?? [])])
    if (!facets.has(facet.key)) facets.set(facet.key, facet);
  return [...facets.values()].sort((a, b) => a.order - b.order).map(({ key, label }) => ({ key, label }));
}

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

/** The filters a page is counted under: 类型, then the common and its type's own that have a value. */
function filtersOf(page: SearchPage, types: readonly AnyTypeSpec[]): Record<string, string[]> {
  const r = page.record;
  if (page.topic !== undefined || !r) {
    // A topic page is counted as 专题, with its own record's year when it has one.
    const topic = specOf(types, "topic").label;
    return { type: [topic], ...(r?.year !== undefined ? { year: [String(r.year)] } : {}) };
  }
  const spec = specOf(types, r.type);
  // The record's 类型 as the site names it (新闻, 政策文件 …), then the other filters it has a value for.
  const filters: Record<string, string[]> = { type: [spec.label] };
  for (const facet of [...COMMON_FACETS, ...(spec.search?.facets ?? [])]) {
    const value = facet.value(r);
    if (value) filters[facet.key] = [value];
  }
  return filters;
}

/**
 * The record's URL goes in without the path prefix: the browser's Pagefind prefixes every result
 * URL with the folder above the bundle (`/portal/` for `/portal/pagefind/0/`). `text` is the
 * page's visible text (search-pages.ts); the title is indexed first (tokens.ts).
 */
export function searchRecordOf(
  page: SearchPage,
  text: string,
  types: readonly AnyTypeSpec[] = DEFAULT_TYPES,
): SearchRecord {
  const filters = filtersOf(page, types);
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
