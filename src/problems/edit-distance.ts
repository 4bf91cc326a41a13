/** Levenshtein distance, for "did you mean" suggestions on field names and declared values. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/** One slip in three characters (at least one): how far a declared name may be from what was written. */
const ONE_IN_THREE = (name: string) => Math.max(1, Math.floor(name.length / 3));

/**
 * The known name closest to what was written, when it is close enough to be a slip: within
 * `tolerance(name)` edits (default one character in three). "Did you mean" for values and keys.
 */
export function closestName(
  written: string,
  names: readonly string[],
  tolerance: (name: string) => number = ONE_IN_THREE,
): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of names) {
    const d = editDistance(written, name);
    if (d < bestDistance) [best, bestDistance] = [name, d];
  }
  return best !== undefined && bestDistance <= tolerance(best) ? best : undefined;
}
