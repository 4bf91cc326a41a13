/**
 * The platform benchmark's incremental scenario (bench/platform.ts): the whole platform in one
 * process with the build cache (bench/platform-once.ts `--cache`): a build that fills it, then one
 * item of a department site retitled and the platform built again, timed against the clean
 * single-process build of the same corpus in the same run (docs/platform.md, "The build cache").
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { PlatformCorpus } from "./platform-corpus.ts";
import type { MeasuredRun } from "./process-tree.ts";

export interface PlatformEdit {
  /** The content file edited, below the corpus. */
  file: string;
  fillMs: number;
  editMs: number;
  editPeakTreeRss: number;
  /** The edited build's time over the clean build's. */
  ratio: number;
}

/** The newest news item of the platform's second site (a department's), by its path. */
function itemToEdit(corpus: PlatformCorpus): string {
  const news = path.join(
    corpus.root,
    "sites",
    corpus.sites[Math.min(1, corpus.sites.length - 1)].key,
    "content/news",
  );
  const files = readdirSync(news, { recursive: true, encoding: "utf8" })
    .filter((rel) => rel.endsWith(".md"))
    .sort();
  return path.join(news, files[files.length - 1]);
}

export async function platformEdit(
  corpus: PlatformCorpus,
  node: (script: string, args: string[]) => Promise<MeasuredRun>,
  now: string,
  cleanMs: number,
): Promise<PlatformEdit> {
  const once = async () => {
    const run = await node("bench/platform-once.ts", [corpus.config, "cached", now, "--cache", "cache"]);
    if (run.code !== 0) throw new Error(run.stderr);
    return run;
  };
  const fill = await once();
  const file = itemToEdit(corpus);
  writeFileSync(file, readFileSync(file, "utf8").replace(/^title: (.*)$/m, "title: $1（更正）"));
  const edit = await once();
  return {
    file: path.relative(corpus.root, file),
    fillMs: fill.wallMs,
    editMs: edit.wallMs,
    editPeakTreeRss: edit.peakTreeRss,
    ratio: edit.wallMs / cleanMs,
  };
}
