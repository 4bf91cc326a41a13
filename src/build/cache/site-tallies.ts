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
 * keyed by the record store's key (the code, the site config, the types). It also keeps the store's
 * generation it was saved with and each run's length and key in order: when the generation shows
 * the portal's records are the last build's in the same order (generation.ts), the records are cut
 * where that build cut them and a run without an edited record is taken without its digests.
 */
import { readKeyedFile, writeKeyedFile } from "./keyed-file.ts";
import type { Site } from "../../config/schema.ts";
import type { ContentRecord } from "../../content/types.ts";
import type { Portal } from "../../portal/portal.ts";
import { rememberAuditLists, type AuditListMemo, type AuditLists } from "../../tallies/audit.ts";
import { rememberTallyCounts, type TallyCountMemo, type TallyCounts } from "../../tallies/compute.ts";
import { itemsKey } from "./organ-counts.ts";
import { holdsNone, noteTakenByGeneration, type Since } from "./generation.ts";
import { recordRuns, runsAt } from "./record-runs.ts";
import { decoded, encode, type Kept, type Now } from "./site-tallies-kept.ts";

export { cutRunsEvery, recordRuns } from "./record-runs.ts";

const FILE = "site-tallies.v8";

/** The runs in order as the last build cut them: the store's generation then, each run's length and key ("": none kept). */
interface Cut {
  gen?: string;
  lengths: Int32Array;
  order: string[];
}

interface Stored extends Partial<Cut> {
  key: string;
  runs: Kept[];
}

/** How many runs this process took from the cache since it was opened (tests). */
let taken = 0;
export const tallyRunsTaken = (): number => taken;

class SiteTallies implements TallyCountMemo, AuditListMemo {
  readonly now = new Map<readonly ContentRecord[], Now>();
  /** Did this build count or list anything (so a save writes other runs than those read back)? */
  changed = false;
  /** The first portal's records (this build's) and their runs, in order. */
  first?: { records: readonly ContentRecord[]; runs: ContentRecord[][] };

  constructor(
    readonly key: string,
    private readonly kept: Map<string, Kept>,
    private readonly storedDigest: (record: object) => string | undefined,
    readonly cut: Cut | undefined,
    private readonly since: Since,
  ) {}

  /**
   * The runs of the portal's records: where the last build cut them, each run without an edited
   * record taken as kept, when the store's generation allows (generation.ts); else by the URLs.
   */
  private runsOf(portal: Portal): ContentRecord[][] {
    const { records } = portal;
    if (this.first) return this.first.records === records ? this.first.runs : recordRuns(records);
    const { cut } = this;
    const total = cut?.lengths.reduce((sum, n) => sum + n, 0);
    const edited = cut && this.since.editedIn(portal, cut.gen, total);
    const cutAsThen = edited && runsAt(records, cut.lengths);
    const runs = cutAsThen || recordRuns(records);
    this.first = { records, runs };
    if (cutAsThen)
      cutAsThen.forEach((run, k) => {
        const kept = this.kept.get(cut.order[k]);
        // A run with an edited record is checked by its digests (`run`).
        if (!kept || !holdsNone(run, edited)) return;
        noteTakenByGeneration();
        this.now.set(run, { records: run, kept });
      });
    return runs;
  }

  private run(records: readonly ContentRecord[]): Now {
    let now = this.now.get(records);
    if (!now) {
      const key = itemsKey(records, this.storedDigest);
      now = { records, kept: key === undefined ? undefined : this.kept.get(key) };
      this.now.set(records, now);
    }
    return now;
  }

  counts(portal: Portal, count: (run: readonly ContentRecord[]) => TallyCounts): TallyCounts[] {
    return this.runsOf(portal).map((records) => {
      const now = this.run(records);
      if (now.kept) return (taken++, now.kept.counts);
      this.changed = true;
      return (now.counts ??= count(records));
    });
  }

  audits(
    portal: Portal,
    years: readonly number[],
    list: (run: readonly ContentRecord[]) => AuditLists,
  ): AuditLists[] {
    const listed = years.join(",");
    return this.runsOf(portal).map((records) => {
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
  since: Since,
): void {
  taken = 0;
  const kept = new Map<string, Kept>();
  // None kept (or another key's, or unreadable): every run is counted.
  const stored = readKeyedFile(cacheDir, FILE, key) as Partial<Stored> | undefined;
  if (Array.isArray(stored?.runs))
    for (const run of stored.runs) if (wellFormed(run)) kept.set(run.items, run);
  const cut =
    typeof stored?.gen === "string" &&
    stored.lengths instanceof Int32Array &&
    Array.isArray(stored.order) &&
    stored.order.length === stored.lengths.length
      ? { gen: stored.gen, lengths: stored.lengths, order: stored.order }
      : undefined;
  const memo = new SiteTallies(key, kept, digestOf, cut, since);
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

/**
 * Keeps this build's runs, each under its records' digests (`digestOf`: the build's), and where
 * they were cut under the store's generation `gen` (undefined: unknown, then none is kept).
 */
export function saveSiteTallies(
  cacheDir: string,
  site: Site,
  digestOf: (record: object) => string | undefined,
  gen: string | undefined,
): void {
  const memo = opened.get(site);
  if (!memo || (!memo.stale() && gen === memo.cut?.gen)) return;
  const runs: Kept[] = [];
  const keyOf = new Map<readonly ContentRecord[], string>();
  for (const now of memo.now.values()) {
    const items = now.kept?.items ?? itemsKey(now.records, digestOf);
    const kept = items === undefined ? undefined : encode(now, items);
    if (kept) runs.push(kept);
    if (kept) keyOf.set(now.records, kept.items);
  }
  const cuts = memo.first?.runs;
  const cut: Partial<Cut> =
    gen && cuts
      ? {
          gen,
          lengths: Int32Array.from(cuts, (run) => run.length),
          order: cuts.map((run) => keyOf.get(run) ?? ""),
        }
      : {};
  writeKeyedFile(cacheDir, FILE, { key: memo.key, runs, ...cut } satisfies Stored);
  opened.delete(site);
}
