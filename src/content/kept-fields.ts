/**
 * The few small fields that the load reads of every record of a type: the policy passes (the
 * checks across policies, the 文件变更 checks, the catalogue's groups, the portal's 解读 maps, the
 * 解读 checks and coverage), the guide, video and periodical lists, the tallies' cells and the
 * organs' categories. The record store keeps them beside an unchanged record (src/build/cache/
 * record-facts.ts, read through src/content/kept.ts): a record whose fields are made on first
 * read then has them made only when a page or the search index shows it. Any other record (a
 * file read this build, a copy, a platform's shared file) answers from its `fields`.
 *
 * A reader takes `fieldsRead(record)` instead of `record.fields` for these fields alone: the
 * kept object has no other key. A field added to a list is kept from the next build on (the store
 * is keyed by the code, src/build/cache/records.ts).
 */
import { keptWith } from "./kept.ts";
import type { ContentRecord, ContentType, FieldsOf } from "./types.ts";

/** Per type, the fields kept. `department` and `topics` wherever the type has them (the tallies' cells ask `in`). */
export const KEPT_FIELDS = {
  policy: [
    "index_no",
    "doc_no",
    "interprets",
    "kind",
    "validity",
    "validity_changed",
    "category",
    "issuer",
    "department",
    "topics",
    "amends",
    "repeals",
    "replaces",
    "form",
    "video",
    "event",
  ],
  guide: ["title", "item_type", "department"],
  video: ["kind", "department", "topics"],
  periodical: ["periodical"],
  news: ["column", "department", "topics"],
} as const satisfies { [T in ContentType]?: readonly (keyof FieldsOf<T>)[] };

type KeptType = keyof typeof KEPT_FIELDS;

/** The kept fields of a record of type `T`. */
export type FieldsKept<T extends KeptType> = Pick<FieldsOf<T>, Extract<(typeof KEPT_FIELDS)[T][number], keyof FieldsOf<T>>>;

/** What `fieldsRead` gives for any record: its kept fields, or all of them for a type with none kept. */
export type FieldsReadOf<R extends ContentRecord> = R extends { type: infer T }
  ? T extends KeptType
    ? FieldsKept<T>
    : R["fields"]
  : never;

const listOf = (type: string): readonly string[] | undefined =>
  Object.hasOwn(KEPT_FIELDS, type) ? (KEPT_FIELDS as Record<string, readonly string[]>)[type] : undefined;

/**
 * `record`'s kept fields when the store kept them, else its `fields` (which have them all). Only
 * the fields listed in KEPT_FIELDS for its type may be read from what this gives.
 */
export function fieldsRead<R extends ContentRecord>(record: R): FieldsReadOf<R> {
  const kept = keptWith(record);
  if (kept?.fields === undefined) return record.fields as FieldsReadOf<R>;
  if (kept.fieldsMade === undefined) kept.fieldsMade = objectOf(record.type, kept.fields) ?? null;
  return (kept.fieldsMade ?? record.fields) as FieldsReadOf<R>;
}

/** The kept values of a record of `type` as the object of its fields, or undefined when not of its list. */
function objectOf(type: string, values: unknown): object | undefined {
  const list = listOf(type);
  if (!list || !Array.isArray(values) || values.length > list.length) return undefined;
  const made: Record<string, unknown> = {};
  for (let i = 0; i < values.length; i++) if (values[i] !== null) made[list[i]] = values[i];
  return made;
}

/**
 * The fields to keep of `record`: their values in its type's KEPT_FIELDS order, null where it has
 * none (no field is null: the schemas give undefined), trailing nulls left out. A list and not an
 * object: the store interns whole facts as JSON, and the names of keys were a sixth of its table
 * at 50k items (the rest is the facts these values make distinct: docs/performance.md, fields46).
 * Undefined for a type with none kept, or a value JSON would not give back as it is (the readers
 * then read the record's `fields`).
 */
export function fieldsToKeep(record: ContentRecord): readonly unknown[] | undefined {
  const list = listOf(record.type);
  if (!list) return undefined;
  // A record the store gave back keeps what it kept: its `fields` stay unread.
  const known = keptWith(record)?.fields;
  if (known !== undefined) return known;
  const fields = record.fields as Record<string, unknown>;
  const kept: unknown[] = [];
  for (const key of list) {
    const value = fields[key];
    if (value !== undefined && !jsonSafe(value)) return undefined;
    kept.push(value ?? null);
  }
  while (kept.length > 0 && kept[kept.length - 1] === null) kept.pop();
  return kept;
}

/** Strings, finite numbers, booleans, and arrays and plain objects of them. */
function jsonSafe(value: unknown): boolean {
  if (typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(jsonSafe);
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype)
    return Object.values(value).every((v) => v !== undefined && jsonSafe(v));
  return false;
}
