/**
 * The strings of a record's fields that are placeholders or name a /media/ file: what the record
 * checks (record-checks.ts) and the media plan (src/media/embargo.ts) look for, found once per
 * record instead of walking every field of every record twice. The build cache's record store
 * keeps them with the record (src/build/cache/record-facts.ts): a record depends only on its
 * file, the code and the site config, which key the store. Whether a named file exists is still
 * decided on every build from the media index.
 */
import type { ContentRecord } from "../content/types.ts";
import { isPlaceholder } from "../content/placeholders.ts";
import { stringsOf } from "./locate.ts";
import { keptWith } from "../content/kept.ts";

/** A field string with its path: attachments[0].file → ["attachments", 0, "file"]. */
export type FieldString = [(string | number)[], string];

const notable = new WeakMap<object, FieldString[]>();

/** The strings of a record's fields that are placeholders or start with /media/, in field order. */
export function notableStrings(record: ContentRecord): FieldString[] {
  let found = notableStringsKnown(record);
  if (!found) {
    found = stringsOf(record.fields).filter(
      ([, value]) => value.startsWith("/media/") || isPlaceholder(value),
    ) as FieldString[];
    notable.set(record, found);
  }
  return found;
}

/**
 * The strings another thread found in its copy of `record` (src/build/parallel/): each record's
 * fields are walked once per build, on the thread that read its file, not on both threads.
 */
export function knowNotableStrings(record: object, strings: FieldString[]): void {
  notable.set(record, strings);
}

/** The strings found in `record` by this process or kept with it by the record store, if any. */
export const notableStringsKnown = (record: object): FieldString[] | undefined =>
  notable.get(record) ?? (keptWith(record)?.strings as FieldString[] | undefined);
