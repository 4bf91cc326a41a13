/**
 * The published records, sorted once and grouped once: everything the pages, feeds, tallies and
 * search index read. Newest first; ties broken by id so the order never varies between builds.
 */
import type { Site } from "../config/schema.ts";
import type { ContentRecord, ContentType, RecordOf } from "../content/types.ts";
import type { AnyTypeSpec } from "../content-types/spec.ts";
import { push } from "./group.ts";

/** Records per type (every type of the build's list has an entry, empty or not). */
type ByType = { [T in ContentType]: RecordOf<T>[] };

export interface Portal {
  site: Site;
  /** The content types of this build (src/content-types/). */
  types: readonly AnyTypeSpec[];
  /** Every published record, newest first (report files excepted: they are in `reports`). */
  records: ContentRecord[];
  byType: ByType;
  byUrl: Map<string, ContentRecord>;
  /** News per column name. */
  newsByColumn: Map<string, RecordOf<"news">[]>;
  /** Items tagged with each topic name. */
  byTopic: Map<string, ContentRecord[]>;
  /** For a policy document's 索引号: the 解读 that interpret it. */
  interpretationsOf: Map<string, RecordOf<"policy">[]>;
  /** For a 解读's 索引号: the document it interprets, when published. */
  interpretedDocOf: Map<string, RecordOf<"policy">>;
  /** Calendar years that have a published item, newest first. */
  years: number[];
  /**
   * The site's yearly files (content/reports/<year>.md, a `yearly` type) by year; not items, so not
   * in `records`. An organ's (content/reports/<organ>/<year>.md) are in `byType` only (src/organs/).
   */
  reports: Map<number, RecordOf<"report">>;
}

/**
 * The records newest first, ties by id (`b.publishedAt - a.publishedAt || id order`), each
 * record's date and id read once into arrays: records of different types have different shapes,
 * so reading them in the comparator was megamorphic (~130 ms at 50k items). The sort compares the
 * same pairs with the same results as the comparator on the records, so the order is the same.
 */
function sortedNewestFirst(records: readonly ContentRecord[]): ContentRecord[] {
  const at = new Float64Array(records.length);
  const ids: string[] = [];
  const order: number[] = [];
  records.forEach((record, i) => {
    at[i] = record.publishedAt;
    ids.push(record.id);
    order.push(i);
  });
  order.sort((a, b) => at[b] - at[a] || (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0));
  return order.map((i) => records[i]);
}

/** The records of one type of the list, as the spec's functions see them. */
export function recordsOf(portal: Portal, type: string): ContentRecord[] {
  return (portal.byType as Record<string, ContentRecord[]>)[type] ?? [];
}

export function buildPortal(
  site: Site,
  published: readonly ContentRecord[],
  types: readonly AnyTypeSpec[],
): Portal {
  const yearly = new Set(types.filter((t) => t.yearly).map((t) => t.type));
  const undated = new Set(types.filter((t) => t.undatedYears).map((t) => t.type));
  const reports = new Map<number, RecordOf<"report">>();
  const lists: Record<string, ContentRecord[]> = Object.fromEntries(types.map((t) => [t.type, []]));
  for (const record of published) {
    if (!yearly.has(record.type)) continue;
    lists[record.type].push(record);
    const path = record.id.split("/");
    if (path.length === 2) reports.set(Number(path[1]), record as RecordOf<"report">);
  }
  for (const type of yearly) lists[type].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const records = sortedNewestFirst(published.filter((r) => !yearly.has(r.type)));
  const byType = lists as ByType;
  const newsByColumn = new Map<string, RecordOf<"news">[]>(site.columns.map((c) => [c.name, []]));
  const byTopic = new Map<string, ContentRecord[]>(site.topics.map((t) => [t.name, []]));
  const byIndexNo = new Map<string, RecordOf<"policy">>();
  const years = new Set<number>();
  for (const record of records) {
    lists[record.type].push(record);
    if (record.year !== undefined && !undated.has(record.type)) years.add(record.year);
    if (record.type === "news") push(newsByColumn, record.fields.column, record);
    if (record.type === "policy") byIndexNo.set(record.fields.index_no, record);
    if ("topics" in record.fields) for (const topic of record.fields.topics) push(byTopic, topic, record);
  }
  const interpretationsOf = new Map<string, RecordOf<"policy">[]>();
  const interpretedDocOf = new Map<string, RecordOf<"policy">>();
  for (const policy of byType.policy) {
    const target = policy.fields.interprets && byIndexNo.get(policy.fields.interprets);
    if (!target) continue;
    push(interpretationsOf, target.fields.index_no, policy);
    interpretedDocOf.set(policy.fields.index_no, target);
  }
  return {
    site,
    types,
    records,
    byType,
    byUrl: new Map(records.map((r) => [r.url, r])),
    newsByColumn,
    byTopic,
    interpretationsOf,
    interpretedDocOf,
    years: [...years].sort((a, b) => b - a),
    reports,
  };
}
