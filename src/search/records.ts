/**
 * What the index keeps of each page besides its text: the metadata a result shows (HTML-escaped)
 * and the filter values it is counted under.
 */
import type { ContentRecord } from "../content/types.ts";
import { specOf, type AnyTypeSpec, type SearchFacet } from "../content-types/spec.ts";
import { DEFAULT_TYPES } from "../content-types/index.ts";
import { escapeHtml } from "../html/html.ts";
import type { SearchPage } from "./search-pages.ts";

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

export interface SearchRecord {
  /** Without the path prefix: the Worker prefixes it with the folder above the index. */
  url: string;
  /** title, date, type, department … HTML-escaped, so editors' text is never markup in the index. */
  meta: Record<string, string>;
  /** The value of each filter the page is counted under. */
  filters: Record<string, string>;
}

/** Per list of types, per type: its label and the filters its records are counted under. */
type TypeFacets = Map<string, { label: string; facets: SearchFacet<ContentRecord>[] }>;
const FACETS_OF = new WeakMap<readonly AnyTypeSpec[], TypeFacets>();

/** The type's label and filters, made once a build rather than per page (~50k pages: f.gz's column). */
function facetsOf(types: readonly AnyTypeSpec[], type: string) {
  let byType = FACETS_OF.get(types);
  if (!byType) FACETS_OF.set(types, (byType = new Map() as TypeFacets));
  let made = byType.get(type);
  if (!made) {
    const spec = specOf(types, type);
    made = { label: spec.label, facets: [...COMMON_FACETS, ...(spec.search?.facets ?? [])] };
    byType.set(type, made);
  }
  return made;
}

/** The filters a page is counted under: 类型, then the common and its type's own that have a value. */
export function searchFiltersOf(page: SearchPage, types: readonly AnyTypeSpec[]): Record<string, string> {
  if (page.filters) return { ...page.filters };
  const r = page.record;
  if (page.topic !== undefined || !r) {
    // A topic page is counted as 专题, with its own record's year when it has one.
    const topic = specOf(types, "topic").label;
    return { type: topic, ...(r?.year !== undefined ? { year: String(r.year) } : {}) };
  }
  const { label, facets } = facetsOf(types, r.type);
  const filters: Record<string, string> = { type: label };
  for (const facet of facets) {
    const value = facet.value(r);
    if (value) filters[facet.key] = value;
  }
  return filters;
}

export function searchRecordOf(
  page: SearchPage,
  types: readonly AnyTypeSpec[] = DEFAULT_TYPES,
): SearchRecord {
  const filters = searchFiltersOf(page, types);
  const plain: Record<string, string> = { title: page.title, date: page.date.slice(0, 10), ...filters };
  const meta = Object.fromEntries(Object.entries(plain).map(([key, value]) => [key, escapeHtml(value)]));
  return { url: page.url, meta, filters };
}
