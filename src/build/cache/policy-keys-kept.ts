/**
 * The keys the unique-索引号/发文字号 check made of each policy record (src/content-types/
 * policy-keys.ts), kept in the build cache folder (`policy-keys.v8`) beside the record store,
 * which opens and saves it, with the store's generation and the number of policy records then
 * (all of them, drafts too: the check reads every valid record). When the generation holds, this
 * build's records are that build's in the same order but for the files read again
 * (`Since.replacedAt`), so only their keys are made again (otherwise a normalisation of two
 * values per policy, ~9k at 50k items), and nothing is compared when none changed and the last
 * build found them unique. Anything else makes and compares every key, as without the cache.
 *
 * A field's keys are kept as one string, joined by line feeds (a key has no white space), with the
 * places of the absent ones apart: an array of ~9k strings per field cost more to read back and
 * write than the check it spares (13 and 7 ms against 26 ms, under load).
 */
import type { Site } from "../../config/schema.ts";
import type { RecordOf } from "../../content/types.ts";
import {
  rememberPolicyKeys,
  type KeptField,
  type Keys,
  type MadeField,
  type PolicyKeysMemo,
} from "../../content-types/policy-keys.ts";
import { generationOf, type Since } from "./generation.ts";
import { readKeyedFile, writeKeyedFile } from "./keyed-file.ts";

const FILE = "policy-keys.v8";

/** One field: its keys joined by "\n" (an absent one as ""), the places of the absent ones, its verdict. */
interface StoredField {
  joined: string;
  absent: Int32Array;
  unique: boolean;
}

interface Stored {
  key: string;
  fields: StoredField[];
  gen?: string;
  /** The number of policy records the keys are of. */
  total?: number;
}

function encoded(keys: Keys, unique: boolean): StoredField {
  const absent: number[] = [];
  keys.forEach((key, i) => void (key === null && absent.push(i)));
  return { joined: keys.map((key) => key ?? "").join("\n"), absent: Int32Array.from(absent), unique };
}

function decoded({ joined, absent }: StoredField, total: number): Keys {
  const keys: Keys = total === 0 ? [] : joined.split("\n");
  for (const place of absent) keys[place] = null;
  return keys;
}

/** Well formed, and of `total` keys each (none of which has a line feed). */
function wellFormed(fields: unknown, total: number): fields is StoredField[] {
  if (!Array.isArray(fields) || fields.length !== 2) return false;
  return fields.every((field) => {
    const { joined, absent, unique } = (field ?? {}) as Partial<StoredField>;
    if (typeof joined !== "string" || !(absent instanceof Int32Array) || typeof unique !== "boolean")
      return false;
    let lines = total === 0 ? 0 : 1;
    for (let at = joined.indexOf("\n"); at !== -1; at = joined.indexOf("\n", at + 1)) lines++;
    return lines === total && absent.every((place) => place >= 0 && place < total);
  });
}

class PolicyKeysKept implements PolicyKeysMemo {
  /** This build's fields (the last made: the build's own). */
  private made_?: readonly MadeField[];
  private asked?: readonly RecordOf<"policy">[];
  private encoded_?: StoredField[];

  constructor(
    readonly key: string,
    /** What was kept (undefined: nothing usable). */
    readonly stored: (Stored & { total: number }) | undefined,
    private readonly since: Since,
  ) {}

  kept(policies: readonly RecordOf<"policy">[]): ReturnType<PolicyKeysMemo["kept"]> {
    // Only the first list asked about is this build's (a build without the cache, or the dev
    // server's next one, in the same process has its own records).
    this.asked ??= policies;
    const { stored } = this;
    if (this.asked !== policies || !stored || stored.total !== policies.length) return undefined;
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
    const fields = stored.fields.map((field): KeptField => ({
      unique: field.unique,
      keys: () => decoded(field, stored.total),
    }));
    return { fields, edited };
  }

  made(policies: readonly RecordOf<"policy">[], fields: readonly MadeField[]): void {
    if (this.asked !== policies) return;
    this.made_ = fields;
    this.encoded_ = undefined;
  }

  /** This build's fields as stored (a field whose keys are the kept ones is the kept field). */
  fields(): StoredField[] | undefined {
    const made = this.made_;
    if (!made) return undefined;
    return (this.encoded_ ??= made.map((field, f) =>
      field.keys ? encoded(field.keys, field.unique) : { ...this.stored!.fields[f], unique: field.unique },
    ));
  }

  total(): number {
    return this.asked?.length ?? 0;
  }

  /** Would a save write other keys than those read back? */
  stale(): boolean {
    const fields = this.fields();
    if (!fields) return false;
    const stored = this.stored?.fields;
    return (
      stored === undefined ||
      fields.some(
        (field, f) =>
          field.unique !== stored[f].unique ||
          field.joined !== stored[f].joined ||
          field.absent.length !== stored[f].absent.length ||
          field.absent.some((place, i) => place !== stored[f].absent[i]),
      )
    );
  }
}

const opened = new WeakMap<Site, PolicyKeysKept>();

/** Takes the keys kept in `cacheDir` for the store key `key` (none when another key's or unreadable). */
export function openPolicyKeys(cacheDir: string, site: Site, key: string, since: Since): void {
  const stored = readKeyedFile(cacheDir, FILE, key);
  const { gen, total } = generationOf(stored);
  const kept =
    total !== undefined && wellFormed(stored?.fields, total)
      ? { key, fields: stored.fields, gen, total }
      : undefined;
  const memo = new PolicyKeysKept(key, kept, since);
  opened.set(site, memo);
  rememberPolicyKeys(site, memo);
}

/** Would a save write other keys than those read back? */
export const policyKeysStale = (site: Site): boolean => opened.get(site)?.stale() ?? false;

/** Keeps this build's keys with the store's generation `gen` (undefined: unknown). */
export function savePolicyKeys(cacheDir: string, site: Site, gen: string | undefined): void {
  const memo = opened.get(site);
  const fields = memo?.fields();
  if (!memo || !fields || (!memo.stale() && gen === memo.stored?.gen)) return;
  writeKeyedFile(cacheDir, FILE, {
    key: memo.key,
    fields,
    ...(gen ? { gen, total: memo.total() } : {}),
  } satisfies Stored);
  opened.delete(site);
}
