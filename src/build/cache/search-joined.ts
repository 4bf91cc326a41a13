/**
 * The search index's joined files (gram-files.ts: `g/` buckets and their grams' `x/` files) in
 * the build cache. A bucket whose input is as in the cached build is placed whole; a file made
 * from the same bytes before gzip as then is placed, not compressed again; a file compressed in
 * chunks (index-gzip.mjs) is given with its chunks, so only those that changed are compressed.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import type { JoinedFiles } from "../../search/gram-files.ts";
import type { JoinedBefore } from "../../search/join-writer.ts";
import type { GzipChunk, PreviousGzip } from "../../search/index-gzip.mjs";
import type { CacheSession } from "./session.ts";
import { sha256Of } from "./store.ts";
import type { IndexPaths } from "./index-paths.ts";
import { readJoinedBlob, storeJoinedBlob } from "./joined-blob.ts";

/** In the joined files: what they were made from and every bucket's files, a blob only. */
const JOIN = "#join";

/** What the joined files of one build were made from (the shards' keys), and per bucket its files. */
interface JoinRecord extends JoinedBefore {
  files: string[][];
  /** The files compressed in chunks (index-gzip.mjs): path → [SHA-256 of the file, its chunks]. */
  chunks?: Record<string, [string, GzipChunk[]]>;
}

/** The record when it is of the shape this code writes (a cache from other code may hold another). */
function wellFormed(r: JoinRecord | undefined): JoinRecord | undefined {
  const ok =
    r !== undefined &&
    Number.isInteger(r.buckets) &&
    Array.isArray(r.shards) &&
    Array.isArray(r.totals) &&
    Array.isArray(r.files) &&
    r.shards.length === r.totals.length &&
    r.shards.every((key) => key === null || typeof key === "string") &&
    r.totals.every((total) => Number.isFinite(total));
  return ok ? r : undefined;
}

/**
 * The joined files of the index folder `dir` (in the output folder `outDir`) from the cache: a
 * file made from the same bytes before gzip as in the cached build is placed, not compressed again.
 * `paths`: where its files go (index-paths.ts). `sharesOf`: a cached shard's share of each bucket (search-shards.ts).
 */
export function joinedFiles(
  session: CacheSession,
  outDir: string,
  dir: string,
  paths: IndexPaths,
  sharesOf: (key: string, buckets: number) => Uint8Array | undefined,
): JoinedFiles {
  const { cache, known } = session;
  const before = new Map<string, string>();
  const prefix = path.relative(outDir, dir).split(path.sep).join("/");
  /** `name`: the file's path in the output folder when the caller made it already (`paths.name`). */
  const use = (rel: string, entry: [string, string], name?: string) => {
    cache.setJoinedFile(rel, entry);
    known.set(name ?? `${prefix}/${rel}`, entry[1]);
  };
  let previous: JoinRecord | undefined | null = null;
  const previousJoin = (): JoinRecord | undefined => {
    if (previous !== null) return previous;
    return (previous = wellFormed(readJoinedBlob<JoinRecord>(cache, JOIN) as JoinRecord | undefined));
  };
  const next: JoinRecord = { buckets: 0, shards: [], totals: [], files: [], chunks: {} };
  /** The cached build's chunks of `rel` when they are still those of its file `sha256`. */
  const chunksBefore = (rel: string, sha256: string) => {
    const chunks = previousJoin()?.chunks?.[rel];
    return chunks?.[0] === sha256 ? chunks : undefined;
  };
  const carry = (rel: string, sha256: string) => {
    const chunks = chunksBefore(rel, sha256);
    if (chunks) next.chunks![rel] = chunks;
  };
  const takeHashed = (rel: string, raw: string): string | undefined => {
    const entry = cache.joinedFile(rel);
    if (entry?.[0] === raw && cache.place(entry[1], paths.dest(rel), paths.name(rel))) {
      use(rel, entry);
      carry(rel, entry[1]);
      session.report.joinedReused = (session.report.joinedReused ?? 0) + 1;
      return entry[1];
    }
    before.set(rel, raw);
    return undefined;
  };
  return {
    before: previousJoin,
    sharesOf: (key, buckets) => {
      const { report } = session;
      report.bucketSharesRead = (report.bucketSharesRead ?? 0) + 1;
      return sharesOf(key, buckets);
    },
    // ~16k buckets' files at 50k items every build after an edit: one lookup of each file's entry,
    // no array of pairs handed back (the step's largest per-file pass on this thread).
    bucket: (b, log) => {
      const before = previousJoin();
      const files = before?.files[b];
      if (!Array.isArray(files)) return undefined;
      const entries: [string, string][] = [];
      // Each file's path in the output folder, made and hashed once: the spare folder's lookup
      // (`place`) and `known` take the same string (two new strings a file before, ~17k files).
      const names: (string | undefined)[] = [];
      for (const rel of files) {
        const entry = typeof rel === "string" ? cache.joinedFile(rel) : undefined;
        const name = entry && paths.name(rel);
        if (!entry || !cache.place(entry[1], paths.dest(rel), name)) {
          // Laid out anew: those placed are blobs' hard links, which it must not write into.
          for (let i = 0; i < entries.length; i++) rmSync(path.join(dir, files[i]), { force: true });
          return undefined;
        }
        entries.push(entry);
        names.push(name);
      }
      const chunks = before!.chunks;
      for (let i = 0; i < entries.length; i++) {
        const rel = files[i];
        const entry = entries[i];
        use(rel, entry, names[i]);
        log.addHash(rel, entry[1]);
        // The cached build's chunks of the file, which is still that file (`carry`).
        const kept = chunks?.[rel];
        if (kept?.[0] === entry[1]) next.chunks![rel] = kept;
      }
      next.files[b] = files;
      const { report } = session;
      report.joinedReused = (report.joinedReused ?? 0) + entries.length;
      report.bucketsReused = (report.bucketsReused ?? 0) + 1;
      return entries.length;
    },
    filesBefore: (b) => {
      const files = previousJoin()?.files[b];
      if (!Array.isArray(files)) return [];
      return files.flatMap((rel): [string, string, PreviousGzip?][] => {
        const entry = typeof rel === "string" ? cache.joinedFile(rel) : undefined;
        if (!entry) return [];
        const chunks = chunksBefore(rel, entry[1]);
        const file = chunks && cache.blobFile(entry[1]);
        return [file === undefined ? [rel, entry[0]] : [rel, entry[0], { file, chunks: chunks![1] }]];
      });
    },
    keepBucket: (b, files, offThread) => {
      const { report } = session;
      report.bucketsJoined = (report.bucketsJoined ?? 0) + 1;
      if (offThread) report.bucketsOffThread = (report.bucketsOffThread ?? 0) + 1;
      next.files[b] = files;
    },
    done: ({ buckets, shards, totals }) => {
      Object.assign(next, { buckets, shards, totals });
      storeJoinedBlob(cache, JOIN, next);
    },
    take: (rel, data) =>
      takeHashed(rel, sha256Of(Buffer.from(data.buffer, data.byteOffset, data.byteLength))),
    takeHashed,
    claim: (rel, sha256) => cache.claim(path.join(dir, rel), sha256),
    release: (rel) => cache.claimForWriter(path.join(dir, rel)),
    keep: (rel, sha256, chunks, raw) => {
      // Given the bytes' SHA-256 only by a lane that wrote the file as it laid it out (join-on-lanes.ts).
      if (raw !== undefined) session.report.joinedWrittenOnLay = (session.report.joinedWrittenOnLay ?? 0) + 1;
      cache.store(path.join(dir, rel), sha256);
      use(rel, [raw ?? before.get(rel)!, sha256]);
      before.delete(rel);
      if (chunks) next.chunks![rel] = [sha256, chunks];
    },
    previous: (rel) => {
      const sha256 = cache.joinedFile(rel)?.[1];
      const chunks = sha256 === undefined ? undefined : chunksBefore(rel, sha256);
      // Read by the worker that compresses the file, not here.
      const file = chunks && cache.blobFile(sha256!);
      return file === undefined ? undefined : { file, chunks: chunks![1] };
    },
  };
}
