/**
 * This build's records matched with the last build's by place (list-members.ts): the last
 * build's digests are one string, each WIDTH characters and a line break, a record's number its
 * line. The two sequences are walked side by side; where the digests at the two places differ,
 * the next few places on either side are tried for the same digest again (a record added, removed,
 * or edited in place; a record whose date moved it is one removed and one added). Only equal
 * digests are matched, so a match is always right; a record left unmatched only makes the lists
 * that hold it (now, or then) walked. No digest is hashed, split out or looked up in a Map: one
 * compare in place per record (~50k at 50k items) when few changed.
 */

/** The length of a record's digest (SHA-1 in base64url, digest.ts `hashText`). */
export const WIDTH = 27;
/** How many places on a mismatch is looked past for the sequences to agree again. */
const LOOK = 8;

export interface RecordMatch {
  /** The last build's number → this build's, -1 for gone; undefined when more changed than allowed. */
  nextOfPrev?: Int32Array;
  /** This build's numbers of the records matched with none of the last build's (up to the limit). */
  changed: number[];
  /** How many of the last build's records were matched with none of this build's. */
  gone: number;
}

export function matchRecords(
  prev: string,
  now: readonly string[],
  maxChanged: number,
  maxGone: number,
): RecordMatch {
  const m = prev.length === 0 ? 0 : (prev.length + 1) / (WIDTH + 1);
  const n = now.length;
  const nextOfPrev = new Int32Array(m).fill(-1);
  const changed: number[] = [];
  let gone = 0;
  /** Is this build's record i the last build's j? */
  const same = (i: number, j: number) =>
    i < n && j < m && now[i].length === WIDTH && prev.startsWith(now[i], j * (WIDTH + 1));
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (changed.length > maxChanged || gone > maxGone) return { changed, gone };
    if (same(i, j)) {
      nextOfPrev[j++] = i++;
      continue;
    }
    let added = 1;
    let removed = 1;
    for (let k = 1; k <= LOOK; k++) {
      if (same(i + k, j + k)) {
        [added, removed] = [k, k];
        break;
      }
      if (same(i + k, j)) {
        [added, removed] = [k, 0];
        break;
      }
      if (same(i, j + k)) {
        [added, removed] = [0, k];
        break;
      }
    }
    for (const end = Math.min(n, i + added); i < end; i++) changed.push(i);
    const end = Math.min(m, j + removed);
    gone += end - j;
    j = end;
  }
  if (changed.length > maxChanged || gone > maxGone) return { changed, gone };
  return { nextOfPrev, changed, gone };
}
