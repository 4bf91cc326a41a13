/**
 * Joins the shards' grams (gram-shard.mjs) into the index files the browser fetches:
 *
 * - `g/<b>.gz`: bucket b lists every gram whose hashOf(key) % buckets is b, in key order:
 *   varint count, then per gram varint key, varint page count, varint (part length × 2 +
 *   external), and the gram's part itself unless external;
 * - `x/<b>-<i>.gz`: the part of the i-th gram of bucket b when it is longer than INLINE_PART;
 * - `x/<b>-<i>-<j>.gz`: its positions, shard after shard, cut into files of at least POS_FILE
 *   bytes, so a query whose candidates lie in a few shards fetches only theirs.
 *
 * A gram's part: varint segment count; per segment (a shard holding the gram) varint shard,
 * list length, positions length, positions file (0: in this part, after the lists; j + 1: file
 * j); then every segment's page list; then the positions kept in the part. Every file is gzip:
 * static hosts do not all compress binary files, and the Worker unpacks with DecompressionStream.
 */
import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { DIGEST_BYTES, INLINE_POSITIONS, bucketCount, bucketDigests, shardTotal } from "./gram-buckets.mjs";
import type { IndexSpans } from "./index-spans.ts";
import { BucketSource } from "./bucket-source.ts";
import type { JoinShard, Segment, ShardGrams } from "./gram-types.ts";

export type { JoinShard, ShardGrams } from "./gram-types.ts";
import { FileLog, Writer, type JoinedFiles, type WriteFiles } from "./join-writer.ts";

export { FileLog, type JoinedFiles, type WriteFiles } from "./join-writer.ts";
export { INLINE_POSITIONS };

/** A part longer than this gets its own file (else it sits in its bucket). */
export const INLINE_PART = 1024;
/** Least size of a positions file (the last one of a gram excepted). */
export const POS_FILE = 128 * 1024;

class Bytes {
  private chunks: Uint8Array[] = [];
  private cur = new Uint8Array(256);
  private len = 0;
  length = 0;
  varint(value: number): void {
    let v = value;
    while (v >= 128) {
      this.byte((v % 128) | 128);
      v = Math.floor(v / 128);
    }
    this.byte(v);
  }
  private byte(b: number): void {
    if (this.len === this.cur.length) this.flush();
    this.cur[this.len++] = b;
    this.length++;
  }
  private flush(): void {
    this.chunks.push(this.cur.subarray(0, this.len));
    this.cur = new Uint8Array(Math.max(256, this.cur.length));
    this.len = 0;
  }
  bytes(b: Uint8Array): void {
    if (!b.length) return;
    this.flush();
    this.chunks.push(b);
    this.length += b.length;
  }
  view(): Uint8Array {
    this.flush();
    return Buffer.concat(this.chunks);
  }
}

/**
 * A gram's part and its positions files (each the segments whose positions it holds, laid end to
 * end when written).
 */
function partOf(segments: Segment[]): { part: Uint8Array; posFiles: Segment[][] } {
  const posTotal = segments.reduce((n, s) => n + s.pos.length, 0);
  const fileOf: number[] = [];
  const posFiles: Segment[][] = [];
  if (posTotal <= INLINE_POSITIONS) segments.forEach(() => fileOf.push(0));
  else {
    let open: Segment[] = [];
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

/** A shard just indexed. */
export class IndexedShard implements JoinShard {
  readonly total: number;
  /** The digests made last (the build cache keeps them with the shard). */
  made?: { buckets: number; digests: Uint8Array };
  constructor(private readonly g: ShardGrams) {
    this.total = shardTotal(g);
  }
  grams(): ShardGrams {
    return this.g;
  }
  digests(buckets: number): Uint8Array {
    if (this.made?.buckets !== buckets) this.made = { buckets, digests: bucketDigests(this.g, buckets) };
    return this.made.digests;
  }
}

/** The input of bucket b: the bucket count, the shard count and every shard's share (their digests). */
function bucketDigest(buckets: number, b: number, digests: Uint8Array[]): string {
  const hash = createHash("sha256").update(`${buckets} ${b} ${digests.length}\n`);
  for (const d of digests) hash.update(d.subarray(b * DIGEST_BYTES, (b + 1) * DIGEST_BYTES));
  return hash.digest("hex");
}

/**
 * Writes g/ and x/ under `dir` from the shards' grams (in shard order) and returns the number of
 * buckets. Deterministic: the same shards give the same bytes. With the build cache (`joined`), a
 * bucket whose input is as in the cached build is placed from it, and only the others are laid
 * out, from the grams of the shards that have grams in them.
 */
export async function writeGramFiles(
  dir: string,
  shards: readonly JoinShard[],
  log: FileLog,
  joined?: JoinedFiles,
  writeFiles?: WriteFiles,
  spans?: IndexSpans,
): Promise<{ buckets: number; files: number; bytes: number }> {
  mkdirSync(path.join(dir, "g"), { recursive: true });
  mkdirSync(path.join(dir, "x"), { recursive: true });
  const buckets = bucketCount(shards.map((s) => s.total));
  const sources = shards.map((s) => new BucketSource(s, buckets));
  const digests = joined && shards.map((s) => s.digests!(buckets));
  const writer = new Writer(dir, log, joined, writeFiles);
  spans?.lap("join: digests");
  let placed = 0;
  for (let b = 0; b < buckets; b++) {
    const digest = digests && bucketDigest(buckets, b, digests);
    const files = digest === undefined ? undefined : joined!.bucket(b, digest);
    if (files) {
      for (const [rel, sha256] of files) log.addHash(rel, sha256);
      placed += files.length;
      continue;
    }
    const byKey = new Map<number, Segment[]>();
    sources.forEach((source, shard) => source.segments(b, shard, byKey));
    const written: string[] = [];
    const write = (rel: string, data: Uint8Array) => {
      written.push(rel);
      return writer.write(rel, data);
    };
    const keys = [...byKey.keys()].sort((x, y) => x - y);
    const out = new Bytes();
    out.varint(keys.length);
    for (const [i, key] of keys.entries()) {
      const segments = byKey.get(key)!;
      const { part, posFiles } = partOf(segments);
      const external = part.length > INLINE_PART || posFiles.length > 0;
      out.varint(key);
      out.varint(segments.reduce((n, s) => n + countOf(s.list), 0));
      out.varint(part.length * 2 + (external ? 1 : 0));
      if (external) {
        // A part is small, and its bytes often stay when its positions change: hashed, not named.
        await write(`x/${b}-${i}.gz`, part);
        // Hashed too: a changed shard's segment of a gram its edit did not touch is the same bytes.
        for (const [j, group] of posFiles.entries())
          await write(`x/${b}-${i}-${j}.gz`, Buffer.concat(group.map((s) => s.pos)));
      } else out.bytes(part);
    }
    await write(`g/${b}.gz`, out.view());
    if (digest !== undefined) joined!.keepBucket(b, digest, written);
  }
  spans?.lap("join: lay out");
  spans?.add("join: of which take", writer.takeMs, writer.takeMs);
  await writer.drain();
  joined?.done(buckets);
  spans?.lap("join: drain");
  return { buckets, files: writer.files + placed, bytes: writer.bytes };
}

/** The page count a list starts with. */
function countOf(list: Uint8Array): number {
  let value = 0;
  let scale = 1;
  for (let at = 0; ; at++) {
    value += (list[at] & 127) * scale;
    if (list[at] < 128) return Math.floor(value / 2);
    scale *= 128;
  }
}
