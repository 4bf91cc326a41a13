/**
 * Where the build cache places a search index file: its path, and its name as the spare scan
 * lists the reused staging folder (staging-claims.ts `place`'s `rel`). Made by joining strings,
 * not by `path.join` and slicing the staging folder off again per file: ~18k index files are
 * placed in every build with the cache (as the page render places pages, streamed.ts).
 */
import path from "node:path";
import { plainPath } from "./staging-claims.ts";

export interface IndexPaths {
  /** The file at `rel` (a path in the index folder). */
  dest(rel: string): string;
  /** Its path below the reused staging folder as the spare scan names it, or undefined. */
  name(rel: string): string | undefined;
}

/**
 * The paths of the index folder `dir` in the output folder `outDir`; `staging`: `outDir` is the
 * reused staging folder (staging-claims.ts `isStaging`).
 */
export function indexPaths(outDir: string, dir: string, staging: boolean): IndexPaths {
  const under = path.relative(outDir, dir);
  // Only where path.join would give the same string: a normalized folder, a plain relative path.
  const plain = path.sep === "/" && path.normalize(dir) === dir && !dir.endsWith("/");
  const named = plain && staging && under !== "" && path.normalize(outDir) === outDir && plainPath(under);
  return {
    dest: (rel) => (plain && plainPath(rel) ? `${dir}/${rel}` : path.join(dir, rel)),
    name: (rel) => (named && plainPath(rel) ? `${under}/${rel}` : undefined),
  };
}
