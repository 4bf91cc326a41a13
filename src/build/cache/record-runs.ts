/**
 * The runs the site's tallies are kept by (site-tallies.ts): the portal's records cut after each
 * record whose URL hashes to 0 mod 128 (~128 records a run, the cuts the same whatever the records
 * say), or cut where the last build cut them when the store's generation shows the records are
 * that build's in the same order (generation.ts).
 */
import type { ContentRecord } from "../../content/types.ts";

/** A run ends after a record whose URL's hash is 0 modulo this. */
let cutEvery = 128;

/** Shorter runs, so that a small portal has many (tests): `every` records a run on average. */
export function cutRunsEvery(every: number): void {
  cutEvery = every;
}

/** FNV-1a of the URL: where runs end does not depend on what the records say. */
function endsRun(url: string): boolean {
  let h = 0x811c9dc5;
  for (let i = 0; i < url.length; i++) h = Math.imul(h ^ url.charCodeAt(i), 0x01000193);
  return (h >>> 0) % cutEvery === 0;
}

/** The runs of the portal's records, in order. */
const runsOf = new WeakMap<readonly ContentRecord[], ContentRecord[][]>();
export function recordRuns(records: readonly ContentRecord[]): ContentRecord[][] {
  let runs = runsOf.get(records);
  if (runs) return runs;
  runs = [];
  let run: ContentRecord[] = [];
  for (const record of records) {
    run.push(record);
    if (endsRun(record.url)) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length) runs.push(run);
  runsOf.set(records, runs);
  return runs;
}

/**
 * The runs of `records` cut at the kept `lengths` (the last build's runs, when the records are
 * that build's in the same order), or undefined when they do not add up or a run does not end
 * where `recordRuns` would end it (then the runs are cut by the URLs).
 */
export function runsAt(
  records: readonly ContentRecord[],
  lengths: Int32Array,
): ContentRecord[][] | undefined {
  const runs: ContentRecord[][] = [];
  let at = 0;
  for (let k = 0; k < lengths.length; k++) {
    const end = at + lengths[k];
    if (lengths[k] <= 0 || end > records.length) return undefined;
    // Only the last run may end without a cut.
    if (k < lengths.length - 1 && !endsRun(records[end - 1].url)) return undefined;
    runs.push(records.slice(at, end));
    at = end;
  }
  if (at !== records.length) return undefined;
  runsOf.set(records, runs);
  return runs;
}
