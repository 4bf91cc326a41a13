/**
 * What the unique-索引号/发文字号 check found of each field in the last build (src/content-types/
 * policy-keys.ts): no two keys equal, or not. Kept in the build cache folder (`policy-keys.v8`)
 * beside the record store, which opens and saves it, with the store's generation and the number
 * of policy records then (all of them, drafts too: the check reads every valid record). When the
 * generation holds, this build's records are that build's in the same order but for the files
 * read again (`Since.replacedAt`); if each of those kept both values, the keys are the same as
 * then and nothing is normalised or compared (two values per policy, ~9k at 50k items). Anything
 * else makes and compares every key, as without the cache.
 *
 * Only the verdict is kept, not the keys: ~9k keys per field cost more to read back and write
 * (5 and 2.5 ms under load, even as one string per field) than the check they would spare when a
 * value changes, which is rare and then costs the whole check (~23 ms under load).
 */
import type { Site } from "../../config/schema.ts";
import type { RecordOf } from "../../content/types.ts";
import { rememberPolicyKeys, type PolicyKeysMemo } from "../../content-types/policy-keys.ts";
import { generationOf, type Since } from "./generation.ts";
import { readKeyedFile, writeKeyedFile } from "./keyed-file.ts";

const FILE = "policy-keys.v8";

type PolicyRecord = RecordOf<"policy">;

interface Stored {
  key: string;
  /** Per field (索引号, 发文字号): were no two keys equal? */
  unique: boolean[];
  gen?: string;
  /** The number of policy records the verdicts are of. */
  total?: number;
}

const wellFormed = (unique: unknown): unique is boolean[] =>
  Array.isArray(unique) && unique.length === 2 && unique.every((u) => typeof u === "boolean");

class PolicyKeysKept implements PolicyKeysMemo {
  /** This build's verdicts and its number of policies (the first list asked about: the build's own). */
  unique?: readonly boolean[];
  total?: number;
  private asked?: readonly PolicyRecord[];

  constructor(
    readonly key: string,
    /** What was kept (undefined: nothing usable). */
    readonly stored: Stored | undefined,
    private readonly since: Since,
  ) {}

  kept(policies: readonly PolicyRecord[]): ReturnType<PolicyKeysMemo["kept"]> {
    // Only the first list asked about is this build's (a build without the cache, or the dev
    // server's next one, in the same process has its own records).
    this.asked ??= policies;
    const { stored } = this;
    if (this.asked !== policies || !stored || stored.total !== policies.length) return undefined;
    // A platform's shared files (`canonical`) are read again by every build, outside the store.
    if (policies.some((p) => p.canonical !== undefined)) return undefined;
    const replaced = this.since.replacedAt(stored.gen);
    if (!replaced) return undefined;
    const edited: (readonly [PolicyRecord, PolicyRecord])[] = [];
    for (const [before, after] of replaced)
      if (before.type === "policy" && after.type === "policy") edited.push([before, after]);
    // Not counted in `takenByGeneration`: that counts results taken for the portal's records.
    return { unique: stored.unique, edited };
  }

  made(policies: readonly PolicyRecord[], unique: readonly boolean[]): void {
    if (this.asked !== policies) return;
    this.unique = unique;
    this.total = policies.length;
  }

  /** Would a save write other verdicts than those read back? */
  stale(): boolean {
    const { unique, stored } = this;
    return (
      unique !== undefined &&
      (stored === undefined || this.total !== stored.total || unique.some((u, f) => u !== stored.unique[f]))
    );
  }
}

const opened = new WeakMap<Site, PolicyKeysKept>();

/** Takes the verdicts kept in `cacheDir` for the store key `key` (none when another key's or unreadable). */
export function openPolicyKeys(cacheDir: string, site: Site, key: string, since: Since): void {
  const stored = readKeyedFile(cacheDir, FILE, key);
  const kept = wellFormed(stored?.unique)
    ? { key, unique: stored.unique, ...generationOf(stored) }
    : undefined;
  const memo = new PolicyKeysKept(key, kept, since);
  opened.set(site, memo);
  rememberPolicyKeys(site, memo);
}

/** Would a save write other verdicts than those read back? */
export const policyKeysStale = (site: Site): boolean => opened.get(site)?.stale() ?? false;

/** Keeps this build's verdicts with the store's generation `gen` (undefined: unknown). */
export function savePolicyKeys(cacheDir: string, site: Site, gen: string | undefined): void {
  const memo = opened.get(site);
  if (!memo?.unique || (!memo.stale() && gen === memo.stored?.gen)) return;
  writeKeyedFile(cacheDir, FILE, {
    key: memo.key,
    unique: [...memo.unique],
    ...(gen && memo.total !== undefined ? { gen, total: memo.total } : {}),
  } satisfies Stored);
  opened.delete(site);
}
