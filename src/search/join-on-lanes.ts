/**
 * The join's buckets laid out again on the index step's worker threads (join-lanes.mjs), for a
 * build with the cache after few shards changed: the main thread hands each worker a share of
 * the buckets and the shards (a cached shard by its blob's file, which the worker reads by range;
 * one just indexed by its grams), then places from the cache the files whose bytes are as in the
 * cached build and has the worker gzip and write the others. The main thread is meanwhile free
 * for the steps beside the index (src/build/steps.ts): the lay-out, the range reads and the
 * hashing were about a second of it at 50k items.
 */
import { CHUNKED_FROM, type PreviousGzip } from "./index-gzip.mjs";
import type { LaidReply, LaneShard, LayJob, WriteLaidJob, WriteLaidReply } from "./join-lanes.mjs";
import type { JoinShard } from "./gram-types.ts";
import type { FileLog, JoinedFiles } from "./join-writer.ts";
import { bucketWeight, laneShares } from "./lane-shares.ts";

/** The workers a join's buckets are laid out on: `lay` then `writeLaid` on the same lane. */
export interface JoinLanes {
  count: number;
  lay(lane: number, job: LayJob): Promise<LaidReply>;
  writeLaid(lane: number, job: WriteLaidJob): Promise<WriteLaidReply>;
}

/** Whether the join may run on lanes: every shard a cached blob's file, or grams in memory. */
export function lanesFit(shards: readonly JoinShard[], fresh: number): boolean {
  // Each lane gets a copy of the shards just indexed: fine for a few (one edit), not for a clean build.
  return fresh <= Math.max(1, Math.floor(shards.length / 4));
}

/**
 * Lays out the buckets `relay` of `buckets` on the lanes, places or
 * writes their files and records them (`log`, `joined`); the files and bytes written, and the
 * lanes' busy milliseconds.
 */
export async function joinOnLanes(
  dir: string,
  shards: readonly JoinShard[],
  buckets: number,
  relay: readonly number[],
  lanes: JoinLanes,
  log: FileLog,
  joined: JoinedFiles,
): Promise<{ files: number; bytes: number; ms: number }> {
  const spec: LaneShard[] = shards.map((s) => {
    const file = s.file?.();
    return file === undefined ? { grams: s.grams() } : { file };
  });
  // The cached build's files of each bucket: they weigh the buckets, and the lane writes those whose bytes changed at once.
  const filesBefore = new Map(relay.map((b) => [b, joined.filesBefore(b)]));
  const parts = laneShares(relay, lanes.count, (b) => bucketWeight(filesBefore.get(b)!));
  let files = 0;
  let bytes = 0;
  let ms = 0;
  await Promise.all(
    parts.map(async (part, lane) => {
      if (!part.length) return;
      const before = part.flatMap((b) => filesBefore.get(b)!);
      const laid = await lanes.lay(lane, { buckets, list: part, shards: spec, dir, before });
      const wrote = new Map(laid.written.map((w) => [w[0], w]));
      const write: WriteLaidJob["write"] = [];
      for (const [b, laidFiles] of laid.laid) {
        for (const [rel, raw, size] of laidFiles) {
          const w = wrote.get(rel);
          if (w) {
            // Written by the lane over whatever was there: its path claimed, the file kept.
            joined.release(rel);
            const [, sha256, gzSize, chunks] = w;
            log.addHash(rel, sha256);
            joined.keep(rel, sha256, chunks, raw);
            bytes += gzSize;
            files++;
            continue;
          }
          const taken = joined.takeHashed(rel, raw);
          if (taken !== undefined) {
            log.addHash(rel, taken);
            files++;
            continue;
          }
          const previous: PreviousGzip | undefined = size >= CHUNKED_FROM ? joined.previous(rel) : undefined;
          // Never written through: the previous output's file may be a blob's hard link (staging-claims.ts).
          const remove = joined.release(rel);
          write.push(previous ? [rel, remove, previous] : [rel, remove]);
        }
        joined.keepBucket(
          b,
          laidFiles.map(([rel]) => rel),
          true,
        );
      }
      // Only files the cache failed to place (a blob gone): the lane keeps their bytes until its next lay-out.
      const done = write.length ? await lanes.writeLaid(lane, { dir, write }) : { written: [], ms: 0 };
      for (const [rel, sha256, size, chunks] of done.written) {
        log.addHash(rel, sha256);
        joined.keep(rel, sha256, chunks);
        bytes += size;
        files++;
      }
      ms += laid.ms + done.ms;
    }),
  );
  return { files, bytes, ms };
}
