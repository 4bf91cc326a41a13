/**
 * The dev server's records across starts: with a build cache, the first build takes the records
 * the last build kept (src/build/cache/records.ts), so only changed files are read, and keeps
 * what it read for the next start (a store made by other code is ignored, and would otherwise be
 * read in full at every start until the next `npm run build`).
 */
import path from "node:path";
import { RecordCache } from "../content/record-cache.ts";
import { openRecordStore } from "../build/cache/records.ts";
import { saveRecordStore } from "../build/cache/record-store-save.ts";
import { DEFAULT_TYPES } from "../content-types/index.ts";
import type { Site } from "../config/schema.ts";

/** What of the dev site's options the records depend on. */
interface RecordOptions {
  site: Site;
  cacheDir?: string;
  includeDrafts?: boolean;
}

const storeOf = (options: RecordOptions) =>
  options.cacheDir !== undefined && !options.includeDrafts ? path.resolve(options.cacheDir) : undefined;

export function openDevRecords(options: RecordOptions): RecordCache {
  const store = storeOf(options);
  return store === undefined
    ? new RecordCache(options.site)
    : openRecordStore(store, options.site, DEFAULT_TYPES);
}

/** After the first build: keeps the records it read, if it read any. */
export function keepDevRecords(options: RecordOptions, cache: RecordCache): void {
  const store = storeOf(options);
  if (store === undefined || !cache.changed) return;
  try {
    saveRecordStore(store, cache, DEFAULT_TYPES);
    cache.changed = false;
  } catch {
    // Not kept: the next start reads the files again.
  }
}
