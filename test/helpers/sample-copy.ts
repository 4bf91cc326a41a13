/**
 * A copy of the sample portal's content in a folder of its own, built with the build cache there
 * or without it (to compare), and an edit of one of its files: for the tests of what the cache
 * reuses after an edit.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSite } from "../../src/build/build-site.ts";
import type { SiteParts } from "../../src/build/outputs.ts";
import { samplePortal } from "./sample-portal.ts";

/** The news item the cache tests edit. */
export const SAMPLE_NEWS = "news/2026/0107-government-plenary-meeting.md";

export async function sampleCopy(name: string, parts: SiteParts) {
  const sample = await samplePortal();
  const root = mkdtempSync(path.join(tmpdir(), `gongkai-${name}-`));
  const contentDir = path.join(root, "content");
  cpSync(sample.contentDir, contentDir, { recursive: true });
  const cacheDir = path.join(root, ".gongkai-cache");
  const build = (outDir: string, cache: boolean) =>
    buildSite({
      site: sample.site,
      contentDir,
      outDir,
      now: sample.now,
      parts,
      cacheDir: cache ? cacheDir : undefined,
    });
  /** Rewrites a content file (by default the edited news item). */
  const edit = (change: (text: string) => string, rel = SAMPLE_NEWS) => {
    const file = path.join(contentDir, rel);
    writeFileSync(file, change(readFileSync(file, "utf8")));
  };
  return { root, contentDir, cacheDir, build, edit };
}
