/**
 * The published records, sorted once and grouped once: everything the pages, feeds, tallies and
 * search index read. Newest first; ties broken by id so the order never varies between builds.
 */
import type { Site } from "../config/schema.ts";
import type { ContentRecord, ContentType, RecordOf } from "../content/types.ts";

type ByType = { [T in ContentType]: RecordOf<T>[] };

export interface Portal {
  site: Site;
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
  /** The yearly report files (content/reports/<year>.md) by year; not items, so not in `records`. */
  reports: Map<number, RecordOf<"report">>;
}

export function newestFirst(a: ContentRecord, b: ContentRecord): number {
  return b.publishedAt - a.publishedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function buildPortal(site: Site, published: readonly ContentRecord[]): Portal {
  const reports = new Map<number, RecordOf<"report">>();
  for (const record of published)
    if (record.type === "report") reports.set(Number(record.id.split("/")[1]), record);
  const records = published.filter((r) => r.type !== "report").sort(newestFirst);
  const byType: ByType = {
    news: [],
    policy: [],
    video: [],
    guide: [],
    periodical: [],
    topic: [],
    page: [],
    report: [...reports.values()],
  };
  const newsByColumn = new Map<string, RecordOf<"news">[]>(site.columns.map((c) => [c.name, []]));
  const byTopic = new Map<string, ContentRecord[]>(site.topics.map((t) => [t.name, []]));
  const byIndexNo = new Map<string, RecordOf<"policy">>();
  const years = new Set<number>();
  for (const record of records) {
    (byType[record.type] as ContentRecord[]).push(record);
    if (record.year !== undefined && record.type !== "page") years.add(record.year);
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
