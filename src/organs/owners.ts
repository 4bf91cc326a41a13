/**
 * Each published record's organ (platform.ts `ownerOf`), as the organs' items: one pass over the
 * portal's records, or, when the build cache kept the last build's owners by the record store's
 * generation (src/build/cache/organ-owners-kept.ts), those owners with only the edited records'
 * found again. `ownerOf` reads the type and one or two fields of every record (records of five
 * shapes, so each read is megamorphic: ~45 samples of a one-edit build's main thread at 50k
 * items); the kept owners are a number per record.
 */
import type { Site } from "../config/schema.ts";
import type { ContentRecord } from "../content/types.ts";
import type { Portal } from "../portal/portal.ts";
import { push } from "../portal/group.ts";

/** Each record's owner as an index into `names`, -1 for none, in the portal's record order. */
export interface OrganOwners {
  names: readonly string[];
  owners: Int32Array;
}

/** The build cache's view of the owners it kept (organ-owners-kept.ts). */
export interface OrganOwnersMemo {
  /**
   * The owners kept for `portal`'s records and the records that may differ from those they were
   * found for (whose owners must be found again), when they may be taken; undefined otherwise.
   */
  kept(portal: Portal): { kept: OrganOwners; edited: readonly ContentRecord[] } | undefined;
  /** This build's owners of `portal`'s records. */
  made(portal: Portal, owners: OrganOwners): void;
}

const memos = new WeakMap<Site, OrganOwnersMemo>();
export const rememberOrganOwners = (site: Site, memo: OrganOwnersMemo): void => void memos.set(site, memo);

/** How many times this process took kept owners (tests). */
let taken = 0;
export const organOwnersTaken = (): number => taken;

/** The organs' names in a fixed order, and each of the portal's records' owner among them. */
export function organItems(
  portal: Portal,
  organNames: ReadonlySet<string>,
  ownerOf: (record: ContentRecord, organNames: ReadonlySet<string>) => string | undefined,
): Map<string, ContentRecord[]> {
  const names = [...organNames];
  const { records } = portal;
  const memo = memos.get(portal.site);
  const kept = memo?.kept(portal);
  let owners: Int32Array;
  if (kept && sameNames(kept.kept.names, names) && kept.kept.owners.length === records.length) {
    taken++;
    owners = kept.kept.owners.slice();
    const at = new Map(names.map((name, i) => [name, i]));
    for (const place of placesOf(records, kept.edited)) {
      owners[place] = indexOf(at, ownerOf(records[place], organNames));
    }
  } else {
    const at = new Map(names.map((name, i) => [name, i]));
    owners = new Int32Array(records.length);
    for (let i = 0; i < records.length; i++) {
      owners[i] = indexOf(at, ownerOf(records[i], organNames));
    }
  }
  memo?.made(portal, { names, owners });
  const byName = new Map<string, ContentRecord[]>();
  for (let i = 0; i < records.length; i++) if (owners[i] >= 0) push(byName, names[owners[i]], records[i]);
  return byName;
}

/** An owner's place among the organs' names; -1 for none or a department without an organ file (no organ's items). */
const indexOf = (at: ReadonlyMap<string, number>, owner: string | undefined): number =>
  (owner === undefined ? undefined : at.get(owner)) ?? -1;

const sameNames = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((name, i) => name === b[i]);

/** The places of `edited` among `records` (each is there when the memo gives them, or is skipped). */
function placesOf(records: readonly ContentRecord[], edited: readonly ContentRecord[]): number[] {
  if (edited.length <= 16) return edited.map((record) => records.indexOf(record)).filter((i) => i >= 0);
  const wanted = new Set(edited);
  const places: number[] = [];
  for (let i = 0; i < records.length; i++) if (wanted.has(records[i])) places.push(i);
  return places;
}
