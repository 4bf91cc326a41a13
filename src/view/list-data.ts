/** The data of a list page: what src/pages and src/tallies describe and layouts/list.ts renders. */
import type { ContentRecord } from "../content/types.ts";
import type { Html } from "../html/html.ts";
import type { Crumb, LayoutContext, PageMeta } from "./context.ts";

/**
 * How one record appears in a list (layouts/parts/rows.ts): "mixed", titles with their type's
 * label (topics, audit lists); a type key whose spec has `listRows`, that type's table; anything
 * else ("news"), titles and dates.
 */
export type ListStyle = string;

export interface FacetLink {
  label: string;
  url: string;
  count?: number;
}

export interface Facet {
  label: string;
  links: FacetLink[];
}

/** One page of a list, as the list generators describe it and layouts/list.ts renders it. */
export interface ListPageData {
  url: string;
  /** URL of the list's first page. */
  base: string;
  title: string;
  section: string;
  breadcrumbs: Crumb[];
  style: ListStyle;
  items: ContentRecord[];
  pageNumber: number;
  pageCount: number;
  total: number;
  description?: string;
  facets?: Facet[];
  column?: PageMeta["column"];
  feeds?: PageMeta["feeds"];
  /** Rendered above the list on the first page (a topic's introduction). */
  intro?: (ctx: LayoutContext) => Html;
}
