/**
 * What the build cache's record store (src/build/cache/records.ts) kept with a record it gives
 * back: its digest, its wording clean mark and the facts the checks take from it alone. Held in
 * one hidden slot of the record itself rather than in a WeakMap per kind: at 50k items four
 * WeakMaps meant 200k inserts when the store opened (~0.1 s of CPU) and a hash lookup per read.
 *
 * The slot is a non-enumerable symbol property: a spread, `Object.assign`, `Object.keys`,
 * `JSON.stringify` and `v8.serialize` all skip it, so a copy of a record (changed or not) never
 * carries what the store kept for the original, and nothing that writes or digests a record sees
 * it. Only the record store sets it; the checks read it (src/check/notable-strings.ts,
 * body-links.ts, wording/clean-records.ts, src/content/placeholders.ts) and decide for themselves
 * whether a kept value fits.
 */

/** Plain values; each reader checks the shape of its own. */
export interface KeptWithRecord {
  /** Its digest in the build that stored it (src/build/cache/digest.ts), or null. */
  digest: string | null;
  /** The wording matcher's signature it was found clean under, or null. */
  clean: string | null;
  /** The field strings of note (a `FieldString[]`), or undefined. */
  strings: unknown;
  /** Its body's links (a `BodyLinks`), or undefined. */
  links: unknown;
  /** Where its body has the placeholder of `npm run new` (−1: nowhere), or undefined. */
  placeholder?: unknown;
  /** Its `fields.draft` (a boolean), or undefined. */
  draft?: unknown;
  /** Its `fields.review_by` (epoch ms, or null when it has none), or undefined. */
  reviewBy?: unknown;
  /** Its `fields.headline` (a boolean), or undefined. */
  headline?: unknown;
  /** Whether it has a `fields.cover` (a boolean), or undefined. */
  cover?: unknown;
  /** Its body's accessibility warnings (a `BodyA11y`), or undefined. */
  a11y?: unknown;
}

const KEPT = Symbol("kept by the record store");

/** The slot's key, for the store to define the slot as it makes a record (src/build/cache/record-tape.ts). */
export const KEPT_SLOT: symbol = KEPT;

/** What the record store kept with `record`, or undefined (a record read this build, or a copy). */
export const keptWith = (record: object): KeptWithRecord | undefined =>
  (record as { [KEPT]?: KeptWithRecord })[KEPT];

/** Called by the record store once per record it gives back (a second call replaces the first). */
export function keepWith(record: object, kept: KeptWithRecord): void {
  // Defined again, a property would put the record in V8's slow dictionary mode: assigned instead.
  if (Object.hasOwn(record, KEPT)) (record as { [KEPT]: KeptWithRecord })[KEPT] = kept;
  else Object.defineProperty(record, KEPT, { value: kept, writable: true });
}
