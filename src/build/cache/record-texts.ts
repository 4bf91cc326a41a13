/**
 * The record store's distinct strings (record-tape.ts) as two texts, end to end, rather than one
 * string each: the Latin-1 ones in one text and the others in another, with each string's end in
 * its text. Reading them back makes each string a slice of its text, which V8 keeps as a small
 * object pointing into the text (a "sliced string", for 13 characters or more) rather than a copy
 * of its characters; the texts themselves are large enough for V8 to allocate outside its young
 * generation, where the scavenger never copies them. At 50k items the store has ~316k distinct
 * strings (~8M characters, median 23): made one by one by `v8.deserialize`, they were ~13 MB of
 * objects that the scavenger copied while the store opened, every one of them surviving.
 */
import { isWide } from "./record-bodies.ts";

/** Plain data (v8 serialization). */
export interface StringTexts {
  /** The strings whose characters all fit Latin-1, end to end. */
  narrow: string;
  /** The others, end to end. */
  wide: string;
  /** Per string, where it ends in its text. */
  ends: Uint32Array;
  /** Per string, 1 when it is in `wide`. */
  inWide: Uint8Array;
}

/** `strings` as texts (`stringsOf` gives them back). */
export function textsOf(strings: readonly string[]): StringTexts {
  const ends = new Uint32Array(strings.length);
  const inWide = new Uint8Array(strings.length);
  const narrow: string[] = [];
  const wide: string[] = [];
  let narrowEnd = 0;
  let wideEnd = 0;
  strings.forEach((string, i) => {
    if (isWide(string)) {
      inWide[i] = 1;
      wide.push(string);
      ends[i] = wideEnd += string.length;
    } else {
      narrow.push(string);
      ends[i] = narrowEnd += string.length;
    }
  });
  // Decoded from Latin-1 bytes, the narrow text is a one-byte string: joined, it would be two-byte
  // (twice the bytes, and every slice of it) when any part was, as a slice of a wider text is.
  return {
    narrow: Buffer.from(narrow.join(""), "latin1").toString("latin1"),
    wide: wide.join(""),
    ends,
    inWide,
  };
}

/** The strings of `texts`, or undefined when they are not texts as `textsOf` makes them. */
export function stringsOf(texts: Partial<StringTexts> | undefined): string[] | undefined {
  const { narrow, wide, ends, inWide } = texts ?? {};
  if (
    typeof narrow !== "string" ||
    typeof wide !== "string" ||
    !(ends instanceof Uint32Array) ||
    !(inWide instanceof Uint8Array && inWide.length === ends.length)
  )
    return undefined;
  const strings = new Array<string>(ends.length);
  let narrowAt = 0;
  let wideAt = 0;
  for (let i = 0; i < ends.length; i++) {
    const end = ends[i];
    if (inWide[i]) {
      if (end < wideAt || end > wide.length) return undefined;
      strings[i] = wide.slice(wideAt, end);
      wideAt = end;
    } else {
      if (end < narrowAt || end > narrow.length) return undefined;
      strings[i] = narrow.slice(narrowAt, end);
      narrowAt = end;
    }
  }
  // Every character is some string's: otherwise these are not the texts of these strings.
  return narrowAt === narrow.length && wideAt === wide.length ? strings : undefined;
}
