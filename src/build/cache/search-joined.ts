/**
 * The search index's joined files (gram-files.ts: `g/` buckets and their grams' `x/` files) in
 * the build cache. A bucket whose input is as in the cached build is placed whole; a file made
 * from the same bytes before gzip as then is placed, not compressed again; a file compressed in
 * chunks (index-gzip.mjs) is given with its chunks, so only those that changed are compressed.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import type { JoinedFiles } from "../../search/gram-files.ts";
import type { GzipChunk } from "../../search/index-gzip.mjs";
import type { CacheSession } from "./session.ts";
import { sha256Of } from "./store.ts";

/** In the joined files: every bucket's input digest and files, a blob only. */
const JOIN = "#join";

/** What the joined files of one build were made from: per bucket its input digest and files. */
interface JoinRecord {
  buckets: number;
  digests: string[];
  files: string[][];
  /** The files compressed in chunks (index-gzip.mjs): path → [SHA-256 of the file, its chunks]. */
  chunks?: Record<string, [string, GzipChunk[]]>;
}

/**
 * The joined files of the index folder `dir` (in the output folder `outDir`) from the cache: a
 * file made from the same bytes before gzip as in the cached build is placed, not compressed again.
 */
export function joinedFiles(session: CacheSession, outDir: string, dir: string): JoinedFiles {
  const { cache, known } = session;
  const before = new Map<string, string>();
  const prefix = path.relative(outDir, dir).split(path.sep).join("/");
  const use = (rel: string, entry: [string, string]) => {
    cache.setJoinedFile(rel, entry);
    known.set(`${prefix}/${rel}`, entry[1]);
  };
  let previous: JoinRecord | undefined | null = null;
  const previousJoin = (): JoinRecord | undefined => {
    if (previous !== null) return previous;
    const sha = cache.joinedFile(JOIN)?.[1];
    const blob = sha === undefined ? undefined : cache.read(sha);
    try {
      previous = blob && (JSON.parse(blob.toString("utf8")) as JoinRecord);
    } catch {
      previous = undefined;
    }
    return previous;
  };
  const next: JoinRecord = { buckets: 0, digests: [], files: [], chunks: {} };
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
    if (entry?.[0] === raw && cache.place(entry[1], path.join(dir, rel))) {
      use(rel, entry);
      carry(rel, entry[1]);
      session.report.joinedReused = (session.report.joinedReused ?? 0) + 1;
      return entry[1];
    }
    before.set(rel, raw);
    return undefined;
  };
  const sameBucket = (b: number, digest: string) => {
    const before = previousJoin();
    return before?.digests[b] === digest && Array.isArray(before.files[b]);
  };
  return {
    sameBucket,
    bucket: (b, digest) => {
      const before = previousJoin();
      if (!before || !sameBucket(b, digest)) return undefined;
      const placed: [string, string][] = [];
      for (const rel of before.files[b]) {
        const entry = cache.joinedFile(rel);
        const file = path.join(dir, rel);
        if (!entry || !cache.place(entry[1], file)) {
          // Laid out anew: those placed are blobs' hard links, which it must not write into.
          for (const [done] of placed) rmSync(path.join(dir, done), { force: true });
          return undefined;
        }
        placed.push([rel, entry[1]]);
      }
      for (const [rel, sha256] of placed) {
        use(rel, cache.joinedFile(rel)!);
        carry(rel, sha256);
      }
      next.digests[b] = digest;
      next.files[b] = before.files[b];
      const { report } = session;
      report.joinedReused = (report.joinedReused ?? 0) + placed.length;
      report.bucketsReused = (report.bucketsReused ?? 0) + 1;
      return placed;
    },
    keepBucket: (b, digest, files, offThread) => {
      const { report } = session;
      report.bucketsJoined = (report.bucketsJoined ?? 0) + 1;
      if (offThread) report.bucketsOffThread = (report.bucketsOffThread ?? 0) + 1;
      next.digests[b] = digest;
      next.files[b] = files;
    },
    done: (buckets) => {
      next.buckets = buckets;
      const sha256 = cache.storeBytes(Buffer.from(JSON.stringify(next)));
      cache.setJoinedFile(JOIN, [sha256, sha256]);
    },
    take: (rel, data) =>
      takeHashed(rel, sha256Of(Buffer.from(data.buffer, data.byteOffset, data.byteLength))),
    takeHashed,
    claim: (rel, sha256) => cache.claim(path.join(dir, rel), sha256),
    release: (rel) => cache.claimForWriter(path.join(dir, rel)),
    keep: (rel, sha256, chunks) => {
      cache.store(path.join(dir, rel), sha256);
      use(rel, [before.get(rel)!, sha256]);
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
