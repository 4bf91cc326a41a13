/**
 * Where each published record went in the last build's portal (src/portal/portal-layout.ts): the
 * newest-first order and each record's type, year, column and topics, as numbers. Kept in the
 * build cache folder (`portal-layout.v8`) beside the record store, which opens and saves it, with
 * the store's generation and the number of published records then (kept-by-generation.ts). When
 * the generation holds, this build's records are that build's in the same order but for the
 * files read again (`Since.replacedAt`); if each of those kept its type, id, URL, date and draft
 * flag and as many records are published, the published records are that build's in the same
 * order (publishing moves one way with the clock: generation.ts), so the order and the types
 * stand and only the edited records' year, column and topics are read again. Anything else lays
 * out every record, as without the cache.
 */
import type { ContentRecord } from "../../content/types.ts";
import {
  rememberPortalLayout,
  type PortalLayout,
  type PortalLayoutMemo,
} from "../../portal/portal-layout.ts";
import { keptByGeneration, type KeptMemo } from "./kept-by-generation.ts";

const strings = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((name) => typeof name === "string");

function decode(stored: Record<string, unknown>): PortalLayout | undefined {
  const { types, count, yearly, order, type, year, column, columns, topicFrom, topicAt, topics } = stored;
  if (
    !strings(types) ||
    typeof count !== "number" ||
    !(yearly instanceof Int32Array) ||
    !(order instanceof Int32Array) ||
    !(type instanceof Int32Array) ||
    !(year instanceof Float64Array) ||
    !(column instanceof Int32Array) ||
    !strings(columns) ||
    !(topicFrom instanceof Int32Array) ||
    !(topicAt instanceof Int32Array) ||
    !strings(topics)
  )
    return undefined;
  const n = order.length;
  // Every place within its table: a damaged file is not taken.
  const within = (values: Int32Array, size: number, none = 0) => values.every((v) => v >= -none && v < size);
  if (
    yearly.length + n !== count ||
    type.length !== n ||
    year.length !== n ||
    column.length !== n ||
    topicFrom.length !== n + 1 ||
    topicFrom[0] !== 0 ||
    topicFrom[n] !== topicAt.length ||
    !topicFrom.every((v, k) => k === 0 || v >= topicFrom[k - 1]) ||
    !within(yearly, count) ||
    !within(order, count) ||
    !within(type, types.length) ||
    !within(column, columns.length, 1) ||
    !within(topicAt, topics.length) ||
    !eachOnce(count, yearly, order)
  )
    return undefined;
  return { types, count, yearly, order, type, year, column, columns, topicFrom, topicAt, topics };
}

/** Is each place below `count` in exactly one of `lists`, once? */
function eachOnce(count: number, ...lists: Int32Array[]): boolean {
  const seen = new Uint8Array(count);
  for (const list of lists)
    for (const place of list) {
      if (seen[place]) return false;
      seen[place] = 1;
    }
  return true;
}

const sameArray = <T>(a: ArrayLike<T>, b: ArrayLike<T>): boolean => {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
};

const same = (made: PortalLayout, was: PortalLayout): boolean =>
  made.count === was.count &&
  sameArray(made.types, was.types) &&
  sameArray(made.yearly, was.yearly) &&
  sameArray(made.order, was.order) &&
  sameArray(made.type, was.type) &&
  sameArray(made.year, was.year) &&
  sameArray(made.column, was.column) &&
  sameArray(made.columns, was.columns) &&
  sameArray(made.topicFrom, was.topicFrom) &&
  sameArray(made.topicAt, was.topicAt) &&
  sameArray(made.topics, was.topics);

/** Does `after` keep what places a record in the portal: type, id, URL, date, draft flag? */
const inPlace = (before: ContentRecord, after: ContentRecord): boolean =>
  before.type === after.type &&
  before.id === after.id &&
  before.url === after.url &&
  before.publishedAt === after.publishedAt &&
  Boolean(before.fields.draft) === Boolean(after.fields.draft);

/** The layout's view of the memo: only the first list of published records asked about is this build's. */
function layoutMemo(memo: KeptMemo<PortalLayout>): PortalLayoutMemo {
  let asked: readonly ContentRecord[] | undefined;
  return {
    kept: (published) => {
      asked ??= published;
      const stored = memo.kept;
      if (asked !== published || !stored || stored.total !== published.length) return undefined;
      const replaced = memo.since.replacedAt(stored.gen);
      if (!replaced || !replaced.every(([before, after]) => inPlace(before, after))) return undefined;
      // Not counted in `takenByGeneration`: an organ's file edited in place moves no record here.
      return { kept: stored, edited: replaced.map(([, after]) => after) };
    },
    made: (published, layout) => {
      if (asked === published) memo.note(published.length, layout);
    },
  };
}

const kept = keptByGeneration<PortalLayout>({
  file: "portal-layout.v8",
  decode,
  same,
  staleByCount: true,
  opened: (site, memo) => rememberPortalLayout(site, layoutMemo(memo)),
});

export const { open: openPortalLayout, stale: portalLayoutStale, save: savePortalLayout } = kept;
