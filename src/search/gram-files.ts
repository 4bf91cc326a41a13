/**
 * Joins the shards' grams (gram-shard.mjs) into the index files the browser fetches:
 *
 * - `g/<b>.gz`: bucket b lists every gram whose hashOf(key) % buckets is b, in key order:
 *   varint count, then per gram varint key, varint page count, varint (part length × 2 +
 *   external), and the gram's part itself unless external;
 * - `x/<key>.gz`: the part of a gram when it is longer than INLINE_PART;
 * - `x/<key>-<j>.gz`: its positions, shard after shard, cut into files of at least POS_FILE
 *   bytes, so a query whose candidates lie in a few shards fetches only theirs; for a common gram
 *   (bucket-layout.mjs `isWide`) file 0 is `x/<key>-h.gz` and starts with varint page count, varint
 *   part length and the part, so a search fetches it without the bucket (index.json `wide` lists
 *   those grams, `wideKeys`).
 *
 * A gram's part: varint segment count; per segment (a shard holding the gram) varint shard,
 * list length, positions length, positions file (0: in this part, after the lists; j + 1: file
 * j); then every segment's page list; then the positions kept in the part. Every file is gzip:
 * static hosts do not all compress binary files, and the Worker unpacks with DecompressionStream.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { INLINE_POSITIONS, bucketCount, bucketDigests, shardTotal } from "./gram-buckets.mjs";
import { changedBuckets } from "./changed-buckets.ts";
import type { IndexSpans } from "./index-spans.ts";
import { BucketSource } from "./bucket-source.mjs";
import { INLINE_PART, POS_FILE, layBucket } from "./bucket-layout.mjs";
import { joinOnLanes, type JoinLanes } from "./join-on-lanes.ts";
import type { JoinShard, Segment, ShardGrams } from "./gram-types.ts";

export type { JoinShard, ShardGrams } from "./gram-types.ts";
import { FileLog, Writer, type JoinedFiles, type WriteFiles } from "./join-writer.ts";

export { FileLog, type JoinedFiles, type WriteFiles } from "./join-writer.ts";
export { INLINE_PART, INLINE_POSITIONS, POS_FILE };
export type { JoinLanes } from "./join-on-lanes.ts";

/**
 * The keys of the common grams (`x/<key>-h.gz`), ascending, as varint differences in base64:
 * index.json's `wide`, so a search fetches such a gram's first positions file (which holds its part)
 * without its bucket. Read from the index's file list, so
 * buckets placed from the build cache count as those laid out again.
 */
export function wideKeys(log: FileLog): string {
  const keys: number[] = [];
  for (const [rel] of log.entries()) {
    const m = /^x\/(\d+)-h\.gz$/.exec(rel);
    if (m) keys.push(Number(m[1]));
  }
  keys.sort((a, b) => a - b);
  const out: number[] = [];
  let last = 0;
  for (const key of keys) {
    for (let v = key - last; ; v = Math.floor(v / 128)) {
      if (v < 128) {
        out.push(v);
        break;
      }
      out.push((v % 128) | 128);
    }
    last = key;
  }
  return Buffer.from(out).toString("base64");
}

/** A shard just indexed. */
export class IndexedShard implements JoinShard {
  readonly total: number;
  /** The digests made last (the build cache keeps them with the shard). */
  made?: { buckets: number; digests: Uint8Array };
  constructor(
    private readonly g: ShardGrams,
    /** Its key in the build cache (changed-buckets.ts). */
    readonly key?: string,
    made?: { buckets: number; digests: Uint8Array },
    /** Stores its grams as the build cache's blob and gives the blob's file (search-shards.ts `gramsFile`). */
    private readonly stored?: (grams: ShardGrams) => string | undefined,
  ) {
    this.total = shardTotal(g);
    this.made = made;
  }
  grams(): ShardGrams {
    return this.g;
  }
  /**
   * With the build cache, the file of its grams' blob (kept with the shard anyway): the join's
   * lanes read it by range as a cached shard's, rather than each being posted a copy of the grams
   * (~10 MB a shard at 50k items, cloned on this thread once per lane).
   */
  file(): string | undefined {
    return this.stored?.(this.g);
  }
  digests(buckets: number): Uint8Array {
    if (this.made?.buckets !== buckets) this.made = { buckets, digests: bucketDigests(this.g, buckets) };
    return this.made.digests;
  }
}

/**
 * Writes g/ and x/ under `dir` from the shards' grams (in shard order) and returns the number of
 * buckets. Deterministic: the same shards give the same bytes. With the build cache (`joined`), a
 * bucket whose input is as in the cached build is placed from it, and only the others are laid
 * out, from the grams of the shards that have grams in them: on the worker threads when `lanes`
 * are given (join-on-lanes.ts), else on this thread, the workers gzipping (`writeFiles`).
 * `meanwhile(buckets)` runs once every bucket was handed out or placed, before the lanes are
 * waited for: the caller's work that needs the bucket count but not the joined files.
 */
export async function writeGramFiles(
  dir: string,
  shards: readonly JoinShard[],
  log: FileLog,
  joined?: JoinedFiles,
  writeFiles?: WriteFiles,
  spans?: IndexSpans,
  lanes?: JoinLanes,
  meanwhile?: (buckets: number) => void,
): Promise<{ buckets: number; files: number; bytes: number }> {
  mkdirSync(path.join(dir, "g"), { recursive: true });
  mkdirSync(path.join(dir, "x"), { recursive: true });
  // With the cache, only the buckets whose input changed since the cached build (changed-buckets.ts).
  const { buckets, changed, totals } = joined
    ? changedBuckets(shards, joined)
    : { buckets: bucketCount(shards.map((s) => s.total)), changed: undefined, totals: [] };
  const sources = shards.map((s) => new BucketSource(s, buckets));
  const writer = new Writer(dir, log, joined, writeFiles);
  spans?.lap("join: digests");
  let placed = 0;
  // With lanes: the buckets whose input changed are laid out on the workers (join-on-lanes.ts),
  // started before this thread places the others (~8k buckets' files at 50k items after one edit).
  const relay: number[] = [];
  if (lanes && changed) for (let b = 0; b < buckets; b++) if (changed[b]) relay.push(b);
  const onLanes = relay.length ? joinOnLanes(dir, shards, buckets, relay, lanes!, log, joined!) : undefined;
  // Awaited after the loop below; a failure meanwhile is not an unhandled rejection.
  onLanes?.catch(() => undefined);
  const relayed = new Set(relay);
  for (let b = 0; b < buckets; b++) {
    if (relayed.has(b)) continue;
    const files = changed?.[b] === 0 ? joined!.bucket(b, log) : undefined;
    if (files !== undefined) {
      placed += files;
      continue;
    }
    // No cache, a changed input without lanes, or a cached file gone: laid out here.
    const byKey = new Map<number, Segment[]>();
    sources.forEach((source, shard) => source.segments(b, shard, byKey));
    const written: string[] = [];
    for (const [rel, data] of layBucket(b, byKey)) {
      written.push(rel);
      await writer.write(rel, data);
    }
    joined?.keepBucket(b, written);
  }
  meanwhile?.(buckets);
  const lanesDone = await onLanes;
  spans?.lap("join: lay out");
  if (lanesDone) spans?.add("worker: join", lanesDone.ms, lanesDone.ms);
  spans?.add("join: of which take", writer.takeMs, writer.takeMs);
  await writer.drain();
  joined?.done({ buckets, shards: shards.map((s) => s.key ?? null), totals });
  spans?.lap("join: drain");
  const files = writer.files + placed + (lanesDone?.files ?? 0);
  return { buckets, files, bytes: writer.bytes + (lanesDone?.bytes ?? 0) };
}
