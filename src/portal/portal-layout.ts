/**
 * Where each published record goes in the portal (portal.ts): its place in the newest-first
 * order, its type, year, column and topics, as numbers. Made from the records by one pass and a
 * sort, or, when the build cache kept the last build's layout by the record store's generation
 * (src/build/cache/portal-layout-kept.ts), taken from it with only the edited records' places
 * read again: an edit in place keeps a record's type, id, date and draft flag, so the order and
 * the types stay, and only its year, column and topics may move. The portal is then made from
 * the layout by the same code either way, reading typed arrays instead of five record shapes'
 * fields (megamorphic reads and a sort of 50k records at 50k items).
 */
import type { Site } from "../config/schema.ts";
import type { ContentRecord } from "../content/types.ts";
import type { AnyTypeSpec } from "../content-types/spec.ts";

export interface PortalLayout {
  /** The build's types' names, in its list's order. */
  types: readonly string[];
  /** How many records `published` held. */
  count: number;
  /** Places in `published` of the yearly types' records, in that order. */
  yearly: Int32Array;
  /** Places in `published` of the other records, newest first, ties by id: the portal's `records`. */
  order: Int32Array;
  /** Per place of `order`: its record's type, as a place in `types`. */
  type: Int32Array;
  /** Per place of `order`: the record's year when it counts among the portal's years, else NaN. */
  year: Float64Array;
  /** Per place of `order`: a news item's column as a place in `columns`, else -1. */
  column: Int32Array;
  columns: string[];
  /** Per place k of `order`: the record's topics, places in `topics` from `topicAt[topicFrom[k]]` up to `topicFrom[k + 1]`. */
  topicFrom: Int32Array;
  topicAt: Int32Array;
  topics: string[];
}

/** The build cache's view of the layout it kept (portal-layout-kept.ts). */
export interface PortalLayoutMemo {
  /**
   * The layout kept for `published` and the records of it that may differ at their places from
   * those it was made of, when it may be taken; undefined otherwise.
   */
  kept(
    published: readonly ContentRecord[],
  ): { kept: PortalLayout; edited: readonly ContentRecord[] } | undefined;
  /** This build's layout of `published`. */
  made(published: readonly ContentRecord[], layout: PortalLayout): void;
}

const memos = new WeakMap<Site, PortalLayoutMemo>();
export const rememberPortalLayout = (site: Site, memo: PortalLayoutMemo): void => void memos.set(site, memo);

/** How many times this process took a kept layout (tests). */
let taken = 0;
export const portalLayoutsTaken = (): number => taken;

/** Adds to `names` when new; its place. */
function placeOf(names: string[], at: Map<string, number>, name: string): number {
  let place = at.get(name);
  if (place === undefined) {
    place = names.length;
    names.push(name);
    at.set(name, place);
  }
  return place;
}

const namesAt = (names: readonly string[]) => new Map(names.map((name, i) => [name, i]));

/** A record's year as the portal counts it (NaN: none); its column's and topics' names. */
const yearOf = (record: ContentRecord, undated: boolean): number =>
  record.year !== undefined && !undated ? record.year : NaN;
const columnOf = (record: ContentRecord): string | undefined =>
  record.type === "news" ? record.fields.column : undefined;
const topicsOf = (record: ContentRecord): readonly string[] =>
  "topics" in record.fields ? record.fields.topics : [];

/**
 * The newest-first order of `published[places[i]]` (`b.publishedAt - a.publishedAt || id order`),
 * each record's date and id read once into arrays: reading them in the comparator was megamorphic.
 */
function newestFirst(published: readonly ContentRecord[], places: readonly number[]): Int32Array {
  const at = new Float64Array(places.length);
  const ids: string[] = [];
  const order: number[] = [];
  places.forEach((place, i) => {
    at[i] = published[place].publishedAt;
    ids.push(published[place].id);
    order.push(i);
  });
  order.sort((a, b) => at[b] - at[a] || (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0));
  return Int32Array.from(order, (i) => places[i]);
}

/** The layout of `published` from its records: a pass over every record and a sort. */
function layoutOf(published: readonly ContentRecord[], types: readonly AnyTypeSpec[]): PortalLayout {
  const typeNames = types.map((t) => t.type);
  const typeAt = namesAt(typeNames);
  const yearly: number[] = [];
  const others: number[] = [];
  published.forEach((record, i) => (types[typeAt.get(record.type) ?? -1]?.yearly ? yearly : others).push(i));
  const order = newestFirst(published, others);
  const n = order.length;
  const layout: PortalLayout = {
    types: typeNames,
    count: published.length,
    yearly: Int32Array.from(yearly),
    order,
    type: new Int32Array(n),
    year: new Float64Array(n),
    column: new Int32Array(n),
    columns: [],
    topicFrom: new Int32Array(n + 1),
    topicAt: new Int32Array(0),
    topics: [],
  };
  const columnAt = new Map<string, number>();
  const topicAt = new Map<string, number>();
  const topics: number[] = [];
  for (let k = 0; k < n; k++) {
    const record = published[order[k]];
    const type = typeAt.get(record.type) ?? -1;
    layout.type[k] = type;
    layout.year[k] = yearOf(record, types[type]?.undatedYears === true);
    const column = columnOf(record);
    layout.column[k] = column === undefined ? -1 : placeOf(layout.columns, columnAt, column);
    for (const topic of topicsOf(record)) topics.push(placeOf(layout.topics, topicAt, topic));
    layout.topicFrom[k + 1] = topics.length;
  }
  layout.topicAt = Int32Array.from(topics);
  return layout;
}

/** The places in `records` of `edited` (each is there, or the layout is not taken: undefined). */
function placesOf(records: readonly ContentRecord[], edited: readonly ContentRecord[]): number[] | undefined {
  if (edited.length <= 16) {
    const places = edited.map((record) => records.indexOf(record));
    return places.includes(-1) ? undefined : places;
  }
  const wanted = new Set(edited);
  const places: number[] = [];
  for (let k = 0; k < records.length; k++) if (wanted.has(records[k])) places.push(k);
  return places.length === wanted.size ? places : undefined;
}

/**
 * The kept layout with the records at `places` (of the order) read again: a copy, the kept one
 * untouched. Undefined when it does not fit `published` and `types`.
 */
function patched(
  kept: PortalLayout,
  published: readonly ContentRecord[],
  types: readonly AnyTypeSpec[],
  edited: readonly ContentRecord[],
): PortalLayout | undefined {
  const typeNames = types.map((t) => t.type);
  if (kept.count !== published.length || !sameNames(kept.types, typeNames)) return undefined;
  const n = kept.order.length;
  const records = recordsIn(published, kept.order);
  // Records shown as of the clock (a type's `asOf`) are copies made again: read again wherever they are.
  const asOf = Uint8Array.from(types, (t) => (t.asOf ? 1 : 0));
  const places = new Set<number>();
  // A yearly type's record is read from `published` at its place; an `asOf` one is read below.
  const direct = edited.filter(
    (record) => !types.some((t) => (t.asOf || t.yearly) && t.type === record.type),
  );
  const found = placesOf(records, direct);
  if (found === undefined) return undefined;
  for (const k of found) places.add(k);
  if (asOf.includes(1)) for (let k = 0; k < n; k++) if (asOf[kept.type[k]] === 1) places.add(k);
  for (const k of places) if (typeNames[kept.type[k]] !== records[k].type) return undefined;
  const layout: PortalLayout = {
    ...kept,
    year: kept.year.slice(),
    column: kept.column.slice(),
    columns: [...kept.columns],
  };
  const columnAt = namesAt(layout.columns);
  const topicAt = namesAt(kept.topics);
  const topics = [...kept.topics];
  const newTopics = new Map<number, number[]>();
  for (const k of places) {
    const record = records[k];
    layout.year[k] = yearOf(record, types[kept.type[k]].undatedYears === true);
    const column = columnOf(record);
    layout.column[k] = column === undefined ? -1 : placeOf(layout.columns, columnAt, column);
    const own = topicsOf(record).map((topic) => placeOf(topics, topicAt, topic));
    // The table is copied only when a record's topics are not those kept (a title edit keeps them).
    if (!sameRun(own, kept.topicAt, kept.topicFrom[k], kept.topicFrom[k + 1])) newTopics.set(k, own);
  }
  layout.topics = topics;
  if (newTopics.size > 0) {
    // The topics' table again, each record's run copied but for the ones read again.
    const from = new Int32Array(n + 1);
    const at: number[] = [];
    for (let k = 0; k < n; k++) {
      const own = newTopics.get(k);
      if (own) at.push(...own);
      else for (let j = kept.topicFrom[k]; j < kept.topicFrom[k + 1]; j++) at.push(kept.topicAt[j]);
      from[k + 1] = at.length;
    }
    layout.topicFrom = from;
    layout.topicAt = Int32Array.from(at);
  }
  return layout;
}

const sameRun = (own: readonly number[], at: Int32Array, from: number, to: number): boolean =>
  own.length === to - from && own.every((place, j) => place === at[from + j]);

const sameNames = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((name, i) => name === b[i]);

/** `published[order[k]]` for every k. */
function recordsIn(published: readonly ContentRecord[], order: Int32Array): ContentRecord[] {
  const records = new Array<ContentRecord>(order.length);
  for (let k = 0; k < order.length; k++) records[k] = published[order[k]];
  return records;
}

/**
 * The layout of `published` for `site`'s portal: the kept one patched when the build cache has
 * one for these records (not when `shared`: a platform's shared files are read again by every
 * build, outside the record store), else made from the records.
 */
export function portalLayout(
  site: Site,
  published: readonly ContentRecord[],
  types: readonly AnyTypeSpec[],
  shared: boolean,
): { layout: PortalLayout; records: ContentRecord[] } {
  const memo = shared ? undefined : memos.get(site);
  const kept = memo?.kept(published);
  let layout = kept && patched(kept.kept, published, types, kept.edited);
  if (layout) taken++;
  else layout = layoutOf(published, types);
  memo?.made(published, layout);
  return { layout, records: recordsIn(published, layout.order) };
}
