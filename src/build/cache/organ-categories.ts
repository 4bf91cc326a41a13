/**
 * Each organ's 第二十条 category lists (src/organs/category-items.ts) kept in the build cache folder
 * (`organ-categories.v8`) beside the record store, which opens and saves them as it does the
 * organs' counts (organ-counts.ts). An organ's lists are a function of its items (the records, in
 * order) and its categories' rules (its own file's `statutory`): the file is keyed by the record
 * store's key (the code, the site config, the types), each organ's lists by its items' digests and
 * its rules. Kept as the lists' places among the organ's items. After one edit only the organ of
 * the edited item is sorted again (sorting every organ was ~9 % of a one-edit build's
 * load+validate at 20k items). With the store's generation (generation.ts) an organ whose items
 * include no edited record and are as many as then is taken without its items' digests.
 */
import { readKeyedFile, writeKeyedFile } from "./keyed-file.ts";
import type { Site } from "../../config/schema.ts";
import type { ContentRecord } from "../../content/types.ts";
import {
  rememberCategoryLists,
  type CategoryListMemo,
  type CategoryLists,
} from "../../organs/category-items.ts";
import { portalOfOrgan, type Organ } from "../../organs/platform.ts";
import type { Portal } from "../../portal/portal.ts";
import { itemsKey } from "./organ-counts.ts";
import { generationOf, generationStamp, holdsNone, noteTakenByGeneration, type Since } from "./generation.ts";

const FILE = "organ-categories.v8";

interface Kept {
  /** The digest of its items' digests, in order (organ-counts.ts `itemsKey`). */
  items: string;
  /** What sorts the items into its categories: each category's rules, in order. */
  rules: string;
  lists: Int32Array[];
  /** How many items (none in a file of older code). */
  size?: number;
}

interface Stored {
  key: string;
  organs: [string, Kept][];
  /** The store's generation it was saved with and the portal's record count then (generation.ts). */
  gen?: string;
  total?: number;
}

const rulesOf = (organ: Organ): string =>
  JSON.stringify(
    organ.record.fields.statutory.map((c) => [c.policy_kinds, c.columns, c.guide_types, c.topics]),
  );

/** How many organs this process took from the cache since it was opened (tests). */
let taken = 0;
export const organCategoriesTaken = (): number => taken;

class OrganCategories implements CategoryListMemo {
  /** This build's lists per organ: as kept (taken), or to be kept (with the items they place). */
  readonly now = new Map<
    string,
    Kept | { items: readonly ContentRecord[]; rules: string; lists: Int32Array[]; size: number }
  >();
  /** The portal of the first organ asked about (this build's). */
  portal?: Portal;

  constructor(
    readonly key: string,
    private readonly kept: Map<string, Kept>,
    private readonly storedDigest: (record: object) => string | undefined,
    readonly stored: { gen?: string; total?: number },
    private readonly since: Since,
  ) {}

  take(organ: Organ): CategoryLists | undefined {
    const portal = portalOfOrgan(organ);
    if (portal) this.portal ??= portal;
    const kept = this.kept.get(organ.key);
    if (!kept || kept.rules !== rulesOf(organ)) return undefined;
    const { items } = organ;
    const edited = portal && this.since.editedIn(portal, this.stored.gen, this.stored.total);
    const byGeneration = edited !== undefined && kept.size === items.length && holdsNone(items, edited);
    if (!byGeneration && kept.items !== itemsKey(items, this.storedDigest)) return undefined;
    if (kept.lists.some((places) => places.some((i) => i >= items.length))) return undefined;
    if (byGeneration) noteTakenByGeneration();
    taken++;
    return kept.lists.map((places) => Array.from(places, (i) => items[i]));
  }

  sorted(organ: Organ, lists: CategoryLists, wasTaken: boolean): void {
    const kept = this.kept.get(organ.key);
    // Its size added to one of older code (then written again).
    if (wasTaken && kept)
      return void this.now.set(
        organ.key,
        kept.size === organ.items.length ? kept : { ...kept, size: organ.items.length },
      );
    const at = new Map<object, number>(organ.items.map((record, i) => [record, i]));
    const places: Int32Array[] = [];
    for (const list of lists) {
      const placed = Int32Array.from(list, (record) => at.get(record) ?? -1);
      if (placed.includes(-1)) return void this.now.delete(organ.key);
      places.push(placed);
    }
    this.now.set(organ.key, {
      items: organ.items,
      rules: rulesOf(organ),
      lists: places,
      size: organ.items.length,
    });
  }

  /** Would a save write other lists than those read back? */
  stale(): boolean {
    if (this.now.size !== this.kept.size) return true;
    for (const [organ, now] of this.now) if (now !== this.kept.get(organ)) return true;
    return false;
  }
}

const opened = new WeakMap<Site, OrganCategories>();

/**
 * Takes the lists kept in `cacheDir` for the store key `key` (none when another key's or
 * unreadable); `digestOf` gives the digests the record store kept.
 */
export function openOrganCategories(
  cacheDir: string,
  site: Site,
  key: string,
  digestOf: (record: object) => string | undefined,
  since: Since,
): void {
  taken = 0;
  // None kept (or another key's, or unreadable): every organ is sorted.
  const stored = readKeyedFile(cacheDir, FILE, key);
  const kept = new Map<string, Kept>(Array.isArray(stored?.organs) ? stored.organs.filter(wellFormed) : []);
  const memo = new OrganCategories(key, kept, digestOf, generationOf(stored), since);
  opened.set(site, memo);
  rememberCategoryLists(site, memo);
}

function wellFormed(entry: unknown): entry is [string, Kept] {
  if (!Array.isArray(entry) || typeof entry[0] !== "string") return false;
  const kept = entry[1] as Partial<Kept> | undefined;
  return (
    typeof kept?.items === "string" &&
    typeof kept.rules === "string" &&
    Array.isArray(kept.lists) &&
    kept.lists.every((l) => l instanceof Int32Array)
  );
}

/** Would a save write other lists than those read back? */
export const organCategoriesStale = (site: Site): boolean => opened.get(site)?.stale() ?? false;

/**
 * Keeps this build's lists, each organ's under its items' digests (`digestOf`: the build's), with
 * the store's generation `gen` (undefined: unknown).
 */
export function saveOrganCategories(
  cacheDir: string,
  site: Site,
  digestOf: (record: object) => string | undefined,
  gen: string | undefined,
): void {
  const memo = opened.get(site);
  if (!memo || (!memo.stale() && gen === memo.stored.gen)) return;
  const organs: [string, Kept][] = [];
  for (const [organ, now] of memo.now) {
    if (typeof now.items === "string") organs.push([organ, now as Kept]);
    else {
      const items = itemsKey(now.items, digestOf);
      if (items !== undefined)
        organs.push([organ, { items, rules: now.rules, lists: now.lists, size: now.size }]);
    }
  }
  writeKeyedFile(cacheDir, FILE, {
    key: memo.key,
    organs,
    ...generationStamp(gen, memo.portal),
  } satisfies Stored);
  opened.delete(site);
}
