/**
 * What the unique-索引号/发文字号 check found of each field in the last build (src/content-types/
 * policy-keys.ts): no two keys equal, or not. Kept in the build cache folder (`policy-keys.v8`)
 * beside the record store, which opens and saves it, with the store's generation and the number
 * of policy records then (kept-by-generation.ts; all of them, drafts too: the check reads every
 * valid record, so the count is not the portal's, and a verdict noted for another count is
 * stale). When the generation holds, this build's records are that build's in the same order but
 * for the files read again (`Since.replacedAt`); if each of those kept both values, the keys are
 * the same as then and nothing is normalised or compared (two values per policy, ~9k at 50k
 * items). Anything else makes and compares every key, as without the cache.
 *
 * Only the verdict is kept, not the keys: ~9k keys per field cost more to read back and write
 * (5 and 2.5 ms under load, even as one string per field) than the check they would spare when a
 * value changes, which is rare and then costs the whole check (~23 ms under load).
 */
import type { RecordOf } from "../../content/types.ts";
import { rememberPolicyKeys, type PolicyKeysMemo } from "../../content-types/policy-keys.ts";
import { keptByGeneration, type KeptMemo } from "./kept-by-generation.ts";

type PolicyRecord = RecordOf<"policy">;

interface Verdicts {
  /** Per field (索引号, 发文字号): were no two keys equal? */
  unique: readonly boolean[];
}

const wellFormed = (unique: unknown): unique is boolean[] =>
  Array.isArray(unique) && unique.length === 2 && unique.every((u) => typeof u === "boolean");

/** The check's view of the kept verdicts: only the first list of policies asked about is this build's. */
function policyKeysMemo(memo: KeptMemo<Verdicts>): PolicyKeysMemo {
  // A build without the cache, or the dev server's next one, in the same process has its own records.
  let asked: readonly PolicyRecord[] | undefined;
  return {
    kept: (policies) => {
      asked ??= policies;
      const stored = memo.kept;
      if (asked !== policies || !stored || stored.total !== policies.length) return undefined;
      // A platform's shared files (`canonical`) are read again by every build, outside the store.
      if (policies.some((p) => p.canonical !== undefined)) return undefined;
      const replaced = memo.since.replacedAt(stored.gen);
      if (!replaced) return undefined;
      const edited: (readonly [PolicyRecord, PolicyRecord])[] = [];
      for (const [before, after] of replaced)
        if (before.type === "policy" && after.type === "policy") edited.push([before, after]);
      // Not counted in `takenByGeneration`: that counts results taken for the portal's records.
      return { unique: stored.unique, edited };
    },
    made: (policies, unique) => {
      if (asked === policies) memo.note(policies.length, { unique });
    },
  };
}

const kept = keptByGeneration<Verdicts>({
  file: "policy-keys.v8",
  decode: (stored) => (wellFormed(stored.unique) ? { unique: stored.unique } : undefined),
  same: (made, was) => made.unique.every((u, f) => u === was.unique[f]),
  staleByCount: true,
  opened: (site, memo) => rememberPolicyKeys(site, policyKeysMemo(memo)),
});

export const { open: openPolicyKeys, stale: policyKeysStale, save: savePolicyKeys } = kept;
