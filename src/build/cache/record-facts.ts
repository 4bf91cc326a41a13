/**
 * What the checks take from a record alone, kept by the record store (records.ts) beside it: the
 * field strings that are placeholders or name media (src/check/notable-strings.ts) and the body's
 * links (src/check/body-links.ts) and the line of a placeholder left in the body
 * (src/check/body-placeholder.ts). An unchanged file keeps its record, so a one-edit build walks
 * the fields and reads the body of the edited file only. Only what a record says is kept, never
 * a verdict that depends on other files (whether a link resolves is decided on every build).
 */
import { keepNotableStrings, notableStringsKnown, type FieldString } from "../../check/notable-strings.ts";
import { cleanMarksAdded, markedAnew, restoreClean } from "../../check/wording/clean-records.ts";
import type { RecordCache, RecordCacheEntry } from "../../content/record-cache.ts";
import { bodyLinksKnown, keepBodyLinks, type BodyLinks } from "../../check/body-links.ts";
import {
  bodyPlaceholderKnown,
  keepBodyPlaceholder,
  placeholderFoundAnew,
  placeholdersAdded,
} from "../../check/body-placeholder.ts";

/** Plain data (the store serializes it). */
export interface RecordFacts {
  strings?: FieldString[];
  links?: BodyLinks;
  /** The body's first placeholder line (src/check/body-placeholder.ts), -1 for none. */
  placeholder?: number;
}

/** What this process knows of `record` alone, or null. */
export function factsOf(record: object): RecordFacts | null {
  const strings = notableStringsKnown(record);
  const links = bodyLinksKnown(record);
  const placeholder = bodyPlaceholderKnown(record);
  return strings || links || placeholder !== undefined ? { strings, links, placeholder } : null;
}

/** Facts a store kept for `record` (shapes checked: a malformed fact is found again instead). */
export function keepFacts(record: object, facts: unknown): void {
  if (!facts || typeof facts !== "object") return;
  const { strings, links, placeholder } = facts as RecordFacts;
  if (Array.isArray(strings)) keepNotableStrings(record, strings);
  if (Number.isInteger(placeholder) && placeholder! >= -1) keepBodyPlaceholder(record, placeholder!);
  if (
    links &&
    typeof links.allowHtml === "boolean" &&
    Array.isArray(links.links) &&
    Array.isArray(links.html)
  )
    keepBodyLinks(record, links);
}

/** A wording clean mark the store kept (src/check/wording/clean-records.ts). */
export function keepCleanMark(record: object, signature: unknown): void {
  if (typeof signature === "string") restoreClean(record, signature);
}

/** Per-record values a store kept in entry order, each given to `keep` with its record. */
export function keepEach(
  entries: readonly [string, RecordCacheEntry][],
  values: unknown,
  keep: (record: object, value: unknown) => void,
): void {
  if (!Array.isArray(values) || values.length !== entries.length) return;
  entries.forEach(([, entry], i) => {
    if (entry?.result?.record) keep(entry.result.record, values[i]);
  });
}

/** The files whose unchanged record got a wording mark or a placeholder line for the first time in this process. */
export function newFactsUnread(cache: RecordCache): string[] {
  if (!cleanMarksAdded() && !placeholdersAdded()) return [];
  const anew = (r: object) => markedAnew(r) || placeholderFoundAnew(r);
  const files: string[] = [];
  for (const [abs, entry] of cache.snapshot())
    if (entry.result.record && anew(entry.result.record) && !cache.touched.has(abs)) files.push(abs);
  return files;
}
