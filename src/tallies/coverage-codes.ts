/**
 * What 解读 coverage (interpretation.ts) makes of each policy record, as one code per place in
 * `portal.byType.policy`: the whole computation is these codes, then lists filled from them. The
 * build cache keeps the codes (src/build/cache/coverage-kept.ts); when the record store's
 * generation proves this build's records are the last build's but for the edited ones
 * (src/build/cache/generation.ts), only the codes an edit can change are computed again: the
 * edited policies', and those of the documents whose 索引号 an edited policy names (its own, or
 * the one it interprets, before or after the edit). Every other document's code reads its own
 * fields and the 解读 that interpret it, none of which an edit elsewhere changes. Without that
 * proof every record's code is computed (a working-day deadline per interpreted document).
 */
import type { ContentRecord, RecordOf } from "../content/types.ts";
import type { Portal } from "../portal/portal.ts";
import type { Site } from "../config/schema.ts";

/** Codes: not counted (no year, or a kind that needs no 解读). */
export const SKIPPED = 0;
/** A 解读. */
export const INTERPRETATION = 1;
/** A document that needs a 解读 and has none. */
export const MISSING = 2;
/** Interpreted within the window. */
export const ON_TIME = 3;
/** Interpreted after the window. */
export const LATE = 4;

/**
 * The codes the last build kept for `portal`'s policies (as many as now), with the records that
 * may differ from the last build's at their place and what the edited files held then; undefined
 * when the store's generation does not prove it. `computed` is told this build's codes.
 */
export interface CoverageMemo {
  kept(
    portal: Portal,
  ): { codes: Uint8Array; edited: readonly ContentRecord[]; before: readonly ContentRecord[] } | undefined;
  computed(portal: Portal, codes: Uint8Array): void;
}

/** By the site config the build was given (the portal's `site`). */
const memos = new WeakMap<Site, CoverageMemo>();
export const rememberCoverage = (site: Site, memo: CoverageMemo): void => void memos.set(site, memo);

/** How many times this process patched the kept codes instead of computing every one (tests). */
let patched = 0;
export const coverageCodesPatched = (): number => patched;

type PolicyRecord = RecordOf<"policy">;

/** The code of each of `portal.byType.policy`, by `codeOf` or from the kept codes where proven. */
export function coverageCodes(portal: Portal, codeOf: (r: PolicyRecord) => number): Uint8Array {
  const policies = portal.byType.policy;
  const memo = memos.get(portal.site);
  const kept = memo?.kept(portal);
  let codes: Uint8Array;
  if (kept) {
    patched++;
    codes = kept.codes.slice();
    const edited = new Set<ContentRecord>();
    const named = new Set<string>();
    for (const r of [...kept.edited, ...kept.before]) {
      if (r.type !== "policy") continue;
      edited.add(r);
      const { index_no, interprets } = (r as PolicyRecord).fields;
      named.add(index_no);
      if (interprets !== undefined) named.add(interprets);
    }
    if (edited.size)
      for (let i = 0; i < policies.length; i++) {
        const r = policies[i];
        if (edited.has(r) || named.has(r.fields.index_no)) codes[i] = codeOf(r);
      }
  } else {
    codes = new Uint8Array(policies.length);
    for (let i = 0; i < policies.length; i++) codes[i] = codeOf(policies[i]);
  }
  memo?.computed(portal, codes);
  return codes;
}
