/**
 * The digest of the detail pages' lines in sitemap.xml's inputs (src/build/sitemap-xml.ts: each
 * detail's URL and last change), kept in the build cache folder (`sitemap-details.v1`) beside the
 * record store, which opens and saves it, with the store's generation and the portal's record
 * count then (generation.ts), and the number of details then. When the generation holds, this
 * build's records are that build's in the same order, and the edited ones kept their URL and
 * publish time. The details are the portal's records that have a page (src/check/validate.ts
 * `portalOf`: by the record alone), so an unedited record is a detail now exactly when it was
 * then; when every edited record is a detail now and there are as many details as then, every
 * edited one was one then too. The details' lines are then the same, so their digest is taken
 * instead of made (a line per detail, ~50k at 50k items, written out and hashed after every edit
 * to learn that nothing changed). Anything else makes the lines and their digest, as without
 * the cache.
 */
import type { Site } from "../../config/schema.ts";
import type { Portal } from "../../portal/portal.ts";
import type { ContentRecord } from "../../content/types.ts";
import { generationOf, generationStamp, noteTakenByGeneration, type Since } from "./generation.ts";
import { readKeyedFile, writeKeyedFile } from "./keyed-file.ts";

const FILE = "sitemap-details.v1";

/** How many digests this process took by generation (tests). */
let taken = 0;
export const sitemapDetailsTaken = (): number => taken;

interface Stored {
  key: string;
  digest: string;
  /** How many details the lines are of. */
  details: number;
  gen?: string;
  total?: number;
}

class SitemapDetails {
  /** This build's portal, digest and number of details (the last noted: the build's own). */
  portal?: Portal;
  digest?: string;
  details = 0;

  constructor(
    readonly key: string,
    /** What was kept (undefined: nothing usable). */
    readonly kept: Stored | undefined,
    private readonly since: Since,
  ) {}

  /** The kept digest, when it is the lines of `details`, `portal`'s, too. */
  take(portal: Portal, details: readonly ContentRecord[]): string | undefined {
    if (this.kept === undefined || this.kept.details !== details.length) return undefined;
    const edited = this.since.editedIn(portal, this.kept.gen, this.kept.total);
    if (edited === undefined || !allIn(edited, details)) return undefined;
    noteTakenByGeneration();
    taken++;
    return this.kept.digest;
  }

  noted(portal: Portal, digest: string, details: number): void {
    this.portal = portal;
    this.digest = digest;
    this.details = details;
  }

  /** Would a save write another digest than the one read back? */
  stale(): boolean {
    return (
      this.digest !== undefined && (this.digest !== this.kept?.digest || this.details !== this.kept.details)
    );
  }
}

/** Is every one of `edited` in `details`? By a set when they are many (every record of a type shown as of the clock). */
function allIn(edited: readonly ContentRecord[], details: readonly ContentRecord[]): boolean {
  if (edited.length <= 16) return edited.every((record) => details.includes(record));
  const set = new Set(details);
  return edited.every((record) => set.has(record));
}

const opened = new WeakMap<Site, SitemapDetails>();

/** Takes the digest kept in `cacheDir` for the store key `key` (none when another key's or unreadable). */
export function openSitemapDetails(cacheDir: string, site: Site, key: string, since: Since): void {
  const stored = readKeyedFile(cacheDir, FILE, key);
  const kept =
    typeof stored?.digest === "string" && typeof stored.details === "number"
      ? { key, digest: stored.digest, details: stored.details, ...generationOf(stored) }
      : undefined;
  opened.set(site, new SitemapDetails(key, kept, since));
}

/**
 * The digest of the lines of `details` (`portal`'s), kept by the last build whose records the
 * store holds, when the store's generation says they are this build's; undefined otherwise.
 */
export const keptSitemapDetails = (portal: Portal, details: readonly ContentRecord[]): string | undefined =>
  opened.get(portal.site)?.take(portal, details);

/** This build's digest of the lines of its `details`, kept at the next save of the store. */
export const noteSitemapDetails = (portal: Portal, digest: string, details: number): void =>
  opened.get(portal.site)?.noted(portal, digest, details);

/** Would a save write another digest than the one read back? */
export const sitemapDetailsStale = (site: Site): boolean => opened.get(site)?.stale() ?? false;

/** Keeps this build's digest with the store's generation `gen` (undefined: unknown). */
export function saveSitemapDetails(cacheDir: string, site: Site, gen: string | undefined): void {
  const memo = opened.get(site);
  if (!memo || memo.digest === undefined || (!memo.stale() && gen === memo.kept?.gen)) return;
  writeKeyedFile(cacheDir, FILE, {
    key: memo.key,
    digest: memo.digest,
    details: memo.details,
    ...generationStamp(gen, memo.portal),
  } satisfies Stored);
  opened.delete(site);
}
