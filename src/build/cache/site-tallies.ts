/**
 * The site's tallies and statistics audit lists (src/tallies/compute.ts, audit.ts) kept in the
 * build cache folder (`site-tallies.v8`) beside the record store, which opens and saves them as
 * it does the organs' counts (organ-counts.ts). Their input is every record, so any edit changes
 * it: they are kept per run of records instead. The portal's records are cut into runs after each
 * record whose URL hashes to 0 mod 128 (~128 records a run, the cuts the same whatever the
 * records say), and a run's counts and audit lists (as places among its records; with the years
 * they were listed for, which the policy and guide rows depend on) are kept under the digest of
 * its records' digests. After one edit only the edited record's run is counted again; the runs
 * are added up and joined in order, which gives the maps and lists one pass gives. The file is
 * keyed by the record store's key (the code, the site config, the types).
 */
import { readKeyedFile, writeKeyedFile } from "./keyed-file.ts";
import type { Site } from "../../config/schema.ts";
import type { ContentRecord } from "../../content/types.ts";
import { rememberAuditLists, type AuditListMemo, type AuditLists } from "../../tallies/audit.ts";
import { rememberTallyCounts, type TallyCountMemo, type TallyCounts } from "../../tallies/compute.ts";
import { itemsKey } from "./organ-counts.ts";

const FILE = "site-tallies.v8";
/** A run ends after a record whose URL's hash is 0 modulo this. */
let cutEvery = 128;

/** Shorter runs, so that a small portal has many (tests): `every` records a run on average. */
export function cutRunsEvery(every: number): void {
  cutEvery = every;
}

interface Kept {
  /** The digest of its records' digests, in order (organ-counts.ts `itemsKey`). */
  items: string;
  counts: TallyCounts;
  audits?: KeptAudits;
}

/**
 * A run's audit lists: the years listed for (joined by commas), the lists' keys, and their places
 * among the run's records end to end (`ends[i]`: where list i ends). A typed array per list was
 * ~38k at 50k items, each a host object node:v8 reads back through a JS callback (~85 ms).
 */
interface KeptAudits {
  years: string;
  keys: string[];
  ends: Int32Array;
  places: Int32Array;
}

interface Stored {
  key: string;
  runs: Kept[];
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

/** How many runs this process took from the cache since it was opened (tests). */
let taken = 0;
export const tallyRunsTaken = (): number => taken;

/** One run as this build has it: what was kept for it (when its records are the same), and its results. */
interface Now {
  records: readonly ContentRecord[];
  kept?: Kept;
  counts?: TallyCounts;
  audits?: { years: string; lists: AuditLists };
}

class SiteTallies implements TallyCountMemo, AuditListMemo {
  readonly now = new Map<readonly ContentRecord[], Now>();
  /** Did this build count or list anything (so a save writes other runs than those read back)? */
  changed = false;

  constructor(
    readonly key: string,
    private readonly kept: Map<string, Kept>,
    private readonly storedDigest: (record: object) => string | undefined,
  ) {}

  private run(records: readonly ContentRecord[]): Now {
    let now = this.now.get(records);
    if (!now) {
      const key = itemsKey(records, this.storedDigest);
      now = { records, kept: key === undefined ? undefined : this.kept.get(key) };
      this.now.set(records, now);
    }
    return now;
  }

  counts(
    records: readonly ContentRecord[],
    count: (run: readonly ContentRecord[]) => TallyCounts,
  ): TallyCounts[] {
    return recordRuns(records).map((records) => {
      const now = this.run(records);
      if (now.kept) return (taken++, now.kept.counts);
      this.changed = true;
      return (now.counts ??= count(records));
    });
  }

  audits(
    records: readonly ContentRecord[],
    years: readonly number[],
    list: (run: readonly ContentRecord[]) => AuditLists,
  ): AuditLists[] {
    const listed = years.join(",");
    return recordRuns(records).map((records) => {
      const now = this.run(records);
      const kept = now.kept?.audits;
      const lists = kept?.years === listed ? decoded(kept, records) : undefined;
      if (lists) return lists;
      this.changed = true;
      if (now.audits?.years !== listed) now.audits = { years: listed, lists: list(records) };
      return now.audits.lists;
    });
  }

  stale(): boolean {
    return this.changed || this.now.size !== this.kept.size;
  }
}

/** The lists kept for a run of `records`, or undefined when they do not fit it (then they are made again). */
function decoded(
  { keys, ends, places }: KeptAudits,
  records: readonly ContentRecord[],
): AuditLists | undefined {
  if (ends.length !== keys.length || (ends.at(-1) ?? 0) !== places.length) return undefined;
  const lists: AuditLists = new Map();
  let from = 0;
  for (let k = 0; k < keys.length; k++) {
    const to = ends[k];
    if (to < from) return undefined;
    const list: ContentRecord[] = [];
    for (let i = from; i < to; i++) {
      const record = records[places[i]];
      if (record === undefined) return undefined;
      list.push(record);
    }
    lists.set(keys[k], list);
    from = to;
  }
  return lists;
}

/** A run's results as kept: places among its records (undefined when a listed record is not one of them). */
function encode(now: Now, items: string): Kept | undefined {
  const counts = now.counts ?? now.kept?.counts;
  if (!counts) return undefined;
  let audits = now.kept?.audits;
  if (now.audits) {
    const at = new Map<object, number>(now.records.map((record, i) => [record, i]));
    const [keys, ends, places]: [string[], number[], number[]] = [[], [], []];
    for (const [key, records] of now.audits.lists) {
      for (const record of records) places.push(at.get(record) ?? -1);
      keys.push(key);
      ends.push(places.length);
    }
    if (places.includes(-1)) return undefined;
    audits = { years: now.audits.years, keys, ends: Int32Array.from(ends), places: Int32Array.from(places) };
  }
  return { items, counts, audits };
}

const opened = new WeakMap<Site, SiteTallies>();

/**
 * Takes the runs kept in `cacheDir` for the store key `key` (none when another key's or
 * unreadable); `digestOf` gives the digests the record store kept.
 */
export function openSiteTallies(
  cacheDir: string,
  site: Site,
  key: string,
  digestOf: (record: object) => string | undefined,
): void {
  taken = 0;
  const kept = new Map<string, Kept>();
  // None kept (or another key's, or unreadable): every run is counted.
  const stored = readKeyedFile(cacheDir, FILE, key);
  if (Array.isArray(stored?.runs))
    for (const run of stored.runs) if (wellFormed(run)) kept.set(run.items, run);
  const memo = new SiteTallies(key, kept, digestOf);
  opened.set(site, memo);
  rememberTallyCounts(site, memo);
  rememberAuditLists(site, memo);
}

function wellFormed(run: unknown): run is Kept {
  const kept = run as Partial<Kept> | undefined;
  return (
    typeof kept?.items === "string" &&
    kept.counts?.byYear instanceof Map &&
    kept.counts.total instanceof Map &&
    kept.counts.validDelta instanceof Map &&
    kept.counts.guideDelta instanceof Map &&
    kept.counts.publishedYears instanceof Set &&
    (kept.audits === undefined ||
      (typeof kept.audits.years === "string" &&
        Array.isArray(kept.audits.keys) &&
        kept.audits.keys.every((key) => typeof key === "string") &&
        kept.audits.ends instanceof Int32Array &&
        kept.audits.places instanceof Int32Array))
  );
}

/** Would a save write other runs than those read back? */
export const siteTalliesStale = (site: Site): boolean => opened.get(site)?.stale() ?? false;

/** Keeps this build's runs, each under its records' digests (`digestOf`: the build's). */
export function saveSiteTallies(
  cacheDir: string,
  site: Site,
  digestOf: (record: object) => string | undefined,
): void {
  const memo = opened.get(site);
  if (!memo?.stale()) return;
  const runs: Kept[] = [];
  for (const now of memo.now.values()) {
    const items = now.kept?.items ?? itemsKey(now.records, digestOf);
    const kept = items === undefined ? undefined : encode(now, items);
    if (kept) runs.push(kept);
  }
  writeKeyedFile(cacheDir, FILE, { key: memo.key, runs } satisfies Stored);
  opened.delete(site);
}
