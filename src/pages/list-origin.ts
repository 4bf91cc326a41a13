/**
 * What each page of a paginated list was cut from (its list's spec, the whole list, the page
 * size), kept beside the page for the build cache: a page's key is a function of these alone,
 * so when the list as a whole is as it was the build before, each of its pages' keys is too,
 * and the cache need not write out each page's data to find that out (src/build/cache/list-hints.ts).
 */
import type { ListPageData } from "../view/list-data.ts";

export interface ListOrigin {
  readonly spec: object;
  readonly items: readonly unknown[];
  readonly pageSize: number;
  /** How many own keys each page had when it was made (a field added since shows as more). */
  readonly keyCount: number;
  /** The spec's own keys that each page took as they are. */
  readonly specKeys: readonly string[];
  /** Each page as made, and its URL then, by page number − 1. */
  readonly pages: readonly ListPageData[];
  readonly urls: readonly string[];
  /** Which items are in the list, and their order, follow from each item's own fields (paginate.ts `ownFields`). */
  readonly ownFields: boolean;
  /** Records other than its items that choose which are in it (paginate.ts `choosers`). */
  readonly choosers: readonly object[];
}

const origins = new WeakMap<object, ListOrigin>();
/** The fields `paginate` sets on each page, whatever the spec has. */
const MADE = new Set(["url", "items", "pageNumber", "pageCount", "total"]);

/** Notes that `pages` are the pages `paginate` cut from `items` with this spec and page size. */
export function noteListOrigin(
  spec: object,
  items: readonly unknown[],
  pageSize: number,
  pages: readonly ListPageData[],
  ownFields = false,
  choosers: readonly object[] = [],
): void {
  const keyCount = Object.keys(pages[0]).length;
  const specKeys = Object.keys(spec).filter((key) => !MADE.has(key));
  const urls = pages.map((page) => page.url);
  // A copy: a caller may push more pages onto the array it got (the news lists push each
  // column's onto the whole list's), which made every page of the list fail the page count check.
  const origin: ListOrigin = {
    spec,
    items,
    pageSize,
    keyCount,
    specKeys,
    pages: pages.slice(),
    urls,
    ownFields,
    choosers,
  };
  for (const page of pages) origins.set(page, origin);
}

/**
 * The list `page` was cut from, when the page is still exactly as `paginate` made it (its own
 * fields the spec's, its items the list's slice at its number); undefined otherwise.
 */
export function listOriginOf(page: object): ListOrigin | undefined {
  const origin = origins.get(page);
  if (origin === undefined) return undefined;
  const data = page as ListPageData;
  const n = data.pageNumber;
  const { spec, items, pageSize, pages } = origin;
  if (
    pages[n - 1] !== data ||
    data.url !== origin.urls[n - 1] ||
    data.pageCount !== pages.length ||
    data.total !== items.length
  )
    return undefined;
  if (Object.keys(data).length !== origin.keyCount) return undefined;
  const own = data as unknown as Record<string, unknown>;
  const base = spec as Record<string, unknown>;
  for (const key of origin.specKeys) if (own[key] !== base[key]) return undefined;
  const slice = data.items;
  const from = (n - 1) * pageSize;
  if (!Array.isArray(slice) || slice.length !== Math.max(0, Math.min(pageSize, items.length - from)))
    return undefined;
  for (let i = 0; i < slice.length; i++) if (slice[i] !== items[from + i]) return undefined;
  return origin;
}
