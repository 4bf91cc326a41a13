/**
 * Flags every build asks of many records: whether a record is a draft (every record, to publish
 * it and to weigh its problems), whether a news item is the 头条 and whether it has a cover (the
 * home page looks through the news for the 头条 and for the 焦点图's few with a cover). The
 * record store keeps them beside an unchanged record (src/build/cache/record-facts.ts, read
 * through src/content/kept.ts): a kept answer leaves the record's `fields` unread; any other
 * record answers from its fields.
 */
import { keptWith } from "./kept.ts";

type Flag = "draft" | "headline" | "cover";

/** The kept answer for `flag`, or else whether the record's field of that name is set. */
function flagOf(record: { fields: object }, flag: Flag): boolean {
  const kept = keptWith(record)?.[flag];
  return typeof kept === "boolean" ? kept : Boolean((record.fields as Partial<Record<Flag, unknown>>)[flag]);
}

/** Is `record` a draft (`draft: true`)? */
export const isDraft = (record: { fields: object }): boolean => flagOf(record, "draft");

/** Is `record` marked as the home page's 头条 (`headline: true`)? */
export const isHeadline = (record: { fields: object }): boolean => flagOf(record, "headline");

/** Has `record` a `cover` (a news item's picture for the 焦点图)? */
export const hasCover = (record: { fields: object }): boolean => flagOf(record, "cover");
