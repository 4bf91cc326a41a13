/** What the main thread and a build worker send each other (structured clones). */
import type { Site } from "../../config/schema.ts";
import type { FileResult } from "../../content/read-file.ts";
import type { ContentFile } from "../../content/walk.ts";
import type { ContentRecord } from "../../content/types.ts";
import type { PageFacts } from "../written-pages.ts";
import type { Problem } from "../../problems/problems.ts";

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
 * Rebuild the state from the records and keep it for the render jobs that follow. First take
 * checks that need no pages (src/check/portable-checks.ts) through `checks`, shared with the main
 * thread, and send each one's problems.
 */
export interface StateJob {
  kind: "state";
  site: Site;
  contentDir: string;
  now: number;
  includeDrafts: boolean;
  all: readonly ContentRecord[];
  checks: SharedArrayBuffer;
}

/**
 * Render the streamed pages the worker claims into `outDir`. `urls` are the pages in the main
 * thread's order: the worker renders a page only if its own state gives the same URL at that index.
 */
export interface RenderJob {
  kind: "render";
  urls: readonly string[];
  outDir: string;
  claims: SharedArrayBuffer;
  batch: number;
}

export type Job = ReadJob | StateJob | RenderJob;

export type Reply =
  /** A batch done: `count` items from `start` (a read job gives their results and stamps, a render job its pages' facts). */
  | {
      kind: "batch";
      start: number;
      count: number;
      results?: FileResult[];
      stamps?: string[];
      facts?: PageFacts[];
    }
  /** A check a state job took, done (before it goes on to the state). */
  | { kind: "checked"; index: number; problems: Problem[] }
  /** The worker took its last batch of the current job. */
  | { kind: "done"; count: number }
  | { kind: "error"; message: string; stack?: string };
