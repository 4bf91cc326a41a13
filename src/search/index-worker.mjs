/**
 * A worker thread of the index step (index-step.ts): indexes one shard at a time, all of it off
 * the main thread: per page it reads the rendered HTML (or takes what the main thread rendered,
 * for a page not on disk), takes its visible text (visible-text.mjs) and cuts it into pieces;
 * then the shard's grams (gram-shard.mjs) and its record and text files (doc-pieces.mjs),
 * gzipped as every index file (index-gzip.mjs) and written into `job.dir` — or, when the build
 * cache decides what is written (`job.dir` unset), sent back with their bytes. After the shards,
 * it gzips and writes the joined files the main thread lays out (gram-files.ts), or, with the
 * build cache after a few shards changed, lays out its share of them itself (join-lanes.mjs).
 * Plain JavaScript, run without tsx's loader (a faster start).
 */
import { sha256 as sha256Of } from "./sha256.mjs";
import { existsSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parentPort } from "node:worker_threads";
import { cachedTexts } from "./cached-texts.mjs";
import { piecesOf, shardDocFiles } from "./doc-pieces.mjs";
import { parseGrams, viewGrams } from "./gram-blob.mjs";
import { bucketDigests } from "./gram-buckets.mjs";
import { patchShard } from "./gram-patch.mjs";
import { indexShard } from "./gram-shard.mjs";
import { gzipFile, gzipJoined } from "./index-gzip.mjs";
import { layJoin, writeLaid } from "./join-lanes.mjs";
import { spliceShard } from "./shard-splice.mjs";
import { visibleText } from "./visible-text.mjs";

/** A page's text pieces: its visible text, from its HTML file or its HTML. */
const piecesOfPage = (page) => piecesOf(visibleText(page.html ?? readFileSync(page.file, "utf8")));

/**
 * The shard's grams from its grams before, when only the pages `patch.changed` changed
 * (gram-patch.mjs); the other pages' piece starts are as the build cache gave them.
 */
function patched(job, pieces, patch, starts) {
  const { grams, changed, before } = patch;
  const after = changed.map((j) => ({ title: job.pages[j].title, pieces: pieces[j] }));
  const out = patchShard(parseGrams(grams), job.pages.length, changed, before, after);
  // Its long grams may change: indexed whole.
  if (!out)
    return {
      ...indexShard(job.pages.map((page, i) => ({ title: page.title, pieces: pieces[i] }))),
      whole: true,
    };
  const all = [...starts];
  changed.forEach((j, x) => (all[j] = out.starts[x]));
  return { ...out, starts: all };
}

/**
 * One shard: { shard, first, dir?, cached?, pages: [{ file (cached?) | html | pieces, title, record: { url, meta } }] }
 * (`pieces` when another worker read the page, index-step.ts splits a shard's reading between them;
 * `cached`: the build cache's copy of the shard, cached-texts.mjs, whose text of the pages marked
 * `cached` is taken when there, and whose files of the same bytes are placed, not gzipped).
 */
function runJob(job) {
  const t0 = performance.now();
  // After a few pages changed: the cached shard patched, its files read where needed (shard-splice.mjs).
  const spliced =
    job.cached && spliceShard(job, piecesOfPage, (bytes, ...rest) => patchShard(viewGrams(bytes), ...rest));
  if (spliced) return splicedReply(job, spliced, t0);
  const fromCache =
    job.cached &&
    cachedTexts(
      job.cached,
      job.first,
      job.pages.map((page) => ({ url: page.record.url, title: page.title })),
    );
  // A page the cache was to have but did not, not on disk either: the main thread renders it.
  const missing = job.pages.flatMap((page, i) =>
    page.cached && !fromCache?.pieces[i] && !existsSync(page.file) ? [i] : [],
  );
  // Here every page's record is needed: a page sent without its metadata (the cached shard's
  // record, which a splice would have taken) is sent again with it.
  if (missing.length || job.pages.some((page) => !page.record.meta)) return { missing };
  const pieces = job.pages.map((page, i) => page.pieces ?? fromCache?.pieces[i] ?? piecesOfPage(page));
  const read = fromCache ? fromCache.pieces.filter((p) => !p).length : 0;
  const t1 = performance.now();
  const grams = fromCache?.patch
    ? patched(job, pieces, fromCache.patch, fromCache.starts)
    : indexShard(job.pages.map((page, i) => ({ title: page.title, pieces: pieces[i] })));
  const t2 = performance.now();
  const stored = job.pages.map((page, i) => ({
    record: page.record,
    pieces: pieces[i],
    starts: grams.starts[i],
  }));
  const files = [];
  for (const [rel, text] of shardDocFiles(job.shard, job.first, stored)) {
    const data = Buffer.from(text);
    // The build cache's file made from the same bytes (src/build/cache/search-texts.ts): placed, not gzipped.
    const before = fromCache?.files[rel];
    if (before && before[0] === sha256Of(data, "hex")) {
      files.push([rel, before[1]]);
      continue;
    }
    files.push(gzippedFile(job, rel, data));
  }
  const { keys, df, listEnd, posEnd, bytes } = grams;
  const ms = [t1 - t0, t2 - t1, performance.now() - t2].map(Math.round);
  return {
    grams: { keys, df, listEnd, posEnd, bytes },
    files,
    ms,
    read,
    patched: !!fromCache?.patch && !grams.whole,
  };
}

/** A shard file gzipped: written to the job's folder when it has one, else handed back with its bytes. */
function gzippedFile(job, rel, data) {
  const { gz, sha256 } = gzipFile(data);
  if (job.dir === undefined) return [rel, sha256, gz];
  writeFileSync(path.join(job.dir, rel), gz);
  return [rel, sha256];
}

/** The reply for a spliced shard: its files made again gzipped, the others the cached ones. */
function splicedReply(job, { grams, files: made, read }, t0) {
  const t1 = performance.now();
  const files = [];
  for (const [rel, raw, cachedSha] of made) {
    if (cachedSha !== undefined) {
      files.push([rel, cachedSha]);
      continue;
    }
    files.push(gzippedFile(job, rel, raw));
  }
  const { keys, df, listEnd, posEnd, bytes } = grams;
  // text and grams are one span here: the patch reads the text it needs as it goes.
  const ms = [t1 - t0, 0, performance.now() - t1].map(Math.round);
  return { grams: { keys, df, listEnd, posEnd, bytes }, files, ms, read, patched: true };
}

/**
 * Joined files (gram-files.ts): { dir, files: [[path, bytes, remove, the file before?]] }, gzipped
 * (the chunks of the file before that are the same bytes copied, index-gzip.mjs) and written;
 * `remove`: the previous output's file there is unlinked first, never written through (it may be
 * a blob's hard link, src/build/cache/staging-claims.ts).
 */
function writeFiles({ dir, files }) {
  return files.map(([rel, data, remove, previous]) => {
    const { gz, sha256, chunks } = gzipJoined(data, previous);
    const file = path.join(dir, rel);
    if (remove) unlinkSync(file);
    writeFileSync(file, gz);
    return chunks ? [rel, sha256, gz.length, chunks] : [rel, sha256, gz.length];
  });
}

parentPort.on("message", (job) => {
  try {
    if (job.text) {
      const start = performance.now();
      const pieces = job.text.map(piecesOfPage);
      parentPort.postMessage({ pieces, ms: [Math.round(performance.now() - start)] });
      return;
    }
    if (job.lay) {
      parentPort.postMessage(layJoin(job.lay));
      return;
    }
    if (job.writeLaid) {
      parentPort.postMessage(writeLaid(job.writeLaid));
      return;
    }
    if (job.files) {
      parentPort.postMessage({ written: writeFiles(job) });
      return;
    }
    const reply = runJob(job);
    if (reply.missing) {
      parentPort.postMessage(reply);
      return;
    }
    const { keys, df, listEnd, posEnd, bytes } = reply.grams;
    const transfer = [keys.buffer, df.buffer, listEnd.buffer, posEnd.buffer, bytes.buffer];
    // Its shares of the cached build's buckets, which the join compares (shard-jobs.ts `buckets`).
    if (job.buckets) transfer.push((reply.shares = bucketDigests(reply.grams, job.buckets)).buffer);
    parentPort.postMessage(reply, transfer);
  } catch (err) {
    parentPort.postMessage({ error: String(err?.stack ?? err) });
  }
});
