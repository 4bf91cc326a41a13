/** Splits a sorted list into the pages of a paginated list (always at least one page). */
import type { ContentRecord } from "../content/types.ts";
import type { ListPageData } from "../view/list-data.ts";
import { urls } from "../portal/urls.ts";
import { groupBy } from "../portal/group.ts";
import { noteListOrigin } from "./list-origin.ts";
import type { AnyRecord } from "../content-types/spec.ts";

export type ListSpec = Omit<ListPageData, "url" | "items" | "pageNumber" | "pageCount" | "total">;

/**
 * `items` may be of a type outside the built-in list (a site's or a test's own): a record all the same.
 * `ownFields`: the caller vouches that whether a record is in `items`, and where, follows from
 * that record's own fields alone (the portal's newest-first lists filtered by the record's type,
 * column, year, topics, category…), and that whatever else chooses the list is in `spec`. The
 * build cache then takes the list as it was when no record in it changed, now or in the last build
 * (src/build/cache/list-members.ts). Not for lists cut by another record (an organ's, a policy's
 * 解读) or by a count of others, unless those records are given as `choosers` (an organ's lists:
 * every organ record, as which organs there are decides a policy's owner): a list is then taken
 * as it was only when none of them changed either. Lists without `ownFields` are walked every build.
 */
export function paginate(
  spec: ListSpec,
  items: readonly AnyRecord[],
  pageSize: number,
  ownFields = false,
  choosers: readonly object[] = [],
): ListPageData[] {
  const pageCount = Math.max(1, Math.ceil(items.length / pageSize));
  const pages: ListPageData[] = [];
  for (let n = 1; n <= pageCount; n++) {
    // Object.assign, not a spread: `{ ...spec, url, … }` measured ~8 µs a page (~30k list pages
    // at 50k items), Object.assign ~1 µs; the same own keys in the same order, the same values.
    pages.push(
      Object.assign({}, spec, {
        url: urls.page(spec.base, n),
        items: items.slice((n - 1) * pageSize, n * pageSize) as ContentRecord[],
        pageNumber: n,
        pageCount,
        total: items.length,
      }),
    );
  }
  noteListOrigin(spec, items, pageSize, pages, ownFields, choosers);
  return pages;
}

/** Groups records by publication year, newest year first (records arrive newest first). */
export function byYear<T extends ContentRecord>(items: readonly T[]): [number, T[]][] {
  return [...groupBy(items, (item) => item.year)];
}
