/**
 * What the last build found of its detail pages' URLs (src/check/site-urls.ts): every one safe
 * and its record's own entry in the portal's `byUrl`, or not. Kept in the build cache folder
 * (`detail-urls.v8`) beside the record store, which opens and saves it, with the store's
 * generation and the portal's record count then (generation.ts). When the generation holds, this
 * build's records are that build's in the same order and with the same URLs but for the edited
 * ones, so only those are checked, not every detail (a regex and a lookup per record, ~50k at 50k
 * items). Anything else checks every detail, as without the cache.
 */
import { rememberDetailUrls } from "../../check/site-urls.ts";
import { keptByGeneration } from "./kept-by-generation.ts";

interface Verdict {
  /** Were every detail's URL safe and its own (the fast case of the check)? */
  safe: boolean;
}

const kept = keptByGeneration<Verdict>({
  file: "detail-urls.v8",
  decode: (stored) => (typeof stored.safe === "boolean" ? { safe: stored.safe } : undefined),
  same: (made, was) => made.safe === was.safe,
  // Only a verdict that found every detail safe vouches for the details not edited.
  opened: (site, memo) =>
    rememberDetailUrls(site, {
      edited: (portal) => (memo.kept?.safe === true ? memo.take(portal) : undefined),
      checked: (portal, safe) => memo.note(portal.records.length, { safe }),
    }),
});

export const { open: openDetailUrls, stale: detailUrlsStale, save: saveDetailUrls } = kept;
