/**
 * A shard's grams read back (gram-shard.mjs's encoding) for the patch's questions about its unchanged
 * pages (long-patch.mjs): a gram's pages and each one's positions, whether a bigram is at a position of a
 * page, and on how many of the pages a window of LONG code points is. A window is on a page exactly where
 * its covering bigrams at 0, 2 … LONG − 2 sit at x, x + 2 … x + LONG − 2 (they hold its every code point;
 * none spans a BREAK or a page's end). Each gram is decoded once. Plain JavaScript (the index step's
 * workers run it).
 */
import { decodeList, skipPositions } from "./gram-lists.mjs";
import { LONG, LONG_BASE, reachOf } from "../assets/search-long.js";
import { gramKey } from "../assets/search-stream.js";

/** A gram's pages as decodeList gives them (tiers dropped). */
class Pages {
  constructor() {
    this.docs = [];
    this.n = 0;
  }
  push(doc) {
    this.docs[this.n++] = doc;
  }
}

/** Index of `key` in the ascending `keys`, or −1. */
export function find(keys, key) {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid] === key) return mid;
    if (keys[mid] < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** A varint's value at bytes[at], and where it ends. */
function varint(bytes, at) {
  let v = 0;
  for (let scale = 1; ; scale *= 128) {
    const b = bytes[at++];
    v += (b & 127) * scale;
    if (b < 128) return [v, at];
  }
}

/**
 * The shard's `grams` (`pages` pages, those `isChanged` left out of counts): `entry(key)`, a gram's pages
 * ({ n, docs, at }: `at` per page where its positions start, −1 absent; a long gram's reach skipped) or
 * null; `positions(entry, doc)`; `has(key, doc, position)`, whether a bigram is there; `reaches(cps,
 * need)`, whether at least `need` unchanged pages hold the window `cps` (pages tried from its least
 * common covering bigram's list).
 */
export function shardEntries(grams, pages, isChanged) {
  /** Gram key → { n, docs, at } (`at`: per page, where its positions start, −1 absent), or null. */
  const decoded = new Map();
  const bigram = (key) => {
    if (decoded.has(key)) return decoded.get(key);
    const i = find(grams.keys, key);
    let entry = null;
    if (i >= 0) {
      const listed = new Pages();
      let at = decodeList(grams, i, pages, listed);
      if (key >= LONG_BASE) at += reachOf(grams.bytes.subarray(at, grams.posEnd[i])).at;
      const starts = new Int32Array(pages).fill(-1);
      for (let x = 0; x < listed.n; x++) {
        starts[listed.docs[x]] = at;
        at = skipPositions(grams.bytes, at);
      }
      entry = { n: listed.n, docs: listed.docs, at: starts };
    }
    decoded.set(key, entry);
    return entry;
  };
  /** Bigram `b`'s positions on page `doc`, ascending. */
  const positions = (b, doc) => {
    let [count, at] = varint(grams.bytes, b.at[doc]);
    const out = new Array(count);
    for (let x = 0, p = 0; x < count; x++) {
      let gap;
      [gap, at] = varint(grams.bytes, at);
      out[x] = p += gap;
    }
    return out;
  };
  const has = (key, doc, at) => {
    const b = bigram(key);
    return !!b && at >= 0 && b.at[doc] >= 0 && positions(b, doc).includes(at);
  };
  const reaches = (cps, need) => {
    const covering = [];
    for (let k = 0; k < LONG; k += 2) {
      const b = bigram(gramKey(cps[k], cps[k + 1]));
      if (!b) return need <= 0;
      covering.push({ b, offset: k });
    }
    covering.sort((x, y) => x.b.n - y.b.n);
    const [rarest, ...rest] = covering;
    if (rarest.b.n < need) return false;
    let count = 0;
    for (let x = 0; x < rarest.b.n && count < need; x++) {
      const doc = rarest.b.docs[x];
      if (isChanged[doc] || rest.some(({ b }) => b.at[doc] < 0)) continue;
      // Where the window would start by the rarest bigram, kept where every other bigram lines up.
      let starts = positions(rarest.b, doc).map((p) => p - rarest.offset);
      for (const { b, offset } of rest) {
        const held = new Set(positions(b, doc));
        starts = starts.filter((s) => held.has(s + offset));
        if (!starts.length) break;
      }
      if (starts.length) count++;
    }
    return count >= need;
  };
  return { entry: bigram, positions, has, reaches };
}
