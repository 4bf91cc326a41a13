/**
 * Indexes one shard (a run of consecutive page ids) in a worker thread (src/search/index-step.ts):
 * every gram of the pages' streams (src/assets/search-stream.js) with, per page, where it first
 * occurs (its tier) and, for bigrams, every position. The answer depends only on the shard's
 * pages, so shards are indexed side by side and a shard whose pages did not change can be kept.
 * Plain JavaScript: the worker threads (index-worker.mjs) run without tsx's loader.
 *
 * Encodings (all integers unsigned LEB128 varints; `j` is a page's index within the shard):
 * - page list: gram-lists.mjs.
 * - positions (bigrams): per listed page, in list order: varint count, first position, then the
 *   gaps to the next.
 */
import { Bytes, PairTable } from "./gram-buffers.mjs";
import { encodeListByFirsts, put, sparseSize } from "./gram-lists.mjs";
import { shardStream } from "./gram-stream.mjs";
import { longGrams, withLongGrams } from "./gram-long.mjs";

/**
 * Pass 1: every position's bigram number (−1: none; no bigram spans a BREAK or two pages), each
 * bigram's count, and each character's page count (in `uStart[c + 1]`).
 */
function countGrams({ ids, total, docEnd, chars, space }) {
  const nc = chars.length;
  const bigramAt = new Int32Array(total);
  const table = new PairTable();
  const uStart = new Int32Array(nc + 1);
  const lastDoc = new Int32Array(nc).fill(-1);
  for (let i = 0, j = 0; j < docEnd.length; j++) {
    const end = docEnd[j];
    for (; i < end; i++) {
      const a = ids[i];
      const b = i + 1 < end ? ids[i + 1] : -1;
      bigramAt[i] = a < 0 || b < 0 ? -1 : table.count(a, b);
      if (a >= 0 && a !== space && lastDoc[a] !== j) {
        lastDoc[a] = j;
        uStart[a + 1]++;
      }
    }
  }
  for (let c = 0; c < nc; c++) uStart[c + 1] += uStart[c];
  return { bigramAt, table, uStart };
}

/**
 * Pass 2 (a counting sort): every gram's occurrences laid out, pages ascending and positions
 * ascending within a page: per bigram (page, position) of each occurrence, per character (page,
 * first position) of each page holding it.
 */
function layOut({ ids, docEnd, chars, space }, { bigramAt, table, uStart }) {
  const nc = chars.length;
  const nb = table.size;
  const bStart = new Int32Array(nb + 1);
  for (let g = 0; g < nb; g++) bStart[g + 1] = bStart[g] + table.counts[g];
  const bFill = bStart.slice(0, nb);
  const uFill = uStart.slice(0, nc);
  const bDoc = docEnd.length <= 0x10000 ? new Uint16Array(bStart[nb]) : new Int32Array(bStart[nb]);
  const bPos = new Int32Array(bStart[nb]);
  const uDoc = new Int32Array(uStart[nc]);
  const uFirst = new Int32Array(uStart[nc]);
  const lastDoc = new Int32Array(nc).fill(-1);
  for (let i = 0, j = 0; j < docEnd.length; j++) {
    const from = i;
    const end = docEnd[j];
    for (; i < end; i++) {
      const g = bigramAt[i];
      if (g >= 0) {
        const at = bFill[g]++;
        bDoc[at] = j;
        bPos[at] = i - from;
      }
      const a = ids[i];
      if (a >= 0 && a !== space && lastDoc[a] !== j) {
        lastDoc[a] = j;
        const at = uFill[a]++;
        uDoc[at] = j;
        uFirst[at] = i - from;
      }
    }
  }
  return { bStart, bDoc, bPos, uDoc, uFirst };
}

/** Every gram's key (unigrams: the code point; bigrams: gramKey) and number, in key order. */
function gramOrder({ chars, space }, table) {
  const nc = chars.length;
  const nb = table.size;
  const count = (space >= 0 ? nc - 1 : nc) + nb;
  const key = new Float64Array(count);
  /** c for a unigram, nc + g for a bigram. */
  const gram = new Int32Array(count);
  let k = 0;
  for (let c = 0; c < nc; c++)
    if (c !== space) {
      key[k] = chars[c];
      gram[k++] = c;
    }
  for (let g = 0; g < nb; g++) {
    key[k] = (chars[table.a[g]] + 1) * 0x110000 + chars[table.b[g]];
    gram[k++] = nc + g;
  }
  const order = Array.from({ length: count }, (_, x) => x).sort((x, y) => key[x] - key[y]);
  return { keys: Float64Array.from(order, (x) => key[x]), grams: Int32Array.from(order, (x) => gram[x]) };
}

/**
 * Appends a bigram's list and positions (occurrences from..to); returns its page count. `reach`: a long
 * gram's (long-reach.mjs), as varints before its positions.
 */
function encodeBigram(bDoc, bPos, from, to, scratch, pages, out, reach = []) {
  if (scratch.docs.length < to - from) {
    scratch.docs = new Int32Array(to - from);
    scratch.firsts = new Int32Array(to - from);
  }
  const { docs, firsts } = scratch;
  let n = 0;
  for (let q = from; q < to; q++)
    if (q === from || bDoc[q] !== bDoc[q - 1]) {
      docs[n] = bDoc[q];
      firsts[n++] = bPos[q];
    }
  encodeListByFirsts(docs, firsts, 0, n, sparseSize(docs, firsts, 0, n), pages, out);
  const listEnd = out.length;
  // Positions: per page its count, first position and the gaps.
  out.room(5 * (n + to - from + reach.length));
  const buf = out.buf;
  let at = out.length;
  for (const v of reach) at = put(buf, at, v);
  for (let q = from; q < to;) {
    const doc = bDoc[q];
    let e = q + 1;
    while (e < to && bDoc[e] === doc) e++;
    at = put(buf, at, e - q);
    let prev = 0;
    for (let r = q; r < e; r++) {
      at = put(buf, at, bPos[r] - prev);
      prev = bPos[r];
    }
    q = e;
  }
  out.length = at;
  return { n, listEnd };
}

/**
 * Indexes the pages ({ title, pieces }) and returns the grams in key order, packed: keys, page
 * counts, and offsets into one byte array holding each gram's page list then its positions. Also
 * where each page's pieces start in its stream.
 *
 * Counting sort, not a map of growing arrays: characters get shard-local numbers, every position
 * its bigram's number (one pass that also counts the pages of each character), then each gram's
 * occurrences are laid out in typed arrays (a second pass) and encoded in key order. Then the
 * shard's long grams (gram-long.mjs; not with `long: false`; a function: gram-patch.mjs's choice), whose
 * keys come after every bigram's.
 */
export function indexShard(pages, { long = true } = {}) {
  const stream = shardStream(pages);
  const counted = countGrams(stream);
  const { bStart, bDoc, bPos, uDoc, uFirst } = layOut(stream, counted);
  const { uStart } = counted;
  const { keys, grams } = gramOrder(stream, counted.table);
  const nc = stream.chars.length;
  const np = pages.length;
  const out = new Bytes(1 << 20);
  const n = keys.length;
  const listEnd = new Uint32Array(n);
  const posEnd = new Uint32Array(n);
  const df = new Uint32Array(n);
  const scratch = { docs: new Int32Array(1024), firsts: new Int32Array(1024) };
  for (let i = 0; i < keys.length; i++) {
    const c = grams[i];
    if (c < nc) {
      const from = uStart[c];
      const to = uStart[c + 1];
      df[i] = to - from;
      encodeListByFirsts(uDoc, uFirst, from, to, sparseSize(uDoc, uFirst, from, to), np, out);
      listEnd[i] = out.length;
    } else {
      const bigram = encodeBigram(bDoc, bPos, bStart[c - nc], bStart[c - nc + 1], scratch, np, out);
      df[i] = bigram.n;
      listEnd[i] = bigram.listEnd;
    }
    posEnd[i] = out.length;
  }
  let shard = { keys, df, listEnd, posEnd };
  if (long) {
    const longs =
      typeof long === "function"
        ? long(stream, counted.bigramAt, counted.table)
        : longGrams(stream, counted.bigramAt, { ...shard, order: grams, nc });
    const encode = (doc, pos, from, to, reach) => encodeBigram(doc, pos, from, to, scratch, np, out, reach);
    shard = withLongGrams(shard, longs, encode, () => out.length);
  }
  return { ...shard, bytes: out.view().slice(), starts: stream.starts };
}
