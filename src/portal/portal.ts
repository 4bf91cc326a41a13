/**
 * The published records, sorted once and grouped once: everything the pages, feeds, tallies and
 * search index read. Newest first; ties broken by id so the order never varies between builds.
 */
import type { Site } from "../config/schema.ts";
import type { ContentRecord, ContentType, RecordOf } from "../content/types.ts";
import type { AnyTypeSpec } from "../content-types/spec.ts";
import { push } from "./group.ts";
import { portalLayout } from "./portal-layout.ts";

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

/** The list of `names[place]` in `map`, added to it when first asked for (as `push` does). */
function listsOf<R>(map: Map<string, R[]>, names: readonly string[]): (place: number) => R[] {
  const lists: (R[] | undefined)[] = names.map(() => undefined);
  return (place) => {
    let list = lists[place];
    if (list === undefined) {
      const name = names[place];
      list = map.get(name) ?? [];
      if (!map.has(name)) map.set(name, list);
      lists[place] = list;
    }
    return list;
  };
}

/** The records of one type of the list, as the spec's functions see them. */
export function recordsOf(portal: Portal, type: string): ContentRecord[] {
  return (portal.byType as Record<string, ContentRecord[]>)[type] ?? [];
}

/**
 * The portal of `published` (`shared`: some of them are a platform's shared files, read again by
 * every build), grouped from its layout (portal-layout.ts): where each record goes, as numbers
 * read from the records or kept by the build cache and patched for the edited ones.
 */
export function buildPortal(
  site: Site,
  published: readonly ContentRecord[],
  types: readonly AnyTypeSpec[],
  shared = false,
): Portal {
  const { layout, records } = portalLayout(site, published, types, shared);
  const typeLists = types.map((): ContentRecord[] => []);
  const lists: Record<string, ContentRecord[]> = Object.fromEntries(
    types.map((t, i) => [t.type, typeLists[i]]),
  );
  const reports = new Map<number, RecordOf<"report">>();
  for (const place of layout.yearly) {
    const record = published[place];
    lists[record.type].push(record);
    const path = record.id.split("/");
    if (path.length === 2) reports.set(Number(path[1]), record as RecordOf<"report">);
  }
  for (const t of types) if (t.yearly) lists[t.type].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byType = lists as ByType;
  const newsByColumn = new Map<string, RecordOf<"news">[]>(site.columns.map((c) => [c.name, []]));
  const byTopic = new Map<string, ContentRecord[]>(site.topics.map((t) => [t.name, []]));
  const policyType = types.findIndex((t) => t.type === "policy");
  const byIndexNo = new Map<string, RecordOf<"policy">>();
  const years = new Set<number>();
  const { type, year, column, topicFrom, topicAt } = layout;
  // Each column's and topic's list found once, when first met: the maps' keys in the order `push` adds them.
  const columnLists = listsOf(newsByColumn, layout.columns);
  const topicLists = listsOf(byTopic, layout.topics);
  let lastYear = NaN;
  for (let k = 0; k < records.length; k++) {
    const record = records[k];
    typeLists[type[k]].push(record);
    // Newest first: a year comes as a run of records.
    if (year[k] !== lastYear && !Number.isNaN(year[k])) years.add((lastYear = year[k]));
    if (column[k] >= 0) columnLists(column[k]).push(record as RecordOf<"news">);
    if (type[k] === policyType) {
      const policy = record as RecordOf<"policy">;
      byIndexNo.set(policy.fields.index_no, policy);
    }
    for (let j = topicFrom[k]; j < topicFrom[k + 1]; j++) topicLists(topicAt[j]).push(record);
  }
  // The 解读 maps' keying rule, which the build cache relies on (cache/interpretation-reads.ts: a
  // one-edit build skips the digest of every entry an edit cannot reach): `interpretationsOf.get(k)`
  // is the published policies whose `interprets` is k, in `byType.policy`'s order, when a published
  // policy has the 索引号 k (else no entry); `interpretedDocOf.get(k)` is, for the last published
  // policy with the 索引号 k whose `interprets` names a published policy's 索引号 t, the last
  // published policy with the 索引号 t. Nothing else goes in: change this and that file together.
  const interpretationsOf = new Map<string, RecordOf<"policy">[]>();
  const interpretedDocOf = new Map<string, RecordOf<"policy">>();
  for (const policy of byType.policy) {
    const target = policy.fields.interprets && byIndexNo.get(policy.fields.interprets);
    if (!target) continue;
    push(interpretationsOf, target.fields.index_no, policy);
    interpretedDocOf.set(policy.fields.index_no, target);
  }
  // Set one by one: no [url, record] pair made per record (50k at 50k items), the same map.
  const byUrl = new Map<string, ContentRecord>();
  for (const r of records) byUrl.set(r.url, r);
  return {
    site,
    types,
    records,
    byType,
    byUrl,
    newsByColumn,
    byTopic,
    interpretationsOf,
    interpretedDocOf,
    years: [...years].sort((a, b) => b - a),
    reports,
  };
}
