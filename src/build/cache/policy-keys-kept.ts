/**
 * The keys the unique-索引号/发文字号 check made of each policy record (src/content-types/
 * policy-keys.ts), kept in the build cache folder (`policy-keys.v8`) beside the record store,
 * which opens and saves it, with the store's generation and the number of policy records then
 * (all of them, drafts too: the check reads every valid record). When the generation holds, this
 * build's records are that build's in the same order but for the files read again
 * (`Since.replacedAt`), so only their keys are made again (otherwise a normalisation of two
 * values per policy, ~9k at 50k items), and nothing is compared when none changed and the last
 * build found them unique. Anything else makes and compares every key, as without the cache.
 */
import type { Site } from "../../config/schema.ts";
import type { RecordOf } from "../../content/types.ts";
import { rememberPolicyKeys, type PolicyKeys, type PolicyKeysMemo } from "../../content-types/policy-keys.ts";
import { generationOf, type Since } from "./generation.ts";
import { readKeyedFile, writeKeyedFile } from "./keyed-file.ts";

const FILE = "policy-keys.v8";

interface Stored {
  key: string;
  keys: PolicyKeys;
  gen?: string;
  /** The number of policy records the keys are of. */
  total?: number;
}

const sameKeys = (a: PolicyKeys, b: PolicyKeys | undefined): boolean =>
  b !== undefined &&
  a.every(
    (field, f) =>
      field.unique === b[f].unique &&
      field.keys.length === b[f].keys.length &&
      field.keys.every((key, i) => key === b[f].keys[i]),
  );

/** One field as kept: its keys (strings, or null for none) and its verdict. */
const fieldWellFormed = (field: unknown, length: number): boolean => {
  const { keys, unique } = (field ?? {}) as { keys?: unknown; unique?: unknown };
  return (
    typeof unique === "boolean" &&
    Array.isArray(keys) &&
    keys.length === length &&
    keys.every((key) => key === null || typeof key === "string")
  );
};

/** Well formed: two fields of as many keys. */
const wellFormed = (keys: unknown): keys is PolicyKeys =>
  Array.isArray(keys) &&
  keys.length === 2 &&
  keys.every((field) => fieldWellFormed(field, ((keys[0] ?? {}) as { keys?: unknown[] }).keys?.length ?? -1));

class PolicyKeysKept implements PolicyKeysMemo {
  /** This build's keys (the last made: the build's own). */
  keys?: PolicyKeys;
  private asked?: readonly RecordOf<"policy">[];

  constructor(
    readonly key: string,
    /** What was kept (undefined: nothing usable). */
    readonly stored: Stored | undefined,
    private readonly since: Since,
  ) {}

  kept(policies: readonly RecordOf<"policy">[]): ReturnType<PolicyKeysMemo["kept"]> {
    // Only the first list asked about is this build's (a build without the cache, or the dev
    // server's next one, in the same process has its own records).
    this.asked ??= policies;
    const { stored } = this;
    if (this.asked !== policies) return undefined;
    if (!stored || stored.total !== policies.length || stored.keys[0].keys.length !== policies.length)
      return undefined;
    // A platform's shared files (`canonical`) are read again by every build, outside the store.
    if (policies.some((p) => p.canonical !== undefined)) return undefined;
    const replaced = this.since.replacedAt(stored.gen);
    if (!replaced) return undefined;
    const edited: number[] = [];
    for (const [, after] of replaced) {
      if (after.type !== "policy") continue;
      const place = policies.indexOf(after);
      if (place < 0) return undefined;
      edited.push(place);
    }
    // Not counted in `takenByGeneration`: that counts results taken for the portal's records.
    return { keys: stored.keys, edited };
  }

  made(policies: readonly RecordOf<"policy">[], keys: PolicyKeys): void {
    if (this.asked === policies) this.keys = keys;
  }

  /** Would a save write other keys than those read back? */
  stale(): boolean {
    return this.keys !== undefined && !sameKeys(this.keys, this.stored?.keys);
  }
}

const opened = new WeakMap<Site, PolicyKeysKept>();

/** Takes the keys kept in `cacheDir` for the store key `key` (none when another key's or unreadable). */
export function openPolicyKeys(cacheDir: string, site: Site, key: string, since: Since): void {
  const stored = readKeyedFile(cacheDir, FILE, key);
  const kept = wellFormed(stored?.keys) ? { key, keys: stored.keys, ...generationOf(stored) } : undefined;
  const memo = new PolicyKeysKept(key, kept, since);
  opened.set(site, memo);
  rememberPolicyKeys(site, memo);
}

/** Would a save write other keys than those read back? */
export const policyKeysStale = (site: Site): boolean => opened.get(site)?.stale() ?? false;

/** Keeps this build's keys with the store's generation `gen` (undefined: unknown). */
export function savePolicyKeys(cacheDir: string, site: Site, gen: string | undefined): void {
  const memo = opened.get(site);
  if (!memo?.keys || (!memo.stale() && gen === memo.stored?.gen)) return;
  writeKeyedFile(cacheDir, FILE, {
    key: memo.key,
    keys: memo.keys,
    ...(gen ? { gen, total: memo.keys[0].keys.length } : {}),
  } satisfies Stored);
  opened.delete(site);
}
