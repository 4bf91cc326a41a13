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
import type { Portal } from "../../portal/portal.ts";
import type { ContentRecord } from "../../content/types.ts";
import { keptByGeneration } from "./kept-by-generation.ts";

/** How many digests this process took by generation (tests). */
let taken = 0;
export const sitemapDetailsTaken = (): number => taken;

interface Lines {
  digest: string;
  /** How many details the lines are of. */
  details: number;
}

const kept = keptByGeneration<Lines>({
  file: "sitemap-details.v1",
  decode: (stored) =>
    typeof stored.digest === "string" && typeof stored.details === "number"
      ? { digest: stored.digest, details: stored.details }
      : undefined,
  same: (made, was) => made.digest === was.digest && made.details === was.details,
});

export const { open: openSitemapDetails, stale: sitemapDetailsStale, save: saveSitemapDetails } = kept;

/** Is every one of `edited` in `details`? By a set when they are many (every record of a type shown as of the clock). */
function allIn(edited: readonly ContentRecord[], details: readonly ContentRecord[]): boolean {
  if (edited.length <= 16) return edited.every((record) => details.includes(record));
  const set = new Set(details);
  return edited.every((record) => set.has(record));
}

/**
 * The digest of the lines of `details` (`portal`'s), kept by the last build whose records the
 * store holds, when the store's generation says they are this build's; undefined otherwise.
 */
export function keptSitemapDetails(portal: Portal, details: readonly ContentRecord[]): string | undefined {
  const memo = kept.memoOf(portal.site);
  if (memo?.kept?.details !== details.length) return undefined;
  if (!memo.take(portal, (edited) => allIn(edited, details))) return undefined;
  taken++;
  return memo.kept.digest;
}

/** This build's digest of the lines of its `details`, kept at the next save of the store. */
export const noteSitemapDetails = (portal: Portal, digest: string, details: number): void =>
  kept.memoOf(portal.site)?.note(portal.records.length, { digest, details });
