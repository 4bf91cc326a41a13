/**
 * Where a record's body still holds the placeholder `npm run new` writes: the line of its first
 * 【待填写】 counted from the body's first line, or -1 for none. The record checks
 * (record-checks.ts) report it; the record store keeps it with the record
 * (src/build/cache/record-facts.ts), so a build scans the bodies of the files it read, not every
 * body (at 50k items ~24M characters scanned on every build; and a body no check reads need not
 * be held at all by a later store). It depends on the body alone.
 */
import type { ContentRecord } from "../content/types.ts";
import { PLACEHOLDER } from "../content/placeholders.ts";

const found = new WeakMap<object, number>();

/**
 * Records whose line this process found since the last `forgetPlaceholdersAdded` (not taken from the
 * store): a store that lacks them (a fill checks on a worker thread, whose facts never reach it)
 * must keep them, or every later build scans those bodies again.
 */
let fresh = new WeakSet<object>();
let freshCount = 0;

/** The line of the first placeholder in `record`'s body, counted from its first line; -1: none. */
export function bodyPlaceholderLine(record: ContentRecord): number {
  let line = found.get(record);
  if (line === undefined) {
    const at = record.body.indexOf(PLACEHOLDER);
    line = at < 0 ? -1 : record.body.slice(0, at).split("\n").length - 1;
    found.set(record, line);
    fresh.add(record);
    freshCount++;
  }
  return line;
}

/** The line this process knows for `record`, if any. */
export const bodyPlaceholderKnown = (record: object): number | undefined => found.get(record);

/** A line the record store kept for `record`: nothing new to save. */
export function keepBodyPlaceholder(record: object, line: number): void {
  found.set(record, line);
}

/** Were lines found (not taken from the store) since the last `forgetPlaceholdersAdded`? */
export const placeholdersAdded = (): boolean => freshCount > 0;

/** Was `record`'s line found since the last `forgetPlaceholdersAdded`? */
export const placeholderFoundAnew = (record: object): boolean => fresh.has(record);

/** Called once the store holds every line found. */
export function forgetPlaceholdersAdded(): void {
  fresh = new WeakSet();
  freshCount = 0;
}
