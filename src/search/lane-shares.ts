/**
 * Which join lane (join-on-lanes.ts) lays out which of the buckets an edit touched. The step's
 * wall waits for the slower lane, and the buckets are far from alike: a common gram's bucket holds
 * megabytes of positions files, most others a few kilobytes. Dealt every other bucket, one lane
 * had ~40 % more work than the other after one edit at 50k items (738 against 515 samples in a
 * profile, ~0.5 s of wall under load). So each bucket goes, heaviest first, to the lane with the
 * least weight so far, weighed by the cached build's files of it (their gzip bytes, known from
 * their chunks). Which lane lays a bucket out changes no byte of the index.
 */
import type { PreviousGzip } from "./index-gzip.mjs";

/** A file of the cached build's with no chunks (under 8 KB before gzip, index-gzip.mjs): weighed as this many bytes. */
const SMALL_FILE = 2048;

/** A bucket's weight: the gzip bytes of the cached build's files of it, as `filesBefore` gives them. */
export function bucketWeight(files: readonly [string, string, PreviousGzip?][]): number {
  let weight = 0;
  for (const [, , previous] of files) {
    if (!previous) weight += SMALL_FILE;
    else for (const [, length] of previous.chunks) weight += length;
  }
  return weight;
}

/**
 * The buckets `relay` dealt to `count` lanes, heaviest first to the lightest lane so far (ties: the
 * lower bucket first, the lower lane); each lane's share ascending, as the buckets were dealt before.
 */
export function laneShares(
  relay: readonly number[],
  count: number,
  weightOf: (b: number) => number,
): number[][] {
  const weighed = relay.map((b) => [b, weightOf(b)] as const);
  weighed.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
  const parts: number[][] = Array.from({ length: count }, () => []);
  const load = new Array<number>(count).fill(0);
  for (const [b, weight] of weighed) {
    let lane = 0;
    for (let i = 1; i < count; i++) if (load[i] < load[lane]) lane = i;
    parts[lane].push(b);
    load[lane] += weight;
  }
  for (const part of parts) part.sort((x, y) => x - y);
  return parts;
}
