/**
 * A result kept beside the record store by its generation only (generation.ts): a keyed file
 * (keyed-file.ts) holding the store's key, the result's own payload and the store's generation
 * and the number of records the payload was made of then (the portal's, or as its user counts).
 * The record store opens it and saves it; a build takes the payload while the generation holds
 * and notes its own. Used by the check of the details' URLs
 * (detail-urls.ts), the digest of sitemap.xml's detail lines (sitemap-details.ts), the 解读
 * coverage's codes (coverage-kept.ts) and the unique-索引号/发文字号 verdicts (policy-keys-kept.ts),
 * each of which says what its payload is, what it counts and how it is read.
 */
import type { Site } from "../../config/schema.ts";
import type { ContentRecord } from "../../content/types.ts";
import type { Portal } from "../../portal/portal.ts";
import { generationOf, noteTakenByGeneration, type Since } from "./generation.ts";
import { readKeyedFile, writeKeyedFile } from "./keyed-file.ts";

/** What a kept result is, besides its payload `P`. */
export interface KeptResult<P extends object> {
  /** The file's name in the build cache folder. */
  file: string;
  /** The payload of a file read back, when well formed. */
  decode: (stored: Record<string, unknown>) => P | undefined;
  /** Is this build's payload the one read back (a save would write nothing new)? */
  same: (made: P, kept: P) => boolean;
  /** Hands the opened memo to the code that asks it (the check, the tally), when that code asks. */
  opened?: (site: Site, memo: KeptMemo<P>) => void;
  /**
   * Is the payload stale when noted for another count than the kept one, though the same? For a
   * result whose count is not the portal's (policy-keys-kept.ts: every policy record, drafts too),
   * read back only when it matches. Without it a payload as kept is not stale whatever its count,
   * and its file is written again only under another generation (the behaviour of the others).
   */
  staleByCount?: boolean;
}

/** One build's view of a kept result: what was read back, and what this build made. */
export class KeptMemo<P extends object> {
  /** This build's payload (the last noted: the build's own) and the count it was made for. */
  made?: P;
  private total?: number;

  constructor(
    readonly key: string,
    /** What was kept, with its generation (undefined: nothing usable). */
    readonly kept: (P & { gen?: string; total?: number }) | undefined,
    readonly since: Since,
    private readonly result: Pick<KeptResult<P>, "same" | "staleByCount">,
  ) {}

  /**
   * The records of `portal` that may differ from the kept payload's (generation.ts `editedIn`),
   * when the payload may be taken for them and `fits` them; counted as taken. Undefined otherwise.
   */
  take(
    portal: Portal,
    fits: (edited: readonly ContentRecord[]) => boolean = () => true,
  ): readonly ContentRecord[] | undefined {
    if (this.kept === undefined) return undefined;
    const edited = this.since.editedIn(portal, this.kept.gen, this.kept.total);
    if (edited === undefined || !fits(edited)) return undefined;
    noteTakenByGeneration();
    return edited;
  }

  /** This build's payload, made for `total` records (the portal's, for a payload `take` gives). */
  note(total: number, made: P): void {
    this.made = made;
    this.total = total;
  }

  /** Would a save write another payload (or, `staleByCount`, another count) than the one read back? */
  stale(): boolean {
    const { made, kept, result } = this;
    return (
      made !== undefined &&
      (kept === undefined ||
        (result.staleByCount === true && this.total !== kept.total) ||
        !result.same(made, kept))
    );
  }

  /** What a save writes under the store's generation `gen`: nothing when the file holds it already. */
  toSave(gen: string | undefined): ({ key: string; gen?: string; total?: number } & P) | undefined {
    if (this.made === undefined || (!this.stale() && gen === this.kept?.gen)) return undefined;
    const stamp = gen && this.total !== undefined ? { gen, total: this.total } : {};
    return { key: this.key, ...this.made, ...stamp };
  }
}

/** The record store's calls for the result `kept`: open, stale, save (and each site's memo). */
export function keptByGeneration<P extends object>(kept: KeptResult<P>) {
  const opened = new WeakMap<Site, KeptMemo<P>>();
  return {
    /** Takes the payload kept in `cacheDir` for the store key `key` (none when another key's or unreadable). */
    open: (cacheDir: string, site: Site, key: string, since: Since): void => {
      const stored = readKeyedFile(cacheDir, kept.file, key);
      const payload = stored && kept.decode(stored);
      const memo = new KeptMemo<P>(key, payload && { ...payload, ...generationOf(stored) }, since, kept);
      opened.set(site, memo);
      kept.opened?.(site, memo);
    },
    /** Would a save write another payload than the one read back? */
    stale: (site: Site): boolean => opened.get(site)?.stale() ?? false,
    /** Keeps this build's payload with the store's generation `gen` (undefined: unknown). */
    save: (cacheDir: string, site: Site, gen: string | undefined): void => {
      const stored = opened.get(site)?.toSave(gen);
      if (!stored) return;
      writeKeyedFile(cacheDir, kept.file, stored);
      opened.delete(site);
    },
    memoOf: (site: Site): KeptMemo<P> | undefined => opened.get(site),
  };
}
