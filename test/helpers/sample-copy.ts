/**
 * A copy of the sample portal's content in a folder of its own, built with the build cache there
 * or without it (to compare), and an edit of one of its files: for the tests of what the cache
 * reuses after an edit.
 */
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSite } from "../../src/build/build-site.ts";
import type { SiteParts } from "../../src/build/outputs.ts";
import { outputFiles } from "../../src/build/output-files.ts";
import type { Site } from "../../src/config/schema.ts";
import { differingIndexFiles } from "./index-diff.ts";
import { samplePortal } from "./sample-portal.ts";
import { perContentState } from "./content-digest.ts";

/** The news item the cache tests edit. */
export const SAMPLE_NEWS = "news/2026/0107-government-plenary-meeting.md";

/** `settings`: what differs from the sample's site config (a smaller page size, say). */
export async function sampleCopy(name: string, parts: SiteParts, settings: Partial<Site> = {}) {
  const sample = await samplePortal();
  const site: Site = { ...sample.site, ...settings };
  const root = mkdtempSync(path.join(tmpdir(), `gongkai-${name}-`));
  const contentDir = path.join(root, "content");
  cpSync(sample.contentDir, contentDir, { recursive: true });
  const cacheDir = path.join(root, ".gongkai-cache");
  const build = (outDir: string, cache: boolean) =>
    buildSite({
      site,
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
  // The tests edit back and forth (dated newest and back, deleted and added back): one clean build
  // per content state, kept in a folder of its own until the copy is removed (content-digest.ts).
  const cleanBuilds = perContentState<{ dir: string; built: Promise<unknown> }>(contentDir, (c) => c.built);
  let cleanFolders = 0;
  /** The folder of a build without the cache of the content as it is now. */
  const cleanBuild = async (): Promise<string> => {
    const made = cleanBuilds(sample.now, [], () => {
      const dir = path.join(root, `clean-${cleanFolders++}`);
      return { dir, built: build(dir, false) };
    });
    await made.built;
    return made.dir;
  };
  /** Builds into `out` with the cache, then a clean build; asserts the two trees are the same bytes. */
  const compare = async (what: string, out = path.join(root, "incremental")) => {
    const result = await build(out, true);
    const clean = await cleanBuild();
    const files = outputFiles(clean);
    assert.deepEqual(outputFiles(out), files, `${what}: same files`);
    const differing = files.filter(
      (rel) => !readFileSync(path.join(out, rel)).equals(readFileSync(path.join(clean, rel))),
    );
    assert.deepEqual(differing, [], `${what}: same bytes`);
    return result.cache!;
  };
  /** Asserts the search index in `out` is a clean build's, byte for byte. */
  const sameIndexAsClean = async (out: string, what: string) => {
    assert.deepEqual(
      differingIndexFiles(out, await cleanBuild()),
      [],
      `${what}: the index as a build's without the cache`,
    );
  };
  return { root, contentDir, cacheDir, build, edit, compare, sameIndexAsClean };
}
