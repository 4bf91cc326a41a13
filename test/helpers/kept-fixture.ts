/**
 * The kept-results tests' setup (test/perf/kept-*.test.ts, detail-urls-kept): a copy of the sample
 * portal, built with the build cache into `outDir` or without it into `cleanDir`, and edited in place.
 */
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSite } from "../../src/build/build-site.ts";
import type { Site } from "../../src/config/schema.ts";
import { samplePortal } from "./sample-portal.ts";

export interface KeptFixture {
  site: Site;
  root: string;
  contentDir: string;
  cacheDir: string;
  outDir: string;
  cleanDir: string;
  /** The build's clock; a test may move it between builds. */
  now: number;
  build: (cache: boolean) => ReturnType<typeof buildSite>;
  /** Replaces `from` by `to` in a content file, which must change. */
  edit: (rel: string, from: string | RegExp, to: string) => void;
}

export async function keptFixture(prefix: string): Promise<KeptFixture> {
  const sample = await samplePortal();
  const root = mkdtempSync(path.join(tmpdir(), prefix));
  const contentDir = path.join(root, "content");
  cpSync(sample.contentDir, contentDir, { recursive: true });
  const fixture: KeptFixture = {
    site: sample.site,
    root,
    contentDir,
    cacheDir: path.join(root, "cache"),
    outDir: path.join(root, "out"),
    cleanDir: path.join(root, "clean"),
    now: sample.now,
    build: (cache) =>
      buildSite({
        site: fixture.site,
        contentDir,
        outDir: cache ? fixture.outDir : fixture.cleanDir,
        now: fixture.now,
        cacheDir: cache ? fixture.cacheDir : undefined,
      }),
    edit: (rel, from, to) => {
      const file = path.join(contentDir, rel);
      const before = readFileSync(file, "utf8");
      const after = before.replace(from, to);
      assert.notEqual(after, before, `${rel} changed`);
      writeFileSync(file, after);
    },
  };
  return fixture;
}
