/**
 * What one record counts towards: its tally cells. The counting pass and the audit lists both
 * classify records with these functions, so a figure and the list behind it cannot disagree.
 *
 * A cell is a string id: `all`, `types:news`, `columns:city-news`, `videoKinds:promo`,
 * `periodicals:bhlx`, `topics:housing`, `departments:gov`, `guideTypes:permit`, and for policy
 * documents `policies:<kind>:issued|repealed|valid`; `guidesListed:<key>` counts the guides of a
 * 事项类型 published by the end of the year (the catalogue's size). Keys come from site config, never from Chinese text.
 */
import { localParts } from "../content/local-time.ts";
import type { Keyed, Site } from "../config/schema.ts";
import type { PolicyMeasure } from "../config/statistics.ts";
import type { ContentRecord, RecordOf } from "../content/types.ts";
import type { POLICY_KINDS } from "../content/policy.ts";
import type { AnyTypeSpec } from "../content-types/spec.ts";

export const POLICY_KIND_KEYS: Record<(typeof POLICY_KINDS)[number], string> = {
  行政规范性文件: "normative",
  规章: "rules",
  其他文件: "other",
  政策解读: "interpretation",
};

/** The dimensions counted per item in its publication year, and the site config list naming their keys. */
export const DIMENSIONS = [
  "types",
  "columns",
  "videoKinds",
  "periodicals",
  "topics",
  "departments",
  "guideTypes",
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** The types the tallies count (their spec has `tally`), by type key, in the order of the list. */
export function countedTypes(types: readonly AnyTypeSpec[]): Map<string, AnyTypeSpec> {
  return new Map(types.filter((t) => t.tally).map((t) => [t.type, t]));
}

/** The site's keyed lists a record's cells are named by. */
const KEYED_LISTS = ["columns", "videoKinds", "periodicals", "topics", "departments", "guideTypes"] as const;

/** Name → key lookups of one site, built once per site. */
export type KeyMaps = Record<(typeof KEYED_LISTS)[number], Map<string, string>>;

const keyMapCache = new WeakMap<Site, KeyMaps>();
/**
 * By the lists they are made of: an organ's 年报 counts with a copy of the site that has other
 * statistics rows and the same lists (src/organs/tallies.ts), and shares the maps, so a record's
 * cells found for the site's tallies serve the organ's too (`yearCells`).
 */
const keyMapsByLists = new WeakMap<readonly Keyed[], { lists: readonly Keyed[][]; maps: KeyMaps }[]>();

export function keyMaps(site: Site): KeyMaps {
  let maps = keyMapCache.get(site);
  if (!maps) {
    const lists = KEYED_LISTS.map((name) => site[name]);
    let made = keyMapsByLists.get(site.columns);
    if (!made) keyMapsByLists.set(site.columns, (made = []));
    maps = made.find((m) => m.lists.every((list, i) => list === lists[i]))?.maps;
    if (!maps) {
      maps = Object.fromEntries(
        KEYED_LISTS.map((name) => [name, new Map(site[name].map((k) => [k.name, k.key]))]),
      ) as KeyMaps;
      made.push({ lists, maps });
    }
    keyMapCache.set(site, maps);
  }
  return maps;
}

/**
 * Per dimension, name → cell id (`columns:city-news`), made once per maps: a cell id made anew
 * per record was a new string to hash in every tally it was counted in.
 */
type CellIds = Record<Exclude<Dimension, "types">, Map<string, string>>;
const cellIdsOf = new WeakMap<KeyMaps, CellIds>();

function cellIds(maps: KeyMaps): CellIds {
  let ids = cellIdsOf.get(maps);
  if (!ids) {
    ids = Object.fromEntries(
      KEYED_LISTS.map((name) => [name, new Map([...maps[name]].map(([n, key]) => [n, `${name}:${key}`]))]),
    ) as CellIds;
    cellIdsOf.set(maps, ids);
  }
  return ids;
}

/** `types:<type>` per type, made once. */
const typeCells = new Map<string, string>();
const typeCell = (type: string): string => {
  let cell = typeCells.get(type);
  if (cell === undefined) typeCells.set(type, (cell = `types:${type}`));
  return cell;
};

/** `policies:<kind>:issued` per kind of policy document. */
const ISSUED: Record<string, string> = Object.fromEntries(
  Object.entries(POLICY_KIND_KEYS).map(([kind, key]) => [kind, `policies:${key}:issued`]),
);

// Not a closure in yearCells: the build runs through tsx and a bundle with keepNames, where every
// named closure made costs a defineProperty (~1.5 µs), and yearCells runs per record and list.
function addCell(cells: string[], ids: CellIds, dimension: Exclude<Dimension, "types">, name: string): void {
  const cell = ids[dimension].get(name);
  if (cell !== undefined) cells.push(cell);
}

/**
 * A record's cells, per the maps and spec they were found with: the site's tallies, its audit
 * lists, and each organ's 年报 and audit lists classify the same records (four passes at 50k items).
 */
const cellsOf = new WeakMap<ContentRecord, { maps: KeyMaps; spec: AnyTypeSpec; cells: readonly string[] }>();

/** Cells a counted record adds one to, in its own publication year (policy measures aside). */
export function yearCells(maps: KeyMaps, spec: AnyTypeSpec, record: ContentRecord): readonly string[] {
  const known = cellsOf.get(record);
  if (known && known.maps === maps && known.spec === spec) return known.cells;
  const cells = findCells(maps, spec, record);
  cellsOf.set(record, { maps, spec, cells });
  return cells;
}

function findCells(maps: KeyMaps, spec: AnyTypeSpec, record: ContentRecord): string[] {
  const ids = cellIds(maps);
  const cells = ["all", typeCell(record.type)];
  const f = record.fields;
  if ("department" in f) addCell(cells, ids, "departments", f.department);
  if ("topics" in f) for (const topic of new Set(f.topics)) addCell(cells, ids, "topics", topic);
  const dimension = spec.tally?.dimension;
  if (dimension) addCell(cells, ids, dimension.name, dimension.value(record));
  if (record.type === "policy") cells.push(ISSUED[record.fields.kind]);
  return cells;
}

/** A policy document's life in calendar years: published in `from`, ended (废止 or 失效) in `ended`. */
export interface PolicySpan {
  kind: string;
  from: number;
  ended?: number;
}

/**
 * 失效 counts as 废止: the template has one column (本年废止件数), and a document that lapsed is no
 * longer 现行有效 either way, so 现行有效(Y) = 现行有效(Y−1) + 制发(Y) − 废止(Y) holds. A change
 * dated before publication is taken as the publication year (the document was never valid after it).
 */
export function policySpan(site: Site, record: RecordOf<"policy">): PolicySpan {
  const known = spans.get(record);
  if (known && known.zone === site.timeZone) return known.span;
  const span = findSpan(site, record);
  spans.set(record, { zone: site.timeZone, span });
  return span;
}

/** A record's span per the zone it was found in (the site's tallies and audits, and each organ's). */
const spans = new WeakMap<RecordOf<"policy">, { zone: string; span: PolicySpan }>();

function findSpan(site: Site, record: RecordOf<"policy">): PolicySpan {
  const from = record.year ?? 0;
  const f = record.fields;
  const ended =
    f.validity === "有效" || f.validity_changed === undefined
      ? undefined
      : Math.max(from, localParts(f.validity_changed, site.timeZone).year);
  return { kind: POLICY_KIND_KEYS[f.kind], from, ended };
}

/** 现行有效 at the end of `year`: published by then and not ended by then. */
export function validAtEndOf(span: PolicySpan, year: number): boolean {
  return span.from <= year && (span.ended === undefined || span.ended > year);
}

export function inPolicyCell(span: PolicySpan, measure: PolicyMeasure, year: number): boolean {
  if (measure === "issued") return span.from === year;
  if (measure === "repealed") return span.ended === year;
  return validAtEndOf(span, year);
}
