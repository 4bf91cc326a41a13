/**
 * What the last build found of its detail pages' URLs (src/check/site-urls.ts): every one safe
 * and its record's own entry in the portal's `byUrl`, or not. Kept in the build cache folder
 * (`detail-urls.v8`) beside the record store, which opens and saves it, with the store's
 * generation and the portal's record count then (generation.ts). When the generation holds, this
 * build's records are that build's in the same order and with the same URLs but for the edited
 * ones, so only those are checked, not every detail (a regex and a lookup per record, ~50k at 50k
 * items). Anything else checks every detail, as without the cache.
 */
import type { Site } from "../../config/schema.ts";
import type { ContentRecord } from "../../content/types.ts";
import type { Portal } from "../../portal/portal.ts";
import { rememberDetailUrls, type DetailUrlMemo } from "../../check/site-urls.ts";
import { generationOf, generationStamp, noteTakenByGeneration, type Since } from "./generation.ts";
import { readKeyedFile, writeKeyedFile } from "./keyed-file.ts";

const FILE = "detail-urls.v8";

interface Stored {
  key: string;
  /** Were every detail's URL safe and its own (the fast case of the check)? */
  safe: boolean;
  gen?: string;
  total?: number;
}

class DetailUrls implements DetailUrlMemo {
  /** This build's portal and verdict (the last checked: the build's own). */
  portal?: Portal;
  safe?: boolean;

  constructor(
    readonly key: string,
    /** What was kept (undefined: nothing usable). */
    readonly kept: Stored | undefined,
    private readonly since: Since,
  ) {}

  edited(portal: Portal): readonly ContentRecord[] | undefined {
    if (this.kept?.safe !== true) return undefined;
    const edited = this.since.editedIn(portal, this.kept.gen, this.kept.total);
    if (edited) noteTakenByGeneration();
    return edited;
  }

  checked(portal: Portal, safe: boolean): void {
    this.portal = portal;
    this.safe = safe;
  }

  /** Would a save write another verdict than the one read back? */
  stale(): boolean {
    return this.safe !== undefined && this.safe !== this.kept?.safe;
  }
}

const opened = new WeakMap<Site, DetailUrls>();

/** Takes the verdict kept in `cacheDir` for the store key `key` (none when another key's or unreadable). */
export function openDetailUrls(cacheDir: string, site: Site, key: string, since: Since): void {
  const stored = readKeyedFile(cacheDir, FILE, key);
  const kept =
    typeof stored?.safe === "boolean" ? { key, safe: stored.safe, ...generationOf(stored) } : undefined;
  const memo = new DetailUrls(key, kept, since);
  opened.set(site, memo);
  rememberDetailUrls(site, memo);
}

/** Would a save write another verdict than the one read back? */
export const detailUrlsStale = (site: Site): boolean => opened.get(site)?.stale() ?? false;

/** Keeps this build's verdict with the store's generation `gen` (undefined: unknown). */
export function saveDetailUrls(cacheDir: string, site: Site, gen: string | undefined): void {
  const memo = opened.get(site);
  if (!memo || memo.safe === undefined || (!memo.stale() && gen === memo.kept?.gen)) return;
  writeKeyedFile(cacheDir, FILE, {
    key: memo.key,
    safe: memo.safe,
    ...generationStamp(gen, memo.portal),
  } satisfies Stored);
  opened.delete(site);
}
