/**
 * What 解读 coverage made of each policy record in the last build (src/tallies/coverage-codes.ts),
 * kept in the build cache folder (`interpretation-coverage.v8`) beside the record store, which
 * opens and saves it, with the store's generation and the portal's record count then
 * (generation.ts). When the generation holds, this build's policies are the last build's in the
 * same places but for the edited ones, so only the codes an edit can change are computed again
 * (otherwise a working-day deadline per interpreted document, ~9k policies at 50k items).
 * Anything else computes every code, as without the cache.
 */
import type { Site } from "../../config/schema.ts";
import type { Portal } from "../../portal/portal.ts";
import { rememberCoverage, type CoverageMemo } from "../../tallies/coverage-codes.ts";
import { generationOf, noteTakenByGeneration, type Since } from "./generation.ts";
import { readKeyedFile, writeKeyedFile } from "./keyed-file.ts";

const FILE = "interpretation-coverage.v8";

interface Stored {
  key: string;
  /** One code per policy of the portal, in `byType.policy`'s order. */
  codes: Uint8Array;
  gen?: string;
  total?: number;
}

const sameCodes = (a: Uint8Array, b: Uint8Array | undefined): boolean =>
  b !== undefined && a.length === b.length && a.every((code, i) => code === b[i]);

class CoverageKept implements CoverageMemo {
  /** This build's codes (the last computed: the build's own) and its portal's record count. */
  codes?: Uint8Array;
  total?: number;

  constructor(
    readonly key: string,
    /** What was kept (undefined: nothing usable). */
    readonly stored: Stored | undefined,
    private readonly since: Since,
  ) {}

  kept(portal: Portal): ReturnType<CoverageMemo["kept"]> {
    const { stored } = this;
    if (!stored || stored.codes.length !== portal.byType.policy.length) return undefined;
    const edited = this.since.editedIn(portal, stored.gen, stored.total);
    if (!edited) return undefined;
    noteTakenByGeneration();
    return { codes: stored.codes, edited, before: this.since.before() };
  }

  computed(portal: Portal, codes: Uint8Array): void {
    this.codes = codes;
    this.total = portal.records.length;
  }

  /** Would a save write other codes than those read back? */
  stale(): boolean {
    return this.codes !== undefined && !sameCodes(this.codes, this.stored?.codes);
  }
}

const opened = new WeakMap<Site, CoverageKept>();

/** Takes the codes kept in `cacheDir` for the store key `key` (none when another key's or unreadable). */
export function openCoverageKept(cacheDir: string, site: Site, key: string, since: Since): void {
  const stored = readKeyedFile(cacheDir, FILE, key);
  const kept =
    stored?.codes instanceof Uint8Array ? { key, codes: stored.codes, ...generationOf(stored) } : undefined;
  const memo = new CoverageKept(key, kept, since);
  opened.set(site, memo);
  rememberCoverage(site, memo);
}

/** Would a save write other codes than those read back? */
export const coverageKeptStale = (site: Site): boolean => opened.get(site)?.stale() ?? false;

/** Keeps this build's codes with the store's generation `gen` (undefined: unknown). */
export function saveCoverageKept(cacheDir: string, site: Site, gen: string | undefined): void {
  const memo = opened.get(site);
  if (!memo?.codes || (!memo.stale() && gen === memo.stored?.gen)) return;
  writeKeyedFile(cacheDir, FILE, {
    key: memo.key,
    codes: memo.codes,
    ...(gen && memo.total !== undefined ? { gen, total: memo.total } : {}),
  } satisfies Stored);
  opened.delete(site);
}
