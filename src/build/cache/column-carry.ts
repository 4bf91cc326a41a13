/**
 * A column of the cache's index written by carrying the previous index's text over: at 50k items
 * the page columns (files, keys, SHA-256s, hints) are ~95k rows and ~20 MB of text, and a one-edit
 * build changes a few thousand of their rows (the hints of the pages of the lists that hold the
 * edited record, the keys of the ~20 pages rendered). Joining every row again, and testing each
 * for a line break, was most of the index's writing. Here the rows equal to the previous column's
 * at the same place are taken from its text in runs (one slice per run); only the others are
 * written out. The result is the text `next.join("\n")` would give, character for character.
 */

/** What `carriedLines` made: the column's text, and how many of its rows came from the previous text. */
export interface CarriedLines {
  text: string;
  carried: number;
}

/**
 * `next.join("\n")`, made from `previousText` (which is `previous.join("\n")`) where rows of
 * `next` are those of `previous` at the same place; undefined when a row not carried holds a line
 * break (the column is then not one string a line: index-sections.ts writes it as JSON).
 */
export function carriedLines(
  previous: readonly string[],
  previousText: string,
  next: readonly string[],
): CarriedLines | undefined {
  const parts: string[] = [];
  const shared = Math.min(previous.length, next.length);
  let carried = 0;
  /** Where row `i` of the previous column starts in its text. */
  let at = 0;
  /** Where the run of carried rows being gathered starts in the previous text (-1: none). */
  let runFrom = -1;
  let runTo = 0;
  for (let i = 0; i < shared; i++) {
    const before = previous[i];
    const row = next[i];
    const end = at + before.length;
    if (row === before) {
      if (runFrom < 0) runFrom = at;
      runTo = end;
      carried++;
    } else {
      if (runFrom >= 0) parts.push(previousText.slice(runFrom, runTo));
      runFrom = -1;
      if (row.includes("\n")) return undefined;
      parts.push(row);
    }
    at = end + 1;
  }
  if (runFrom >= 0) parts.push(previousText.slice(runFrom, runTo));
  for (let i = shared; i < next.length; i++) {
    if (next[i].includes("\n")) return undefined;
    parts.push(next[i]);
  }
  return { text: parts.length === 1 ? parts[0] : parts.join("\n"), carried };
}

/** What `carriedBytes` made: the column's bytes in parts (to be written one after another). */
export interface CarriedBytes {
  parts: Uint8Array[];
  carried: number;
}

/** The line break between two parts: every part is whole rows, with none at either end. */
const NEWLINE = Buffer.from("\n");

/**
 * The bytes of `next.join("\n")` (UTF-8), as parts: the runs of rows equal to `previous` at the
 * same place are views of `previousAscii`, the previous column's bytes (ASCII: a row's place in
 * its text is its place in the bytes), and only the rows between them are encoded. Making the
 * text of `carriedLines` and encoding all of it (~17 MB at 50k items) was most of writing the
 * index after one edit. Undefined when a row not carried holds a line break (as `carriedLines`).
 */
export function carriedBytes(
  previous: readonly string[],
  previousAscii: Uint8Array,
  next: readonly string[],
): CarriedBytes | undefined {
  const parts: Uint8Array[] = [];
  /** Rows not carried since the last run, encoded together when a run (or the end) comes. */
  let fresh: string[] = [];
  const push = (part: Uint8Array) => {
    if (parts.length > 0) parts.push(NEWLINE);
    parts.push(part);
  };
  const shared = Math.min(previous.length, next.length);
  let carried = 0;
  let at = 0;
  let runFrom = -1;
  let runTo = 0;
  const flush = (): void => {
    if (fresh.length > 0) {
      const text = fresh.join("\n");
      fresh = [];
      push(Buffer.from(text));
    }
  };
  for (let i = 0; i < shared; i++) {
    const before = previous[i];
    const row = next[i];
    const end = at + before.length;
    if (row === before) {
      if (runFrom < 0) {
        flush();
        runFrom = at;
      }
      runTo = end;
      carried++;
    } else {
      if (runFrom >= 0) push(previousAscii.subarray(runFrom, runTo));
      runFrom = -1;
      if (row.includes("\n")) return undefined;
      fresh.push(row);
    }
    at = end + 1;
  }
  if (runFrom >= 0) push(previousAscii.subarray(runFrom, runTo));
  for (let i = shared; i < next.length; i++) {
    if (next[i].includes("\n")) return undefined;
    fresh.push(next[i]);
  }
  flush();
  return { parts, carried };
}
