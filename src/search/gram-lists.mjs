/**
 * A gram's page list, as the index stores it (gram-shard.mjs writes it whole from the pages' first
 * positions, gram-patch.mjs decodes and writes it again from their tiers after an edit): varint
 * (count × 2 + mode); mode 0: per page varint ((j − previous j − 1) × 4 + tier); mode 1 (when
 * shorter than the sparse form's estimate): 2 bits per page of the shard, 0 absent or tier + 1.
 * The two writers must agree byte for byte (test/search/gram-patch.test.ts compares them).
 * Plain JavaScript: the worker threads run without tsx's loader.
 */
import { TITLE_SPAN } from "../assets/search-query.js";
import { LEAD_SPAN } from "../assets/search-stream.js";

/** Where a page's tier turns from 1 (near the top) to 2 (tierOfPosition, search-stream.js, inlined below). */
const TOP = TITLE_SPAN + LEAD_SPAN;

/** Writes v (below 2^31) as a varint at buf[at]; returns where it ends. */
export function put(buf, at, v) {
  while (v >= 128) {
    buf[at++] = (v & 127) | 128;
    v >>>= 7;
  }
  buf[at] = v;
  return at + 1;
}

/**
 * Appends a gram's page list: pages `docs[from..to)` (ascending) with their first positions;
 * `sparse` is the sparse form's size as the index has always estimated it (1–3 bytes a page).
 */
export function encodeListByFirsts(docs, firsts, from, to, sparse, pages, out) {
  const n = to - from;
  const dense = Math.ceil(pages / 4);
  out.room(10 + Math.min(dense, 3 * n));
  const buf = out.buf;
  let at = out.length;
  if (dense < sparse) {
    at = put(buf, at, n * 2 + 1);
    buf.fill(0, at, at + dense);
    for (let i = from; i < to; i++) {
      const p = firsts[i];
      buf[at + (docs[i] >> 2)] |= (p < TITLE_SPAN ? 1 : p < TOP ? 2 : 3) << ((docs[i] & 3) * 2);
    }
    at += dense;
  } else {
    at = put(buf, at, n * 2);
    let prev = -1;
    for (let i = from; i < to; i++) {
      const p = firsts[i];
      at = put(buf, at, (docs[i] - prev - 1) * 4 + (p < TITLE_SPAN ? 0 : p < TOP ? 1 : 2));
      prev = docs[i];
    }
  }
  out.length = at;
}

/** The sparse size estimate of a list (encodeListByFirsts): gaps stay below 2^16, so 3 bytes at most. */
export function sparseSize(docs, firsts, from, to) {
  let sparse = 0;
  let prev = -1;
  for (let i = from; i < to; i++) {
    const p = firsts[i];
    const v = (docs[i] - prev - 1) * 4 + (p < TITLE_SPAN ? 0 : p < TOP ? 1 : 2);
    sparse += v < 128 ? 1 : v < 16384 ? 2 : 3;
    prev = docs[i];
  }
  return sparse;
}

/** Gram i's page list decoded into `into` (cleared); returns where the list ends in g.bytes. */
export function decodeList(g, i, pages, into) {
  const bytes = g.bytes;
  let at = i === 0 ? 0 : g.posEnd[i - 1];
  let head = 0;
  for (let scale = 1; ; scale *= 128) {
    const b = bytes[at++];
    head += (b & 127) * scale;
    if (b < 128) break;
  }
  into.n = 0;
  if (head % 2 === 1) {
    for (let j = 0; j < pages; j++) {
      const v = (bytes[at + (j >> 2)] >> ((j & 3) * 2)) & 3;
      if (v > 0) into.push(j, v - 1);
    }
    return at + Math.ceil(pages / 4);
  }
  let prev = -1;
  for (let x = Math.floor(head / 2); x > 0; x--) {
    let v = 0;
    for (let scale = 1; ; scale *= 128) {
      const b = bytes[at++];
      v += (b & 127) * scale;
      if (b < 128) break;
    }
    prev += 1 + Math.floor(v / 4);
    into.push(prev, v % 4);
  }
  return at;
}

/** Where one page's positions (a count, then that many varints) starting at `at` end. */
export function skipPositions(bytes, at) {
  let count = 0;
  for (let scale = 1; ; scale *= 128) {
    const b = bytes[at++];
    count += (b & 127) * scale;
    if (b < 128) break;
  }
  for (; count > 0; at++) if (bytes[at] < 128) count--;
  return at;
}

/** Encodes a page list from its pages' tiers, as `encodeListByFirsts` does from their first positions. */
export function encodeListByTiers(docs, tiers, m, pages, out) {
  let sparse = 0;
  let prev = -1;
  for (let x = 0; x < m; x++) {
    const v = (docs[x] - prev - 1) * 4 + tiers[x];
    sparse += v < 128 ? 1 : v < 16384 ? 2 : 3;
    prev = docs[x];
  }
  const dense = Math.ceil(pages / 4);
  if (dense < sparse) {
    out.varint(m * 2 + 1);
    const at = out.zeros(dense);
    for (let x = 0; x < m; x++) out.buf[at + (docs[x] >> 2)] |= (tiers[x] + 1) << ((docs[x] & 3) * 2);
    return;
  }
  out.varint(m * 2);
  prev = -1;
  for (let x = 0; x < m; x++) {
    out.varint((docs[x] - prev - 1) * 4 + tiers[x]);
    prev = docs[x];
  }
}
