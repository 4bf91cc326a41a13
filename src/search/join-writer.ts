/**
 * Writing the index's joined files (gram-files.ts): gzipped a few at a time, on the index step's
 * worker threads or in zlib's thread pool, each recorded with its SHA-256 in a FileLog whose
 * hash of them all is the index's version; and, with the build cache, placed as the cached build
 * wrote them when made from the same bytes.
 */
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { gzip as gzipCallback } from "node:zlib";
import { CHUNKED_FROM, GZIP_OPTIONS, gzipJoined, type GzipChunk, type PreviousGzip } from "./index-gzip.mjs";

const gzipAsync = promisify(gzipCallback);

/**
 * Joined files from an earlier build (the build cache, src/build/cache/search-shards.ts): a file
 * whose bytes before gzip are the same as then is placed as it was, not compressed again (an
 * edit changes the buckets of a few grams; gzip at its best level was most of the join's time).
 */
export interface JoinedFiles {
  /** Places the file `rel` when the earlier one was made from these bytes: its SHA-256, else undefined. */
  take(rel: string, data: Uint8Array): string | undefined;
  /** As `take`, given the SHA-256 (hex) of the bytes (hashed where they were laid out, join-lanes.mjs). */
  takeHashed(rel: string, raw: string): string | undefined;
  /** Before `rel` is written with these gzip bytes: true when the file already there holds them. */
  claim(rel: string, sha256: string): boolean;
  /**
   * After `rel` was written (or claimed): keeps it (and its chunks, index-gzip.mjs) for the next
   * build; `raw`: the SHA-256 of its bytes before gzip, when not given to `take` first.
   */
  keep(rel: string, sha256: string, chunks?: GzipChunk[], raw?: string): void;
  /** The cached build's `rel` when it was compressed in chunks: those of the same bytes are copied. */
  previous(rel: string): PreviousGzip | undefined;
  /**
   * Before `rel` is written elsewhere (a worker thread): true when the previous output's file
   * there is to be removed first (by the writer: the unlinks of ~1k files kept this thread busy).
   */
  release(rel: string): boolean;
  /**
   * The cached build's join: its bucket count and, per shard, the key it was made from and its
   * weight in the bucket count (changed-buckets.ts); undefined when the cache holds none.
   */
  before(): JoinedBefore | undefined;
  /** The cached shard `key`'s share of each bucket (its digests, gram-buckets.mjs), when kept for `buckets`. */
  sharesOf(key: string, buckets: number): Uint8Array | undefined;
  /**
   * Places bucket b's files (`g/<b>.gz` and its grams' `x/` files) as the cached build made them,
   * the caller having found its input the same, each into `log`: how many, else undefined (a blob gone).
   */
  bucket(b: number, log: FileLog): number | undefined;
  /** The cached build's files of bucket b: [path, SHA-256 before gzip, its gzip when compressed in chunks]. */
  filesBefore(b: number): [string, string, PreviousGzip?][];
  /** Bucket b was laid out anew into these files (`offThread`: on a worker thread). */
  keepBucket(b: number, files: string[], offThread?: boolean): void;
  /** After the last bucket: keeps what the join was made from for the next build. */
  done(made: JoinedBefore): void;
}

/** What a build's joined files were made from (JoinedFiles `before`). */
export interface JoinedBefore {
  buckets: number;
  /** Per shard its key in the build cache, null when it had none. */
  shards: (string | null)[];
  /** Per shard its weight in the bucket count (gram-buckets.mjs `shardTotal`). */
  totals: number[];
}

/**
 * A file for `WriteFiles`: its path, bytes, whether a file there is to be removed first (one the
 * previous output left, maybe a blob's hard link) and its previous gzip bytes when known.
 */
export type FileToWrite = [string, Uint8Array, boolean, PreviousGzip?];

/**
 * Gzips and writes files elsewhere (the index step's worker threads), each with its previous
 * gzip bytes when known: [path, SHA-256 of the gzip bytes, their length, their chunks] for each.
 */
export type WriteFiles = (files: FileToWrite[]) => Promise<[string, string, number, GzipChunk[]?][]>;

/** Bytes of files handed to `WriteFiles` at once (and at most BATCHES_OUT batches unanswered). */
const BATCH_BYTES = 256 * 1024;
const BATCHES_OUT = 4;

/**
 * Files to write, gzipped a few at a time: in batches by `writeFiles` (the worker threads) when
 * given, else in zlib's thread pool.
 */
export class Writer {
  private pending: Promise<void>[] = [];
  private batch: FileToWrite[] = [];
  private batchBytes = 0;
  bytes = 0;
  files = 0;
  /** Time spent hashing and placing files from the cache (the index step's spans). */
  takeMs = 0;
  constructor(
    private dir: string,
    private log: FileLog,
    private joined?: JoinedFiles,
    private writeFiles?: WriteFiles,
  ) {}
  /** Writes `rel` with `data`, or places it from the build cache when made of the same bytes. */
  async write(rel: string, data: Uint8Array): Promise<void> {
    const start = performance.now();
    const taken = this.joined?.take(rel, data);
    this.takeMs += performance.now() - start;
    if (taken !== undefined) {
      this.log.addHash(rel, taken);
      this.files++;
      return;
    }
    const previous = data.length >= CHUNKED_FROM ? this.joined?.previous(rel) : undefined;
    if (this.writeFiles) {
      // Never written through: the previous output's file may be a blob's hard link (src/build/cache/spare.ts).
      const remove = this.joined?.release(rel) ?? false;
      this.batch.push(previous ? [rel, data, remove, previous] : [rel, data, remove]);
      this.batchBytes += data.length;
      if (this.batchBytes >= BATCH_BYTES) this.send();
      // Waits for the oldest batch only: the workers keep working while the next ones are laid out.
      if (this.pending.length >= BATCHES_OUT) await this.pending.shift();
      return;
    }
    const file = path.join(this.dir, rel);
    // A file compressed in chunks is compressed here (f.gz, o.gz and a build without workers only).
    const chunked = data.length >= CHUNKED_FROM ? gzipJoined(data, previous) : undefined;
    this.pending.push(
      (chunked ? Promise.resolve(chunked.gz) : gzipAsync(data, GZIP_OPTIONS)).then((z) => {
        this.log.add(rel, z);
        const sha256 = this.log.hashOf(rel)!;
        if (!this.joined?.claim(rel, sha256)) writeFileSync(file, z);
        this.joined?.keep(rel, sha256, chunked?.chunks);
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
        for (const [rel, sha256, size, chunks] of written) {
          this.log.addHash(rel, sha256);
          this.joined?.keep(rel, sha256, chunks);
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
  /** Every file's path in the index and SHA-256 (hex). */
  entries(): IterableIterator<[string, string]> {
    return this.hashes.entries();
  }
  version(): string {
    const all = createHash("sha256");
    for (const rel of [...this.hashes.keys()].sort()) all.update(`${rel} ${this.hashes.get(rel)}\n`);
    return all.digest("hex").slice(0, 16);
  }
}
