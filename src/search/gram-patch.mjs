/**
 * A shard's grams (gram-shard.mjs) after a few of its pages changed, from its grams before: only
 * the grams whose entry of a changed page (its tier and, for a bigram, its positions) is not as it
 * was are encoded again, and in those the other pages' list entries are decoded and encoded and
 * their positions copied in runs; every other gram's bytes are copied as they are. The same bytes
 * as indexing the whole shard again (a gram's list and positions depend only on its pages' tiers
 * and page-relative positions; test/search/gram-patch.test.ts compares them), at about the cost of
 * the edit rather than of the shard's 4,096 pages (src/build/cache/search-texts.ts). Plain JavaScript.
 */
import { Bytes } from "./gram-buffers.mjs";
import { decodeList, encodeListByTiers, skipPositions } from "./gram-lists.mjs";
import { indexShard } from "./gram-shard.mjs";
import { longPatch } from "./long-patch.mjs";
import { find } from "./shard-entries.mjs";
import { LONG_BASE, reachOf } from "../assets/search-long.js";

/** Keys from here on are bigrams ((a + 1) × 0x110000 + b) and long grams; below, unigrams. */
const BIGRAMS = 0x110000;

/** A growing pair of Int32Arrays: a gram's pages and their tiers. */
class Entries {
  constructor() {
    this.docs = new Int32Array(4096);
    this.tiers = new Int32Array(4096);
    this.n = 0;
  }
  push(doc, tier) {
    if (this.n === this.docs.length) {
      for (const name of ["docs", "tiers"]) {
        const next = new Int32Array(this.n * 2);
        next.set(this[name]);
        this[name] = next;
      }
    }
    this.docs[this.n] = doc;
    this.tiers[this.n++] = tier;
  }
}

/** Gram i's bytes (list and positions). */
const bytesOf = (g, i) => g.bytes.subarray(i === 0 ? 0 : g.posEnd[i - 1], g.posEnd[i]);
/** The bytes of gram `i`'s page list alone (its positions left out). */
const listBytesOf = (g, i) => g.bytes.subarray(i === 0 ? 0 : g.posEnd[i - 1], g.listEnd[i]);

function sameBytes(a, b) {
  if (a.length !== b.length) return false;
  for (let x = 0; x < a.length; x++) if (a[x] !== b[x]) return false;
  return true;
}

/**
 * Whether gram `key` of `was` (the changed pages before) has the page list gram `a` of `now` (after)
 * has: both index the changed pages alone in the same order, so the same bytes mean the same pages
 * with the same tiers.
 */
function sameList(was, key, now, a) {
  const w = find(was.keys, key);
  if (w < 0) return false;
  return sameBytes(listBytesOf(was, w), listBytesOf(now, a));
}

/**
 * The keys whose entries of the changed pages differ between `was` and `now` (indexes of the
 * changed pages alone, in the same order: the same bytes mean the same tiers and positions).
 */
function touchedKeys(was, now) {
  const touched = [];
  for (let i = 0; i < was.keys.length; i++) {
    const other = find(now.keys, was.keys[i]);
    if (other < 0 || !sameBytes(bytesOf(was, i), bytesOf(now, other))) touched.push(was.keys[i]);
  }
  for (let i = 0; i < now.keys.length; i++) if (find(was.keys, now.keys[i]) < 0) touched.push(now.keys[i]);
  return touched.sort((a, b) => a - b);
}

/**
 * The grams of a shard of `pages` pages whose pages `changed` (ascending) were `before` and are `after`
 * ({ title, pieces } each), the others as when `grams` were made, and where the changed pages' pieces
 * start (`starts`); undefined when a long gram may come in (gram-long.mjs: the shard is made whole).
 */
export function patchShard(grams, pages, changed, before, after) {
  const long = longPatch(grams, pages, changed);
  const was = indexShard(before, { long: long.before });
  const now = indexShard(after, { long: long.after });
  if (long.grows()) return undefined;
  const isChanged = new Uint8Array(pages);
  for (const j of changed) isChanged[j] = 1;
  const touched = touchedKeys(was, now);
  // A kept long gram's entry holds what all its occurrences have around it (long-reach.mjs), which the
  // shard's other pages decide too: one a changed page's entry changed is patched only where that
  // stays (long-patch.mjs), else the shard is made whole.
  const reachAt = (g, i) => reachOf(g.bytes.subarray(g.listEnd[i], g.posEnd[i]));
  if (touched.some((key) => key >= LONG_BASE && !long.sameReach(key, reachAt(grams, find(grams.keys, key)))))
    return undefined;
  const out = new Bytes(grams.bytes.length + 1024);
  const most = grams.keys.length + touched.length;
  const keys = new Float64Array(most);
  const df = new Uint32Array(most);
  const listEnd = new Uint32Array(most);
  const posEnd = new Uint32Array(most);
  const old = new Entries();
  const added = new Entries();
  const merged = new Entries();
  let k = 0;
  let i = 0;
  /** Copies the old grams before index `end` as they are, in one run of bytes. */
  const copyTo = (end) => {
    if (end <= i) return;
    const from = i === 0 ? 0 : grams.posEnd[i - 1];
    const shift = out.length - from;
    out.bytes(grams.bytes.subarray(from, grams.posEnd[end - 1]));
    keys.set(grams.keys.subarray(i, end), k);
    df.set(grams.df.subarray(i, end), k);
    for (; i < end; i++, k++) {
      listEnd[k] = grams.listEnd[i] + shift;
      posEnd[k] = grams.posEnd[i] + shift;
    }
  };
  for (const key of touched) {
    const o = find(grams.keys, key);
    let end = i;
    while (end < grams.keys.length && grams.keys[end] < key) end++;
    copyTo(end);
    old.n = 0;
    // Where the old gram's positions start (after its list) and end.
    let at = 0;
    let stop = 0;
    if (o >= 0) {
      at = decodeList(grams, o, pages, old);
      stop = grams.posEnd[o];
      i = o + 1;
    }
    const a = find(now.keys, key);
    added.n = 0;
    let addedAt = 0;
    if (a >= 0) {
      addedAt = decodeList(now, a, after.length, added);
      for (let x = 0; x < added.n; x++) added.docs[x] = changed[added.docs[x]];
    }
    if (o >= 0 && a >= 0 && sameList(was, key, now, a)) {
      // The changed pages hold the gram with the same tiers as before (only their positions moved):
      // the merged list is the old one, so are its bytes (a common gram's list is ~1 KB of 4,096 pages).
      if (long.dropped(key, old.n)) continue;
      keys[k] = key;
      df[k] = grams.df[o];
      out.bytes(listBytesOf(grams, o));
    } else {
      // Merge the old entries (less the changed pages) with the changed pages' new ones.
      merged.n = 0;
      for (let x = 0, y = 0; x < old.n || y < added.n;) {
        if (y < added.n && (x >= old.n || added.docs[y] < old.docs[x])) {
          merged.push(added.docs[y], added.tiers[y]);
          y++;
        } else {
          if (!isChanged[old.docs[x]]) merged.push(old.docs[x], old.tiers[x]);
          x++;
        }
      }
      if (merged.n === 0 || long.dropped(key, merged.n)) continue;
      keys[k] = key;
      df[k] = merged.n;
      encodeListByTiers(merged.docs, merged.tiers, merged.n, pages, out);
    }
    listEnd[k] = out.length;
    if (key >= BIGRAMS) {
      // Positions in page order: the old pages' in runs, a changed page's old ones skipped, its new ones put in.
      // Past the last changed or added page the rest is one run: its pages' positions are not walked.
      let last = -1;
      for (let x = old.n - 1; x >= 0; x--)
        if (isChanged[old.docs[x]]) {
          last = x;
          break;
        }
      let run = at;
      if (key >= LONG_BASE) {
        // A long gram's reach before its positions: the old one's copied with the first run (it stays).
        at = grams.listEnd[o] + reachAt(grams, o).at;
        if (a >= 0) addedAt = now.listEnd[a] + reachAt(now, a).at;
      }
      for (let x = 0, y = 0; x <= last || y < added.n;) {
        if (y < added.n && (x >= old.n || added.docs[y] < old.docs[x])) {
          out.bytes(grams.bytes.subarray(run, at));
          const next = skipPositions(now.bytes, addedAt);
          out.bytes(now.bytes.subarray(addedAt, next));
          addedAt = next;
          run = at;
          y++;
        } else {
          const next = skipPositions(grams.bytes, at);
          if (isChanged[old.docs[x]]) {
            out.bytes(grams.bytes.subarray(run, at));
            run = next;
          }
          at = next;
          x++;
        }
      }
      out.bytes(grams.bytes.subarray(run, stop));
    }
    posEnd[k++] = out.length;
  }
  copyTo(grams.keys.length);
  if (!long.same({ keys: keys.slice(0, k), df, listEnd, posEnd }, before, after)) return undefined;
  return {
    keys: keys.slice(0, k),
    df: df.slice(0, k),
    listEnd: listEnd.slice(0, k),
    posEnd: posEnd.slice(0, k),
    bytes: out.view().slice(),
    starts: now.starts,
  };
}
