/** Splits a sorted list into the pages of a paginated list (always at least one page). */
import type { ContentRecord } from "../content/types.ts";
import type { ListPageData } from "../view/list-data.ts";
import { urls } from "../portal/urls.ts";

export type ListSpec = Omit<ListPageData, "url" | "items" | "pageNumber" | "pageCount" | "total">;

export function paginate(spec: ListSpec, items: readonly ContentRecord[], pageSize: number): ListPageData[] {
  const pageCount = Math.max(1, Math.ceil(items.length / pageSize));
  const pages: ListPageData[] = [];
  for (let n = 1; n <= pageCount; n++) {
    pages.push({
      ...spec,
      url: urls.page(spec.base, n),
      items: items.slice((n - 1) * pageSize, n * pageSize),
      pageNumber: n,
      pageCount,
      total: items.length,
    });
  }
  return pages;
}

/** Groups records by publication year, newest year first (records arrive newest first). */
export function byYear<T extends ContentRecord>(items: readonly T[]): [number, T[]][] {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    if (item.year === undefined) continue;
    const list = groups.get(item.year);
    if (list) list.push(item);
    else groups.set(item.year, [item]);
  }
  return [...groups];
}
