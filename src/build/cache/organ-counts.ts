/**
 * Each organ's 年报 counts and audit lists (src/organs/tallies.ts) kept in the build cache folder
 * (`organ-counts.v8`) beside the record store, which opens and saves them. An organ's counts are
 * a function of its items (the records, in order), the site config, the content types and the
 * code: the file is keyed by the last three as the record store is, and each organ's counts by
 * its items' digests (digest.ts, as the record store keeps them). After one edit only the organ
 * of the edited item is counted again (at 20k items counting every organ was ~15 % of a one-edit
 * build's load+validate). An audit list is kept as its records' places among the organ's items.
 * With the store's generation (generation.ts) an organ whose items include no edited record and
 * are as many as then is taken without its items' digests.
 */
import { createHash } from "node:crypto";
import { readKeyedFile, writeKeyedFile } from "./keyed-file.ts";
import type { Site } from "../../config/schema.ts";
import type { ContentRecord } from "../../content/types.ts";
import type { Portal } from "../../portal/portal.ts";
import { generationOf, generationStamp, holdsNone, noteTakenByGeneration, type Since } from "./generation.ts";
import { rememberOrganCounts, type OrganCount, type OrganCountMemo } from "../../organs/tallies.ts";

const FILE = "organ-counts.v8";

/** One organ's counts as kept: plain data (v8 serialization keeps the Maps and their order). */
interface Kept {
  /** The digest of its items' digests, in order. */
  items: string;
  /** How many items (none in a file of older code). */
  size?: number;
  years: number[];
  byYear: Map<number, Map<string, number>>;
  total: Map<string, number>;
  audits: [string, Int32Array][];
}

interface Stored {
  key: string;
  organs: [string, Kept][];
  /** The store's generation it was saved with and the portal's record count then (generation.ts). */
  gen?: string;
  total?: number;
}

/** Per `digestOf`, per items array: their key (the counts and the category lists ask for the same). */
const keys = new WeakMap<object, WeakMap<readonly ContentRecord[], string | undefined>>();

/**
 * The digest of the items' digests, or undefined when one is not known. Once per items array and
 * `digestOf` (a lookup per item: the counts and the category lists, organ-categories.ts, ask both).
 */
export function itemsKey(
  items: readonly ContentRecord[],
  digestOf: (record: object) => string | undefined,
): string | undefined {
  let known = keys.get(digestOf);
  if (!known) keys.set(digestOf, (known = new WeakMap()));
  if (known.has(items)) return known.get(items);
  // The same bytes as an update per digest: the keys of files kept before stay valid.
  let joined = "";
  let key: string | undefined = "";
  for (const record of items) {
    const digest = digestOf(record);
    if (digest === undefined) {
      key = undefined;
      break;
    }
    joined += `${digest}\n`;
  }
  if (key !== undefined) key = createHash("sha1").update(joined).digest("base64url");
  known.set(items, key);
  return key;
}

/** The counts as kept, but for the items' key (known only once every item's digest is). */
function encode(
  { tallies, audits }: OrganCount,
  items: readonly ContentRecord[],
): Omit<Kept, "items"> | undefined {
  const at = new Map<object, number>(items.map((record, i) => [record, i]));
  const lists: [string, Int32Array][] = [];
  for (const [key, records] of audits) {
    const places = new Int32Array(records.length);
    for (let i = 0; i < records.length; i++) {
      const place = at.get(records[i]);
      if (place === undefined) return undefined;
      places[i] = place;
    }
    lists.push([key, places]);
  }
  // Copies: the build's own objects may be read (and so kept) by anything after this.
  return {
    years: [...tallies.years],
    byYear: new Map([...tallies.byYear].map(([year, tally]) => [year, new Map(tally)])),
    total: new Map(tallies.total),
    audits: lists,
  };
}

function decode(kept: Kept, items: readonly ContentRecord[]): OrganCount {
  return {
    tallies: {
      years: [...kept.years],
      byYear: new Map([...kept.byYear].map(([year, tally]) => [year, new Map(tally)])),
      total: new Map(kept.total),
    },
    audits: new Map(kept.audits.map(([key, places]) => [key, recordsAt(places, items)])),
  };
}

/** The records at `places` among `items`: a plain loop (`Array.from` with a map function over a typed array was ~20 samples of a one-edit build at 50k). */
function recordsAt(places: Int32Array, items: readonly ContentRecord[]): ContentRecord[] {
  const records: ContentRecord[] = [];
  for (let i = 0; i < places.length; i++) records.push(items[places[i]]);
  return records;
}

/** How many organs this process took from the cache since it was opened (tests). */
let taken = 0;
export const organCountsTaken = (): number => taken;

class OrganCounts implements OrganCountMemo {
  /** This build's counts per organ: as kept (taken, or read back unchanged), or to be kept. */
  readonly now = new Map<string, Kept | { items: readonly ContentRecord[]; count: Omit<Kept, "items"> }>();
  /** The portal of the first organ asked about (this build's). */
  portal?: Portal;

  /** `storedDigest`: the digests the record store kept (records.ts, which imports this module). */
  constructor(
    readonly key: string,
    private readonly kept: Map<string, Kept>,
    private readonly storedDigest: (record: object) => string | undefined,
    readonly stored: { gen?: string; total?: number },
    private readonly since: Since,
  ) {}

  take(organ: string, items: readonly ContentRecord[], portal: Portal): OrganCount | undefined {
    this.portal ??= portal;
    const kept = this.kept.get(organ);
    if (!kept) return undefined;
    const edited = this.since.editedIn(portal, this.stored.gen, this.stored.total);
    if (edited && kept.size === items.length && holdsNone(items, edited)) noteTakenByGeneration();
    else if (kept.items !== itemsKey(items, this.storedDigest)) return undefined;
    taken++;
    return decode(kept, items);
  }

  counted(organ: string, items: readonly ContentRecord[], count: OrganCount, wasTaken: boolean): void {
    const kept = this.kept.get(organ);
    // Its size added to one of older code (then written again).
    if (wasTaken && kept)
      return void this.now.set(organ, kept.size === items.length ? kept : { ...kept, size: items.length });
    const encoded = encode(count, items);
    if (encoded) this.now.set(organ, { items, count: { ...encoded, size: items.length } });
    else this.now.delete(organ);
  }

  /** Would a save write other counts than those read back? */
  stale(): boolean {
    if (this.now.size !== this.kept.size) return true;
    for (const [organ, now] of this.now) if (now !== this.kept.get(organ)) return true;
    return false;
  }
}

const opened = new WeakMap<Site, OrganCounts>();

/**
 * Takes the counts kept in `cacheDir` for the store key `key` (none when another key's or
 * unreadable); `digestOf` gives the digests the record store kept.
 */
export function openOrganCounts(
  cacheDir: string,
  site: Site,
  key: string,
  digestOf: (record: object) => string | undefined,
  since: Since,
): void {
  taken = 0;
  // None kept (or another key's, or unreadable): every organ is counted.
  const stored = readKeyedFile(cacheDir, FILE, key);
  const kept = new Map<string, Kept>(Array.isArray(stored?.organs) ? stored.organs.filter(wellFormed) : []);
  const memo = new OrganCounts(key, kept, digestOf, generationOf(stored), since);
  opened.set(site, memo);
  rememberOrganCounts(site, memo);
}

function wellFormed(entry: unknown): entry is [string, Kept] {
  if (!Array.isArray(entry) || typeof entry[0] !== "string") return false;
  const kept = entry[1] as Partial<Kept> | undefined;
  return (
    typeof kept?.items === "string" &&
    Array.isArray(kept.years) &&
    kept.byYear instanceof Map &&
    kept.total instanceof Map &&
    Array.isArray(kept.audits)
  );
}

/** Would a save write other counts than those read back? */
export const organCountsStale = (site: Site): boolean => opened.get(site)?.stale() ?? false;

/**
 * Keeps this build's counts, each organ's under its items' digests (`digestOf`: the build's), with
 * the store's generation `gen` (undefined: unknown).
 */
export function saveOrganCounts(
  cacheDir: string,
  site: Site,
  digestOf: (record: object) => string | undefined,
  gen: string | undefined,
): void {
  const memo = opened.get(site);
  if (!memo || (!memo.stale() && gen === memo.stored.gen)) return;
  const organs: [string, Kept][] = [];
  for (const [organ, now] of memo.now) {
    if (!("count" in now)) organs.push([organ, now]);
    else {
      const items = itemsKey(now.items, digestOf);
      if (items !== undefined) organs.push([organ, { items, ...now.count }]);
    }
  }
  writeKeyedFile(cacheDir, FILE, {
    key: memo.key,
    organs,
    ...generationStamp(gen, memo.portal),
  } satisfies Stored);
  opened.delete(site);
}
