/**
 * Indexes one shard (a run of consecutive page ids) in a worker thread (src/search/index-step.ts):
 * every gram of the pages' streams (src/assets/search-stream.js) with, per page, where it first
 * occurs (its tier) and, for bigrams, every position. The answer depends only on the shard's
 * pages, so shards are indexed side by side and a shard whose pages did not change could be kept.
 * Plain JavaScript: workers do not inherit tsx's loader.
 *
 * Encodings (all integers unsigned LEB128 varints; `j` is a page's index within the shard):
 * - page list: varint (count × 2 + mode); mode 0: per page varint ((j − previous j − 1) × 4 +
 *   tier); mode 1 (when shorter): 2 bits per page of the shard, 0 absent or tier + 1.
 * - positions (bigrams): per listed page, in list order: varint count, first position, then the
 *   gaps to the next.
 */
import { parentPort } from "node:worker_threads";
import { BREAK, SPACE, gramKey, pageStream, tierOfPosition } from "../assets/search-stream.js";

class Bytes {
  constructor(size = 1024) {
    this.buf = new Uint8Array(size);
    this.length = 0;
  }
  room(n) {
    if (this.length + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }
  varint(v) {
    this.room(8);
    while (v >= 128) {
      this.buf[this.length++] = (v % 128) | 128;
      v = Math.floor(v / 128);
    }
    this.buf[this.length++] = v;
  }
  bytes(b) {
    this.room(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }
  view() {
    return this.buf.subarray(0, this.length);
  }
}

/** A gram's occurrences in the shard while it is indexed. */
class Posting {
  constructor(positional) {
    this.docs = [];
    this.tiers = [];
    this.counts = positional ? [] : null;
    this.pos = positional ? [] : null;
    this.last = -1;
  }
}

function encodeList(p, pages, out) {
  const n = p.docs.length;
  let sparse = 0;
  let prev = -1;
  for (let i = 0; i < n; i++) {
    const v = (p.docs[i] - prev - 1) * 4 + p.tiers[i];
    sparse += v < 128 ? 1 : v < 16384 ? 2 : 3;
    prev = p.docs[i];
  }
  const dense = Math.ceil(pages / 4);
  if (dense < sparse) {
    out.varint(n * 2 + 1);
    const bits = new Uint8Array(dense);
    for (let i = 0; i < n; i++) bits[p.docs[i] >> 2] |= (p.tiers[i] + 1) << ((p.docs[i] & 3) * 2);
    out.bytes(bits);
  } else {
    out.varint(n * 2);
    prev = -1;
    for (let i = 0; i < n; i++) {
      out.varint((p.docs[i] - prev - 1) * 4 + p.tiers[i]);
      prev = p.docs[i];
    }
  }
}

function encodePositions(p, out) {
  let at = 0;
  for (const count of p.counts) {
    out.varint(count);
    let prev = 0;
    for (let i = 0; i < count; i++) {
      const q = p.pos[at++];
      out.varint(q - prev);
      prev = q;
    }
  }
}

/**
 * Indexes the pages ({ title, pieces }) and returns the grams in key order, packed: keys, page
 * counts, and offsets into one byte array holding each gram's page list then its positions.
 */
export function indexShard(pages) {
  const grams = new Map();
  const add = (key, positional, j, p) => {
    let g = grams.get(key);
    if (g === undefined) grams.set(key, (g = new Posting(positional)));
    if (g.last !== j) {
      g.last = j;
      g.docs.push(j);
      g.tiers.push(tierOfPosition(p));
      if (positional) g.counts.push(0);
    }
    if (positional) {
      g.counts[g.counts.length - 1]++;
      g.pos.push(p);
    }
  };
  const starts = [];
  for (let j = 0; j < pages.length; j++) {
    const { stream, starts: pieceStarts } = pageStream(pages[j].title, pages[j].pieces);
    starts.push(pieceStarts);
    for (let p = 0; p < stream.length; p++) {
      const a = stream[p];
      if (a === BREAK) continue;
      if (a !== SPACE) add(gramKey(a), false, j, p);
      const b = stream[p + 1];
      if (b !== undefined && b !== BREAK) add(gramKey(a, b), true, j, p);
    }
  }
  const keys = [...grams.keys()].sort((x, y) => x - y);
  const out = new Bytes(1 << 20);
  const listEnd = new Uint32Array(keys.length);
  const posEnd = new Uint32Array(keys.length);
  const df = new Uint32Array(keys.length);
  for (const [i, key] of keys.entries()) {
    const g = grams.get(key);
    df[i] = g.docs.length;
    encodeList(g, pages.length, out);
    listEnd[i] = out.length;
    if (g.pos) encodePositions(g, out);
    posEnd[i] = out.length;
  }
  return { keys: Float64Array.from(keys), df, listEnd, posEnd, bytes: out.view().slice(), starts };
}

parentPort?.on("message", (job) => {
  try {
    const shard = indexShard(job.pages);
    parentPort.postMessage({ shard }, [
      shard.keys.buffer,
      shard.df.buffer,
      shard.listEnd.buffer,
      shard.posEnd.buffer,
      shard.bytes.buffer,
    ]);
  } catch (err) {
    parentPort.postMessage({ error: String(err?.stack ?? err) });
  }
});
