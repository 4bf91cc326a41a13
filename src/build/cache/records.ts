/**
 * The record store: the validated record of every content file, kept in the build cache folder
 * (`records.v8`) so the next build reads and validates only the files that changed. The dev
 * server's RecordCache (src/content/record-cache.ts) decides per file, by path, size, mtime and
 * inode (and the bytes, for a file modified in the last two seconds), whether its record still
 * holds; this module keeps that cache from one process to the next.
 *
 * Nothing in it is trusted beyond that: a store of another format, another generator (code),
 * another site config or type list, or one that does not parse, is ignored and the build reads
 * every file. A record depends only on its file, the site config and the types (reading one
 * opens nothing else), which is what the key names. Checks that span files run on every build.
 *
 * A build that read a few files writes only those: `records.delta.v8` holds the entries added,
 * replaced or removed since `records.v8` was written (named by the base's id, so a delta never
 * applies to another base), and grows from build to build until it holds an eighth of the
 * entries; then the whole store is written again and the delta removed. At 50k items the whole
 * store is ~87 MB, which a one-edit build wrote in ~1.2 s.
 */
import { createHash, randomUUID } from "node:crypto";
import { closeSync, existsSync, rmSync } from "node:fs";
import path from "node:path";
import type { Site } from "../../config/schema.ts";
import type { AnyTypeSpec } from "../../content-types/spec.ts";
import { RecordCache, type RecordCacheEntry } from "../../content/record-cache.ts";
import { CACHE_FORMAT, codeFingerprint, runtimeFingerprint } from "./fingerprint.ts";
import { described } from "./described.ts";
import {
  cleanMarksAdded,
  cleanMarksChanged,
  cleanUnder,
  forgetRemarked,
  markedAnew,
} from "../../check/wording/clean-records.ts";
import { openSvgVerdicts, saveSvgVerdicts, svgVerdictsStale } from "./svg-verdicts.ts";
import { keptResultsStale, openKeptResults, saveKeptResults } from "./kept-results.ts";
import { Since } from "./generation.ts";
import { DELTA, readDelta, serializedDelta, writeDelta, type Delta } from "./record-delta.ts";
import { storedRows, toColumns, type RecordColumns } from "./record-columns.ts";
import { StoredBodies } from "./record-bodies.ts";
import { readStoreFile, serializeColumns, writeStoreFile } from "./record-file.ts";
import { factsOf, keptValues } from "./record-facts.ts";
import { keepWith, keptWith } from "../../content/kept.ts";

const FILE = "records.v8";

/** The whole store: its key, its id (which names it for its delta) and its entries as columns. */
type Stored = { key: string; id: string } & RecordColumns;

/**
 * Per record cache opened from a base with an id: that id, the store's generation on disk
 * (generation.ts; undefined when unknown) and the files its delta on disk names.
 */
const bases = new WeakMap<RecordCache, { id: string; gen: string | undefined; delta: Set<string> }>();

/** The digest the record had when the store kept it (undefined: not from the store, or none kept). */
export const storedDigestOf = (record: object): string | undefined => keptWith(record)?.digest ?? undefined;

/** What the records were made with: the code, the site config, the content types. */
function storeKey(site: Site, types: readonly AnyTypeSpec[]): string {
  return createHash("sha256")
    .update(`${CACHE_FORMAT}\0${codeFingerprint()}\0${runtimeFingerprint()}\0`)
    .update(described(site))
    .update("\0")
    .update(described(types))
    .digest("base64url");
}

/** Record caches opened for a build that also reads a platform's shared files (`openRecordStore`). */
const sharedStores = new WeakSet<RecordCache>();

/** Is there a record store in `cacheDir` (a build that opens it reads only the changed files)? */
export const hasRecordStore = (cacheDir: string): boolean => existsSync(path.join(cacheDir, FILE));

/**
 * A RecordCache holding what the last build kept in `cacheDir` for this site and types (empty
 * when there is nothing usable). Only for a folder that is a Gongkai cache (CACHEDIR.TAG).
 * `shared`: the build also reads a platform's shared files, which are read again every build
 * outside the store, so the store's generation cannot say what changed (nothing is taken by it).
 */
export function openRecordStore(
  cacheDir: string,
  site: Site,
  types: readonly AnyTypeSpec[],
  shared = false,
): RecordCache {
  openSvgVerdicts(cacheDir);
  const key = storeKey(site, types);
  const cache = openRows(cacheDir, site, key);
  // The results kept beside the store, and what they may take by its generation.
  if (shared) sharedStores.add(cache);
  const gen = shared ? undefined : bases.get(cache)?.gen;
  openKeptResults(cacheDir, site, key, storedDigestOf, new Since(gen, cache));
  return cache;
}

function openRows(cacheDir: string, site: Site, key: string): RecordCache {
  const file = path.join(cacheDir, FILE);
  if (!existsSync(path.join(cacheDir, "CACHEDIR.TAG")) || !existsSync(file)) return new RecordCache(site);
  let read: ReturnType<typeof readStoreFile>;
  let bodies: StoredBodies | undefined;
  try {
    read = readStoreFile(file);
    if (!read) return new RecordCache(site);
    const { value, fd, start, size } = read;
    const stored = value as Stored;
    const rows =
      stored?.key === key && typeof stored.id === "string"
        ? storedRows(stored, (ends, wide) => (bodies = new StoredBodies(fd, start, ends, wide)), size)
        : undefined;
    if (rows) {
      const delta = readDelta(cacheDir, key, stored.id);
      keepAll(rows.entries, rows);
      // The rows become the cache's own (it adds slots to them), looked up by their place in the
      // listing: no Map of 50k paths.
      const cache = new RecordCache(site, rows);
      if (delta) cache.applyStored(delta.entries, delta.removed);
      if (delta)
        keepAll(
          delta.entries.map(([, entry]) => entry),
          delta,
        );
      bases.set(cache, {
        id: stored.id,
        // Without a delta the store is its base; a delta of older code names no generation.
        gen: delta ? delta.gen : stored.id,
        delta: new Set(delta ? delta.entries.map(([abs]) => abs).concat(delta.removed) : []),
      });
      return cache;
    }
  } catch {
    // Unreadable: read every file.
  }
  // Not used: the file is let go of (by its reader, which no record holds, once made).
  if (bodies) bodies.close();
  else if (read) closeSync(read.fd);
  return new RecordCache(site);
}

/** Each record's digest, clean mark and facts, with the record (src/content/kept.ts), in one pass. */
function keepAll(
  entries: readonly RecordCacheEntry[],
  { digests, clean, facts }: Pick<Delta, "digests" | "clean" | "facts">,
): void {
  // Marks and facts that are not one per entry are not used (the checks find them again).
  const marks = Array.isArray(clean) && clean.length === entries.length ? clean : undefined;
  const found = Array.isArray(facts) && facts.length === entries.length ? facts : undefined;
  for (let i = 0; i < entries.length; i++) {
    const record = entries[i]?.result?.record;
    if (record) keepWith(record, keptValues(digests[i], marks?.[i], found?.[i]));
  }
}

/** Is there anything to save: a file read or forgotten, a wording mark or an SVG verdict changed? */
export const recordStoreStale = (cache: RecordCache): boolean =>
  cache.changed ||
  cleanMarksChanged() ||
  cleanMarksAdded() ||
  svgVerdictsStale() ||
  keptResultsStale(cache.site);

/**
 * Keeps the records for the next build (atomically), with the digests `digestOf` knows for them
 * (the build cache's, computed this build or taken from the store); a record that cannot be
 * serialized keeps none. Returns the generation the results were saved with (undefined: unknown,
 * or a build with a platform's shared files).
 */
export function saveRecordStore(
  cacheDir: string,
  cache: RecordCache,
  types: readonly AnyTypeSpec[],
  digestOf: (record: object) => string | undefined = storedDigestOf,
): string | undefined {
  if (!existsSync(path.join(cacheDir, "CACHEDIR.TAG"))) return undefined;
  saveSvgVerdicts(cacheDir);
  // The results beside the records after them, with the generation the store then has (none
  // when it could not be written, or when they were made with a platform's shared files: they
  // are then checked by their records' digests next time, and the index carries none either).
  const gen = saveRecords(cacheDir, cache, types, digestOf);
  const stamp = sharedStores.has(cache) ? undefined : gen;
  saveKeptResults(cacheDir, cache.site, digestOf, stamp);
  return stamp;
}

/** Saves the records when they changed; the store's generation on disk after it (undefined: unknown). */
function saveRecords(
  cacheDir: string,
  cache: RecordCache,
  types: readonly AnyTypeSpec[],
  digestOf: (record: object) => string | undefined,
): string | undefined {
  const base = bases.get(cache);
  // Only the verdicts changed: the records on disk already say the same.
  if (!(cache.changed || cleanMarksChanged() || cleanMarksAdded())) return base?.gen;
  const key = storeKey(cache.site, types);
  const digestsOf = (entries: [string, RecordCacheEntry][]) =>
    entries.map(([, entry]) => (entry.result.record && digestOf(entry.result.record)) ?? null);
  const cleanOf = (entries: [string, RecordCacheEntry][]) =>
    entries.map(([, entry]) => (entry.result.record && cleanUnder(entry.result.record)) ?? null);
  const factsFor = (entries: [string, RecordCacheEntry][]) =>
    entries.map(([, entry]) => (entry.result.record && factsOf(entry.result.record)) ?? null);
  const changed = base && new Set([...base.delta, ...cache.touched, ...markedUnread(cache)]);
  // Records marked clean under a new wording signature (an organ's name changed) are many: whole.
  if (base && changed && !cleanMarksChanged() && changed.size <= cache.size / 8) {
    const entries: [string, RecordCacheEntry][] = [];
    const removed: string[] = [];
    for (const abs of changed) {
      const entry = cache.entry(abs);
      if (entry) entries.push([abs, entry]);
      else removed.push(abs);
    }
    const gen = randomUUID();
    const bytes = serializedDelta({
      key,
      base: base.id,
      gen,
      entries,
      digests: digestsOf(entries),
      clean: cleanOf(entries),
      facts: factsFor(entries),
      removed,
    });
    if (!bytes) return undefined;
    base.gen = undefined;
    writeDelta(cacheDir, bytes);
    Object.assign(base, { delta: changed, gen });
    forgetRemarked();
    cache.touched.clear();
    return gen;
  }
  const id = randomUUID();
  let columns: ReturnType<typeof serializeColumns>;
  let bodies: Buffer;
  try {
    const entries = cache.snapshot();
    const whole = toColumns({
      entries,
      digests: digestsOf(entries),
      clean: cleanOf(entries),
      facts: factsFor(entries),
    });
    columns = serializeColumns({ key, id, ...whole.columns } satisfies Stored);
    bodies = whole.bodies;
  } catch {
    return undefined;
  }
  // The base first: a delta left behind names the old base's id, and so is never applied to this one.
  writeStoreFile(path.join(cacheDir, FILE), columns, bodies);
  rmSync(path.join(cacheDir, DELTA), { force: true });
  bases.set(cache, { id, gen: id, delta: new Set() });
  forgetRemarked();
  cache.touched.clear();
  return id;
}

/** The files whose unchanged record the wording check marked clean for the first time in this process. */
function markedUnread(cache: RecordCache): string[] {
  if (!cleanMarksAdded()) return [];
  const files: string[] = [];
  cache.each((abs, entry) => {
    if (entry.result.record && markedAnew(entry.result.record) && !cache.touched.has(abs)) files.push(abs);
  });
  return files;
}
