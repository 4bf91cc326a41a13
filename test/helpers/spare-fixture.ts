/**
 * The sample portal copied into a temporary folder with a build cache beside it, as the spare
 * folder's tests use it (test/perf/spare-*.test.ts): where the cache, the published output and the
 * spare folder are, and a build of the copy into any folder, with or without the cache.
 */
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSite } from "../../src/build/build-site.ts";
import { defaultParts } from "../../src/build/defaults.ts";
import type { SiteParts } from "../../src/build/outputs.ts";
import { samplePortal } from "./sample-portal.ts";

export async function spareFixture(name: string) {
  const sample = await samplePortal();
  const root = mkdtempSync(path.join(tmpdir(), `gongkai-${name}-`));
  const contentDir = path.join(root, "content");
  cpSync(sample.contentDir, contentDir, { recursive: true });
  const cacheDir = path.join(root, ".gongkai-cache");
  return {
    root,
    contentDir,
    cacheDir,
    published: path.join(root, "_site"),
    spare: path.join(cacheDir, "spare"),
    /** The news item the tests edit. */
    news: path.join(contentDir, "news/2026/0107-government-plenary-meeting.md"),
    build: (outDir: string, cache: boolean, parts: SiteParts = defaultParts) =>
      buildSite({
        site: sample.site,
        contentDir,
        outDir,
        now: sample.now,
        parts,
        cacheDir: cache ? cacheDir : undefined,
      }),
  };
}
