/** What the main thread and a build worker send each other (structured clones). */
import type { Site } from "../../config/schema.ts";
import type { FileResult } from "../../content/read-file.ts";
import type { ContentFile } from "../../content/walk.ts";
import type { ContentRecord } from "../../content/types.ts";
import type { PageFacts } from "../written-pages.ts";
import type { Problem } from "../../problems/problems.ts";
import type { CheckKept } from "./check-kept.ts";
import type { FieldString } from "../../check/notable-strings.ts";

/** Read the files of `files` the worker claims (batches of `batch` through `claims`). */
export interface ReadJob {
  kind: "read";
  site: Site;
  contentDir: string;
  files: readonly ContentFile[];
  claims: SharedArrayBuffer;
  batch: number;
  /** Send each file's stamp (src/content/record-cache.ts), taken before it is read. */
  stamp: boolean;
}

/**
 * From the records, the portal; first take record checks (src/check/portable-checks.ts, RECORD_CHECKS)
 * through `checks`, shared with the main thread, and send each one's problems; then render the
 * detail pages claimed through `details` (batches of `batch`) into `outDir`, the staging folder,
 * while the main thread still checks and enumerates. A batch's reply names its pages' URLs: the
 * main thread takes its facts only if its own enumeration has the same detail pages there.
 */
export interface StateJob {
  kind: "state";
  site: Site;
  contentDir: string;
  /** The site config file, for the problems about its settings (LoadOptions `configPath`). */
  configPath?: string;
  now: number;
  includeDrafts: boolean;
  /**
   * The records, in the loader's order; a number stands for the record at that index of the
   * listing that this worker read itself in its read job (pool.ts `shareRecords`, with one worker):
   * it keeps those, so they are not cloned back to it.
   */
  all: readonly (ContentRecord | number)[];
  /**
   * By the index of `all`: the notable strings (src/check/notable-strings.ts) of a record sent
   * whole, found by the thread that read it; null for a record sent as its index, or not known.
   */
  strings: readonly (FieldString[] | null)[];
  checks: SharedArrayBuffer;
  outDir: string;
  details: SharedArrayBuffer;
  batch: number;
  /**
   * Note what each detail page reads (src/build/cache/read-trace.ts) and send it with the batch:
   * the build fills its cache with these pages (src/build/cache/streamed.ts).
   */
  trace: boolean;
}

export type Job = ReadJob | StateJob;

export type Reply =
  /**
   * A batch done: `count` items from `start` (a read job gives their results and stamps, a state
   * job its detail pages' URLs, facts and, traced, reads).
   */
  | {
      kind: "batch";
      start: number;
      count: number;
      results?: FileResult[];
      stamps?: string[];
      /** A read job's: each result's record's notable strings (null without a record). */
      strings?: (FieldString[] | null)[];
      urls?: string[];
      facts?: PageFacts[];
      /** A traced state job's: per page, the paths it read (sorted, one a line), or null when they cannot be compared. */
      reads?: (string | null)[];
    }
  /**
   * A check a state job took, done (before it goes on to the state), with what it found that the
   * build cache keeps (check-kept.ts).
   */
  | { kind: "checked"; index: number; problems: Problem[]; kept?: CheckKept }
  /** The worker took its last batch of the current job. */
  | { kind: "done"; count: number }
  | { kind: "error"; message: string; stack?: string };
