/**
 * What 解读 coverage made of each policy record in the last build (src/tallies/coverage-codes.ts),
 * kept in the build cache folder (`interpretation-coverage.v8`) beside the record store, which
 * opens and saves it, with the store's generation and the portal's record count then
 * (generation.ts). When the generation holds, this build's policies are the last build's in the
 * same places but for the edited ones, so only the codes an edit can change are computed again
 * (otherwise a working-day deadline per interpreted document, ~9k policies at 50k items).
 * Anything else computes every code, as without the cache.
 */
import { rememberCoverage } from "../../tallies/coverage-codes.ts";
import { keptByGeneration } from "./kept-by-generation.ts";

interface Codes {
  /** One code per policy of the portal, in `byType.policy`'s order. */
  codes: Uint8Array;
}

const sameCodes = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && a.every((code, i) => code === b[i]);

const kept = keptByGeneration<Codes>({
  file: "interpretation-coverage.v8",
  decode: (stored) => (stored.codes instanceof Uint8Array ? { codes: stored.codes } : undefined),
  same: (made, was) => sameCodes(made.codes, was.codes),
  opened: (site, memo) =>
    rememberCoverage(site, {
      kept: (portal) => {
        if (memo.kept?.codes.length !== portal.byType.policy.length) return undefined;
        const edited = memo.take(portal);
        return edited && { codes: memo.kept.codes, edited, before: memo.since.before() };
      },
      computed: (portal, codes) => memo.note(portal.records.length, { codes }),
    }),
});

export const { open: openCoverageKept, stale: coverageKeptStale, save: saveCoverageKept } = kept;
