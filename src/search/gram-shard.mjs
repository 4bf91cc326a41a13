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
import { Bytes, KeyTable } from "./gram-buffers.mjs";

/** Encodes a gram's page list from its occurrences (pages ascending, positions ascending within a page). */
function encodeList(docs, firsts, n, pages, out) {
  let sparse = 0;
  let prev = -1;
  for (let i = 0; i < n; i++) {
    const v = (docs[i] - prev - 1) * 4 + tierOfPosition(firsts[i]);
    sparse += v < 128 ? 1 : v < 16384 ? 2 : 3;
    prev = docs[i];
  }
  const dense = Math.ceil(pages / 4);
  if (dense < sparse) {
    out.varint(n * 2 + 1);
    const bits = new Uint8Array(dense);
    for (let i = 0; i < n; i++) bits[docs[i] >> 2] |= (tierOfPosition(firsts[i]) + 1) << ((docs[i] & 3) * 2);
    out.bytes(bits);
  } else {
    out.varint(n * 2);
    prev = -1;
    for (let i = 0; i < n; i++) {
      out.varint((docs[i] - prev - 1) * 4 + tierOfPosition(firsts[i]));
      prev = docs[i];
    }
  }
}

/**
 * Indexes the pages ({ title, pieces }) and returns the grams in key order, packed: keys, page
 * counts, and offsets into one byte array holding each gram's page list then its positions. Also
 * where each page's pieces start in its stream.
 *
 * Counting sort, not a map of growing arrays: characters get shard-local numbers, every position
 * its bigram's number, then each gram's occurrences are laid out in one typed array.
 */
export function indexShard(pages) {
  const LOCAL = 32768;
  const local = new Int32Array(0x110000).fill(-1);
  const chars = [];
  const starts = [];
  const streams = [];
  let total = 0;
  for (const page of pages) {
    const { stream, starts: pieceStarts } = pageStream(page.title, page.pieces);
    starts.push(pieceStarts);
    streams.push(stream);
    total += stream.length;
  }
  // Every position: its character's number (−1 for BREAK) and its bigram's (−1: none).
  const ids = new Int32Array(total);
  const bigramAt = new Int32Array(total).fill(-1);
  const docEnd = new Int32Array(pages.length);
  const table = new KeyTable();
  const wide = new Map();
  const wideKeys = [];
  let t = 0;
  for (const [j, stream] of streams.entries()) {
    for (const cp of stream) {
      let id = -1;
      if (cp !== BREAK) {
        id = local[cp];
        if (id < 0) {
          id = local[cp] = chars.length;
          chars.push(cp);
        }
      }
      ids[t++] = id;
    }
    docEnd[j] = t;
    streams[j] = null;
  }
  for (let i = 0, d = 0; i + 1 < total; i++) {
    // A bigram never runs from one page into the next.
    if (i + 1 === docEnd[d]) {
      d++;
      continue;
    }
    const a = ids[i];
    const b = ids[i + 1];
    if (a < 0 || b < 0) continue;
    if (a < LOCAL && b < LOCAL) bigramAt[i] = table.idOf(a * LOCAL + b);
    else {
      // More distinct characters than LOCAL in one shard: rare, a plain map.
      const key = gramKey(chars[a], chars[b]);
      if (!wide.has(key)) wide.set(key, (wideKeys.push(key), -2 - wide.size));
      bigramAt[i] = wide.get(key);
    }
  }
  const nb = table.size + wide.size;
  const bigramNumber = (v) => (v <= -2 ? table.size + (-2 - v) : v);
  // Counting sort of the bigram occurrences.
  const bStart = new Int32Array(nb + 1);
  for (let i = 0; i < total; i++) if (bigramAt[i] !== -1) bStart[bigramNumber(bigramAt[i]) + 1]++;
  for (let g = 0; g < nb; g++) bStart[g + 1] += bStart[g];
  const bFill = bStart.slice(0, nb);
  const bDoc = new Uint16Array(bStart[nb]);
  const bPos = new Int32Array(bStart[nb]);
  // Unigram page lists: (character, page) pairs with the first position.
  const nc = chars.length;
  const lastDoc = new Int32Array(nc).fill(-1);
  const uCount = new Int32Array(nc + 1);
  let j = 0;
  let docStart = 0;
  for (let i = 0; i < total; i++) {
    while (i >= docEnd[j]) docStart = docEnd[j++];
    const g = bigramAt[i];
    if (g !== -1) {
      const at = bFill[bigramNumber(g)]++;
      bDoc[at] = j;
      bPos[at] = i - docStart;
    }
    const c = ids[i];
    if (c >= 0 && chars[c] !== SPACE && lastDoc[c] !== j) {
      lastDoc[c] = j;
      uCount[c + 1]++;
    }
  }
  for (let c = 0; c < nc; c++) uCount[c + 1] += uCount[c];
  const uFill = uCount.slice(0, nc);
  const uDoc = new Uint16Array(uCount[nc]);
  const uFirst = new Int32Array(uCount[nc]);
  lastDoc.fill(-1);
  j = 0;
  docStart = 0;
  for (let i = 0; i < total; i++) {
    while (i >= docEnd[j]) docStart = docEnd[j++];
    const c = ids[i];
    if (c >= 0 && chars[c] !== SPACE && lastDoc[c] !== j) {
      lastDoc[c] = j;
      const at = uFill[c]++;
      uDoc[at] = j;
      uFirst[at] = i - docStart;
    }
  }
  // Every gram with its key, in key order.
  const order = [];
  for (let c = 0; c < nc; c++) if (chars[c] !== SPACE) order.push({ key: gramKey(chars[c]), uni: c });
  for (let i = 0; i < table.keys.length; i++) {
    const k = table.keys[i];
    if (k)
      order.push({
        key: gramKey(chars[Math.floor((k - 1) / LOCAL)], chars[(k - 1) % LOCAL]),
        bi: table.values[i],
      });
  }
  wideKeys.forEach((key, w) => order.push({ key, bi: table.size + w }));
  order.sort((x, y) => x.key - y.key);
  const out = new Bytes(1 << 20);
  const listEnd = new Uint32Array(order.length);
  const posEnd = new Uint32Array(order.length);
  const df = new Uint32Array(order.length);
  for (const [i, gram] of order.entries()) {
    if (gram.uni !== undefined) {
      const from = uCount[gram.uni];
      const n = uCount[gram.uni + 1] - from;
      df[i] = n;
      encodeList(uDoc.subarray(from, from + n), uFirst.subarray(from, from + n), n, pages.length, out);
      listEnd[i] = out.length;
    } else {
      const from = bStart[gram.bi];
      const to = bStart[gram.bi + 1];
      const docs = [];
      const firsts = [];
      for (let k = from; k < to; k++) {
        if (k === from || bDoc[k] !== bDoc[k - 1]) {
          docs.push(bDoc[k]);
          firsts.push(bPos[k]);
        }
      }
      df[i] = docs.length;
      encodeList(docs, firsts, docs.length, pages.length, out);
      listEnd[i] = out.length;
      for (let k = from; k < to;) {
        let e = k;
        while (e < to && bDoc[e] === bDoc[k]) e++;
        out.varint(e - k);
        let prev = 0;
        for (let q = k; q < e; q++) {
          out.varint(bPos[q] - prev);
          prev = bPos[q];
        }
        k = e;
      }
    }
    posEnd[i] = out.length;
  }
  return {
    keys: Float64Array.from(order, (g) => g.key),
    df,
    listEnd,
    posEnd,
    bytes: out.view().slice(),
    starts,
  };
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
