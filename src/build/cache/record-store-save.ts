/**
 * Saving the record store (records.ts): a delta of the files read or forgotten since its base, or
 * the whole store again once the delta would hold an eighth of the entries; then the results kept
 * beside it (kept-results.ts), stamped with the store's generation.
 */
import { randomUUID } from "node:crypto";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import type { AnyTypeSpec } from "../../content-types/spec.ts";
import type { RecordCache, RecordCacheEntry } from "../../content/record-cache.ts";
import {
  cleanMarksAdded,
  cleanMarksChanged,
  cleanUnder,
  forgetRemarked,
  markedAnew,
} from "../../check/wording/clean-records.ts";
import { saveSvgVerdicts, svgVerdictsStale } from "./svg-verdicts.ts";
import { keptResultsStale, saveKeptResults } from "./kept-results.ts";
import { DELTA, serializedDelta, writeDelta } from "./record-delta.ts";
import { toColumns } from "./record-columns.ts";
import { serializeColumns, writeStoreFile } from "./record-file.ts";
import { factsOf } from "./record-facts.ts";
import { bases, sharedStores, STORE_FILE, storedDigestOf, storeKey, type Stored } from "./records.ts";

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
  writeStoreFile(path.join(cacheDir, STORE_FILE), columns, bodies);
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
