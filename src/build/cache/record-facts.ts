/**
 * What the checks take from a record alone, kept by the record store (records.ts) beside it: the
 * field strings that are placeholders or name media (src/check/notable-strings.ts) and the body's
 * links (src/check/body-links.ts). An unchanged file keeps its record, so a one-edit build walks
 * the fields and parses the body of the edited file only. Only what a record says is kept, never
 * a verdict that depends on other files (whether a link resolves is decided on every build).
 */
import { keepNotableStrings, notableStringsKnown, type FieldString } from "../../check/notable-strings.ts";
import { restoreClean } from "../../check/wording/clean-records.ts";
import type { RecordCacheEntry } from "../../content/record-cache.ts";
import { bodyLinksKnown, keepBodyLinks, type BodyLinks } from "../../check/body-links.ts";

/** Plain data (the store serializes it). */
export interface RecordFacts {
  strings?: FieldString[];
  links?: BodyLinks;
}

/** What this process knows of `record` alone, or null. */
export function factsOf(record: object): RecordFacts | null {
  const strings = notableStringsKnown(record);
  const links = bodyLinksKnown(record);
  return strings || links ? { strings, links } : null;
}

/** Facts a store kept for `record` (shapes checked: a malformed fact is found again instead). */
export function keepFacts(record: object, facts: unknown): void {
  if (!facts || typeof facts !== "object") return;
  const { strings, links } = facts as RecordFacts;
  if (Array.isArray(strings)) keepNotableStrings(record, strings);
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
