/**
 * Records the wording check found nothing in (no finding, no suppression), by the matcher they
 * were scanned with: an unchanged record is not scanned again while the matcher is the same. The
 * build cache's record store keeps these marks with the records (src/build/cache/records.ts), so
 * a one-edit build scans only the edited file (at 50k items the scan of every record took ~1 s).
 *
 * A record's findings depend on its text and date and on the matcher; the matcher on the site
 * config (the store is keyed by it and by the code), the organ files' names (organNamesKey) and
 * the shipped dictionaries under data/wording/, which are no code: their bytes are in the
 * signature.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { DICTIONARY_DIR } from "./dictionary.ts";
import { keptWith } from "../../content/kept.ts";

const clean = new WeakMap<object, string>();
let dataDigest: string | undefined;

/** The dictionaries' bytes (every file under data/wording/), read once per process. */
function wordingData(): string {
  if (dataDigest === undefined) {
    const hash = createHash("sha1");
    const files = readdirSync(DICTIONARY_DIR, { recursive: true, encoding: "utf8" })
      .filter((rel) => statSync(path.join(DICTIONARY_DIR, rel)).isFile())
      .sort();
    for (const rel of files)
      hash
        .update(`${rel}\0`)
        .update(readFileSync(path.join(DICTIONARY_DIR, rel)))
        .update("\0");
    dataDigest = hash.digest("base64url");
  }
  return dataDigest;
}

/** What a clean mark holds: the matcher's inputs besides the site config. */
export const matcherSignature = (organNamesKey: string): string =>
  createHash("sha1").update(wordingData()).update("\0").update(organNamesKey).digest("base64url");

/**
 * The signature of the matcher that found nothing in `record` (marked by this process, or kept
 * with it by the record store: src/content/kept.ts), or undefined.
 */
export const cleanUnder = (record: object): string | undefined =>
  clean.get(record) ?? keptWith(record)?.clean ?? undefined;

/** Whether a record marked under another signature was marked again (the store is then written whole). */
let remarked = false;

/**
 * Records marked for the first time since the last `forgetRemarked`: the store must keep them
 * too, not only the files read. A build that fills the cache runs this check on a worker thread,
 * whose marks never reach the store, and the next build, which read no file, wrote nothing: every
 * one-edit build after them scanned every record again (at 20k items ~1 s of CPU).
 */
let fresh = new WeakSet<object>();
let freshCount = 0;

export function markClean(record: object, signature: string): void {
  markCleanAfter(record, signature, cleanUnder(record));
}

/** `markClean` for a caller that has read the record's mark before this one (`cleanUnder`) already. */
export function markCleanAfter(record: object, signature: string, before: string | undefined): void {
  if (before === undefined) {
    fresh.add(record);
    freshCount++;
  } else if (before !== signature) remarked = true;
  clean.set(record, signature);
}

/** Were records marked again under a new signature since the last `forgetRemarked`? */
export const cleanMarksChanged = (): boolean => remarked;

/** Were records marked for the first time since the last `forgetRemarked`? */
export const cleanMarksAdded = (): boolean => freshCount > 0;

/** Was `record` marked for the first time since the last `forgetRemarked`? */
export const markedAnew = (record: object): boolean => fresh.has(record);

/** Clean marks as a worker sends them to the thread that keeps the store: per signature, record indexes. */
export type CleanMarks = [signature: string, indexes: number[]][];

/**
 * The records of `records` marked for the first time in this thread, by index, grouped by
 * signature; undefined if none. A build worker that ran the wording check sends them with its
 * problems, so the store a fill writes keeps the marks (else the build after it scans every
 * record again and writes the store whole).
 */
export function freshMarksOf(records: readonly object[]): CleanMarks | undefined {
  if (freshCount === 0) return undefined;
  const bySignature = new Map<string, number[]>();
  records.forEach((record, i) => {
    const signature = fresh.has(record) ? clean.get(record) : undefined;
    if (signature === undefined) return;
    const indexes = bySignature.get(signature);
    if (indexes) indexes.push(i);
    else bySignature.set(signature, [i]);
  });
  return bySignature.size ? [...bySignature] : undefined;
}

/** Takes the marks a worker made (`freshMarksOf` there) on this thread's records, in the same order. */
export function markAll(records: readonly object[], marks: CleanMarks): void {
  for (const [signature, indexes] of marks) for (const i of indexes) markClean(records[i], signature);
}

/** Called once the store holds every mark. */
export function forgetRemarked(): void {
  remarked = false;
  fresh = new WeakSet();
  freshCount = 0;
}
