/**
 * The record store's generation (records.ts): an id written with each save of the store (the
 * whole store's id, or a new one with each delta). The results kept beside the store
 * (organ-counts.ts, organ-categories.ts, site-tallies.ts) are written with the generation of the
 * store saved with them, and the portal's record count then. A kept result of the generation the
 * store opened at was made from exactly the store's records, and this build's records are those
 * except the files the record cache read again (`RecordCache.edits`).
 *
 * When every file read again replaced a record that keeps its place (the same type, id, URL, date
 * and draft flag), no file was added or removed, no organ file changed and the portal has as many
 * records as then, the portal's records are the last build's, in the same order, with the edited
 * ones in their places: publishing depends on the clock only one way at a time (an item dated
 * later appears, or one disappears when the clock goes back), so as many means the same ones. A
 * kept result whose records (an organ's items, a run of the portal's records) include none of the
 * edited ones and are as many as then is then taken without its records' digests
 * (organ-counts.ts `itemsKey`, a pass over every record). Records shown as of the clock (a type's
 * `asOf`: a consultation's 结果反馈 before its date) count as edited on every build.
 *
 * Anything else (no generation, another one, a file added or removed, a record moved, a file
 * with errors, a second portal in one process such as the dev server's next build) takes nothing
 * this way: the kept results are checked by their records' digests, as before.
 */
import type { RecordCache } from "../../content/record-cache.ts";
import type { ContentRecord } from "../../content/types.ts";
import { recordsOf, type Portal } from "../../portal/portal.ts";

/** How many results this process took by generation since the store was opened (tests). */
let taken = 0;
export const takenByGeneration = (): number => taken;
export const noteTakenByGeneration = (): void => void taken++;

/** The generation and record count a kept file was saved with, when well formed. */
export const generationOf = (
  stored: Record<string, unknown> | undefined,
): { gen?: string; total?: number } =>
  typeof stored?.gen === "string" && typeof stored.total === "number"
    ? { gen: stored.gen, total: stored.total }
    : {};

/** What a kept result is written with: the store's generation `gen` and the portal's record count then (none without both). */
export const generationStamp = (
  gen: string | undefined,
  portal: Portal | undefined,
): { gen?: string; total?: number } => (gen && portal ? { gen, total: portal.records.length } : {});

/** The view made when each record cache was opened from the store (the build cache's traced reads take it too). */
const opened = new WeakMap<RecordCache, Since>();
export const sinceOf = (cache: RecordCache | undefined): Since | undefined => cache && opened.get(cache);

/** One build's view of what changed since the store's generation. */
export class Since {
  private portal?: Portal;
  private edited?: readonly ContentRecord[];

  /** `gen`: the generation the store opened at (undefined: none, nothing is taken by it). */
  constructor(
    readonly gen: string | undefined,
    private readonly cache: RecordCache,
  ) {
    taken = 0;
    opened.set(cache, this);
  }

  /**
   * The records of `portal` that may differ from the store's at their place, when a result kept
   * under generation `gen` with `total` portal records may be taken for records that include
   * none of them; undefined when nothing may be taken so. Only the first portal asked about is
   * this build's.
   */
  editedIn(
    portal: Portal,
    gen: string | undefined,
    total: number | undefined,
  ): readonly ContentRecord[] | undefined {
    if (this.gen === undefined || gen !== this.gen || total !== portal.records.length) return undefined;
    if (!this.portal) {
      this.portal = portal;
      this.edited = editedOf(this.cache, portal);
    }
    return this.portal === portal ? this.edited : undefined;
  }

  /**
   * The files read again as [before, after] records, each after of the before's type, when the
   * store opened at generation `gen` and no file was added, removed, or read with errors before
   * or after; undefined otherwise. Then this build's records (all, drafts too) are the store's in
   * the same order but for these: for a result kept over all records, not the portal's.
   */
  replacedAt(gen: string | undefined): readonly (readonly [ContentRecord, ContentRecord])[] | undefined {
    if (this.gen === undefined || gen !== this.gen || this.cache.edits.reshaped) return undefined;
    const pairs: (readonly [ContentRecord, ContentRecord])[] = [];
    for (const [before, after] of this.cache.edits.replaced) {
      if (!before || !after || before.type !== after.type) return undefined;
      pairs.push([before, after]);
    }
    return pairs;
  }

  /**
   * The records the files read again held in the store (what `editedIn`'s records were): a kept
   * result that also depends on what an edited record no longer says (a 解读's old target) reads them.
   */
  before(): readonly ContentRecord[] {
    return this.cache.edits.replaced.flatMap(([before]) => (before ? [before] : []));
  }
}

function editedOf(cache: RecordCache, portal: Portal): readonly ContentRecord[] | undefined {
  const { replaced, reshaped } = cache.edits;
  if (reshaped) return undefined;
  const edited: ContentRecord[] = [];
  for (const [before, after] of replaced) {
    if (!before || !after || after.type === "organ") return undefined;
    if (
      before.type !== after.type ||
      before.id !== after.id ||
      before.url !== after.url ||
      before.publishedAt !== after.publishedAt ||
      Boolean(before.fields.draft) !== Boolean(after.fields.draft)
    )
      return undefined;
    edited.push(after);
  }
  for (const type of portal.types) if (type.asOf) edited.push(...recordsOf(portal, type.type));
  return edited;
}

/** Does `records` hold none of `edited` (the records of this build's portal that may differ)? */
export const holdsNone = (records: readonly ContentRecord[], edited: readonly ContentRecord[]): boolean =>
  edited.every((record) => !records.includes(record));
