/**
 * One bucket of the joined files (gram-files.ts describes them) laid out from its grams'
 * segments: the same bytes whether the main thread or a worker thread (join-lanes.mjs) lays it
 * out. Plain JavaScript: the index step's workers run it.
 */
import { INLINE_POSITIONS } from "./gram-buckets.mjs";

/**
 * A part longer than this gets its own file (else it sits in its bucket). A common gram's part (its
 * page lists, about 1 KB per shard) sits in its bucket too: one request for a gram's pages, not two.
 */
export const INLINE_PART = 64 * 1024;
/** Least size of a positions file (the last one of a gram excepted). */
export const POS_FILE = 256 * 1024;

class Bytes {
  chunks = [];
  cur = new Uint8Array(256);
  len = 0;
  length = 0;
  varint(value) {
    let v = value;
    while (v >= 128) {
      this.byte((v % 128) | 128);
      v = Math.floor(v / 128);
    }
    this.byte(v);
  }
  byte(b) {
    if (this.len === this.cur.length) this.flush();
    this.cur[this.len++] = b;
    this.length++;
  }
  flush() {
    this.chunks.push(this.cur.subarray(0, this.len));
    this.cur = new Uint8Array(Math.max(256, this.cur.length));
    this.len = 0;
  }
  bytes(b) {
    if (!b.length) return;
    this.flush();
    this.chunks.push(b);
    this.length += b.length;
  }
  view() {
    this.flush();
    return Buffer.concat(this.chunks);
  }
}

/**
 * A gram's part and its positions files (each the segments whose positions it holds, laid end to
 * end when written).
 */
function partOf(segments) {
  const posTotal = segments.reduce((n, s) => n + s.pos.length, 0);
  const fileOf = [];
  const posFiles = [];
  if (posTotal <= INLINE_POSITIONS) segments.forEach(() => fileOf.push(0));
  else {
    let open = [];
    let size = 0;
    for (const s of segments) {
      // The rest is small: keep it in the current file rather than a tiny one.
      if (size >= POS_FILE) {
        posFiles.push(open);
        open = [];
        size = 0;
      }
      open.push(s);
      size += s.pos.length;
      fileOf.push(posFiles.length + 1);
    }
    if (open.length) posFiles.push(open);
  }
  const out = new Bytes();
  out.varint(segments.length);
  segments.forEach((s, k) => {
    out.varint(s.shard);
    out.varint(s.list.length);
    out.varint(s.pos.length);
    out.varint(fileOf[k]);
  });
  for (const s of segments) out.bytes(s.list);
  segments.forEach((s, k) => fileOf[k] === 0 && out.bytes(s.pos));
  return { part: out.view(), posFiles };
}

/** The page count a list starts with. */
function countOf(list) {
  let value = 0;
  let scale = 1;
  for (let at = 0; ; at++) {
    value += (list[at] & 127) * scale;
    if (list[at] < 128) return Math.floor(value / 2);
    scale *= 128;
  }
}

/**
 * A common gram: with positions files, and on so many pages of most shards holding it that its page
 * list there is the 2-bit form (more than about a quarter of the shard). A term made of such grams
 * leaves many pages whose positions it needs, so their first positions file starts with the gram's
 * head (below) and is fetched alone. The rule reads only the gram's own segments, and keeps the list
 * in index.json short (`wide`: 746 grams of the county corpus's 16,786 with positions files, at 50k).
 */
function isWide(segments, posFiles) {
  const dense = segments.filter((s) => s.list[0] % 2 === 1).length;
  return posFiles.length > 0 && dense * 2 >= segments.length;
}

/**
 * The head of a wide gram's first positions file: its page count and its part, so a search that knows
 * the gram is wide (index.json `wide`) fetches that file alone, not its bucket first.
 */
function headOf(df, part) {
  const out = new Bytes();
  out.varint(df);
  out.varint(part.length);
  out.bytes(part);
  return out.view();
}

/**
 * Bucket b's files, [path in the index, bytes before gzip], in the order they are written (its
 * grams' `x/` files, then `g/<b>.gz`), from its grams' segments (gram key → segments in shard order).
 * A gram's own files are named by its key (`x/<key>…`), which the Worker knows without the bucket; a
 * wide gram's first positions file is `x/<key>-h.gz` (with the head), another's `x/<key>-0.gz`.
 */
export function layBucket(b, byKey) {
  const files = [];
  const keys = [...byKey.keys()].sort((x, y) => x - y);
  const out = new Bytes();
  out.varint(keys.length);
  for (const key of keys) {
    const segments = byKey.get(key);
    const { part, posFiles } = partOf(segments);
    const external = part.length > INLINE_PART;
    const df = segments.reduce((n, s) => n + countOf(s.list), 0);
    out.varint(key);
    out.varint(df);
    out.varint(part.length * 2 + (external ? 1 : 0));
    // A part is small, and its bytes often stay when its positions change: hashed, not named.
    if (external) files.push([`x/${key}.gz`, part]);
    else out.bytes(part);
    // Hashed too: a changed shard's segment of a gram its edit did not touch is the same bytes.
    const wide = isWide(segments, posFiles);
    for (const [j, group] of posFiles.entries()) {
      const pos = group.map((s) => s.pos);
      if (j === 0 && wide) files.push([`x/${key}-h.gz`, Buffer.concat([headOf(df, part), ...pos])]);
      else files.push([`x/${key}-${j}.gz`, Buffer.concat(pos)]);
    }
  }
  files.push([`g/${b}.gz`, out.view()]);
  return files;
}
