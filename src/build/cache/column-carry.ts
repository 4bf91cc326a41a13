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
