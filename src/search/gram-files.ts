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
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { gzip as gzipCallback } from "node:zlib";
import { hashOf } from "../assets/search-stream.js";
import { GZIP_OPTIONS } from "./index-gzip.mjs";

const gzipAsync = promisify(gzipCallback);

/** What gram-shard.mjs returns for one shard. */
export interface ShardGrams {
  keys: Float64Array;
  df: Uint32Array;
  listEnd: Uint32Array;
  posEnd: Uint32Array;
  bytes: Uint8Array;
}

/** A part longer than this gets its own file (else it sits in its bucket). */
export const INLINE_PART = 1024;
/** Positions up to this many bytes stay in the gram's part. */
export const INLINE_POSITIONS = 2048;
/** Least size of a positions file (the last one of a gram excepted). */
export const POS_FILE = 32 * 1024;
/** Average bucket size aimed at (uncompressed). */
const BUCKET_BYTES = 8 * 1024;

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

interface Segment {
  shard: number;
  list: Uint8Array;
  pos: Uint8Array;
}

/**
 * Joined files from an earlier build (the build cache, src/build/cache/search-shards.ts): a file
 * whose bytes before gzip are the same as then is placed as it was, not compressed again (an
 * edit changes the buckets of a few grams; gzip at its best level was most of the join's time).
 */
export interface JoinedFiles {
  /** Places the file `rel` when the earlier one was made from these bytes: its SHA-256, else undefined. */
  take(rel: string, data: Uint8Array): string | undefined;
  /** Before `rel` is written with these gzip bytes: true when the file already there holds them. */
  claim(rel: string, sha256: string): boolean;
  /** After `rel` was written (or claimed): keeps it for the next build. */
  keep(rel: string, sha256: string): void;
}

/**
 * Gzips and writes files elsewhere (the index step's worker threads): [path, SHA-256 of the gzip
 * bytes, their length] for each.
 */
export type WriteFiles = (files: [string, Uint8Array][]) => Promise<[string, string, number][]>;

/** Bytes of files handed to `WriteFiles` at once (and at most BATCHES_OUT batches unanswered). */
const BATCH_BYTES = 256 * 1024;
const BATCHES_OUT = 4;

/**
 * Files to write, gzipped a few at a time: in batches by `writeFiles` (the worker threads) when
 * given, else in zlib's thread pool.
 */
class Writer {
  private pending: Promise<void>[] = [];
  private batch: [string, Uint8Array][] = [];
  private batchBytes = 0;
  bytes = 0;
  files = 0;
  constructor(
    private dir: string,
    private log: FileLog,
    private joined?: JoinedFiles,
    private writeFiles?: WriteFiles,
  ) {}
  async write(rel: string, data: Uint8Array): Promise<void> {
    if (this.writeFiles) {
      this.batch.push([rel, data]);
      this.batchBytes += data.length;
      if (this.batchBytes >= BATCH_BYTES) this.send();
      // Waits for the oldest batch only: the workers keep working while the next ones are laid out.
      if (this.pending.length >= BATCHES_OUT) await this.pending.shift();
      return;
    }
    const file = path.join(this.dir, rel);
    const taken = this.joined?.take(rel, data);
    if (taken !== undefined) {
      this.log.addHash(rel, taken);
      this.files++;
      return;
    }
    this.pending.push(
      gzipAsync(data, GZIP_OPTIONS).then((z) => {
        this.log.add(rel, z);
        const sha256 = this.log.hashOf(rel)!;
        if (!this.joined?.claim(rel, sha256)) writeFileSync(file, z);
        this.joined?.keep(rel, sha256);
        this.bytes += z.length;
        this.files++;
      }),
    );
    if (this.pending.length >= 64) await this.drain();
  }
  private send(): void {
    const files = this.batch;
    this.batch = [];
    this.batchBytes = 0;
    this.pending.push(
      this.writeFiles!(files).then((written) => {
        for (const [rel, sha256, size] of written) {
          this.log.addHash(rel, sha256);
          this.bytes += size;
          this.files++;
        }
      }),
    );
  }
  async drain(): Promise<void> {
    if (this.batch.length) this.send();
    await Promise.all(this.pending.splice(0));
  }
}

/**
 * The files written, each with a hash of its bytes; `version()` is a hash of them all (in name
 * order, so whatever order they were written in), which the Worker puts on every URL: a browser
 * that cached yesterday's files never mixes them with today's index.
 */
export class FileLog {
  private hashes = new Map<string, string>();
  add(rel: string, bytes: Uint8Array): void {
    this.hashes.set(rel, createHash("sha256").update(bytes).digest("hex"));
  }
  /** A file known by its SHA-256 (hex): one the build cache placed. */
  addHash(rel: string, sha256: string): void {
    this.hashes.set(rel, sha256);
  }
  hashOf(rel: string): string | undefined {
    return this.hashes.get(rel);
  }
  version(): string {
    const all = createHash("sha256");
    for (const rel of [...this.hashes.keys()].sort()) all.update(`${rel} ${this.hashes.get(rel)}\n`);
    return all.digest("hex").slice(0, 16);
  }
}

/** Gzips data the same way as the index files, for the other files of the index. */
export const gzipIndexFile = (data: Uint8Array) => gzipAsync(data, GZIP_OPTIONS);

function partOf(segments: Segment[]): { part: Uint8Array; posFiles: Uint8Array[] } {
  const posTotal = segments.reduce((n, s) => n + s.pos.length, 0);
  const fileOf: number[] = [];
  const posFiles: Uint8Array[] = [];
  if (posTotal <= INLINE_POSITIONS) segments.forEach(() => fileOf.push(0));
  else {
    let open: Uint8Array[] = [];
    let size = 0;
    const close = () => {
      posFiles.push(Buffer.concat(open));
      open = [];
      size = 0;
    };
    for (const s of segments) {
      // The rest is small: keep it in the current file rather than a tiny one.
      if (size >= POS_FILE) close();
      open.push(s.pos);
      size += s.pos.length;
      fileOf.push(posFiles.length + 1);
    }
    if (open.length) close();
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

/**
 * Writes g/ and x/ under `dir` from the shards' grams (in shard order) and returns the number of
 * buckets. Deterministic: the same shards give the same bytes.
 */
export async function writeGramFiles(
  dir: string,
  shards: readonly ShardGrams[],
  log: FileLog,
  joined?: JoinedFiles,
  writeFiles?: WriteFiles,
): Promise<{ buckets: number; files: number; bytes: number }> {
  mkdirSync(path.join(dir, "g"), { recursive: true });
  mkdirSync(path.join(dir, "x"), { recursive: true });
  // Every gram's segments, by key.
  const byKey = new Map<number, Segment[]>();
  let total = 0;
  shards.forEach((s, shard) => {
    for (let i = 0; i < s.keys.length; i++) {
      const listStart = i === 0 ? 0 : s.posEnd[i - 1];
      const seg = {
        shard,
        list: s.bytes.subarray(listStart, s.listEnd[i]),
        pos: s.bytes.subarray(s.listEnd[i], s.posEnd[i]),
      };
      total += seg.list.length + Math.min(seg.pos.length, INLINE_POSITIONS);
      const key = s.keys[i];
      const list = byKey.get(key);
      if (list) list.push(seg);
      else byKey.set(key, [seg]);
    }
  });
  let buckets = 16;
  while (buckets * BUCKET_BYTES < Math.min(total, shards.length * 64 * 1024 * 1024)) buckets *= 2;
  const inBucket: number[][] = Array.from({ length: buckets }, () => []);
  for (const key of [...byKey.keys()].sort((a, b) => a - b)) inBucket[hashOf(key) % buckets].push(key);
  const writer = new Writer(dir, log, joined, writeFiles);
  for (const [b, keys] of inBucket.entries()) {
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
        await writer.write(`x/${b}-${i}.gz`, part);
        for (const [j, pos] of posFiles.entries()) await writer.write(`x/${b}-${i}-${j}.gz`, pos);
      } else out.bytes(part);
    }
    await writer.write(`g/${b}.gz`, out.view());
  }
  await writer.drain();
  return { buckets, files: writer.files, bytes: writer.bytes };
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
