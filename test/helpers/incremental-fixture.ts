/**
 * A copy of the sample portal built with the build cache and from nothing, round after round:
 * `compare` asserts the two output trees are the same bytes and the cache holds exactly the blobs
 * its index uses. Shared by the incremental-build tests (test/perf/incremental-*.test.ts). The clean
 * build is made once per content state, site, types and clock (content-digest.ts): its files' hashes
 * and folders are kept, not the folder.
 */
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSite, type BuildResult } from "../../src/build/build-site.ts";
import { defaultPageSources, defaultSteps } from "../../src/build/defaults.ts";
import type { SiteParts } from "../../src/build/outputs.ts";
import { outputFiles } from "../../src/build/output-files.ts";
import { sha256Of } from "../../src/build/cache/store.ts";
import { INDEX_FILE, indexOf } from "../../src/build/cache/index-file.ts";
import { CACHE_FORMAT } from "../../src/build/cache/fingerprint.ts";
import { searchIndexStep } from "../../src/search/index-step.ts";
import { DEFAULT_TYPES } from "../../src/content-types/index.ts";
import type { AnyTypeSpec } from "../../src/content-types/spec.ts";
import type { Site } from "../../src/config/schema.ts";
import { SinglePage } from "../../src/pages/single-page.ts";
import type { BuildState } from "../../src/eleventy/state.ts";
import { samplePortal } from "./sample-portal.ts";
import { perContentState } from "./content-digest.ts";

/**
 * A page that is marked noindex while any item's title says 暂不公开: sitemap.xml must follow it
 * whether the page is rendered or taken from the cache.
 */
class NoticePage extends SinglePage {
  readonly url = "/notice/";
  protected renderPage(state: BuildState): string {
    const hidden = state.portal.records.some((r) => JSON.stringify(r.fields).includes("暂不公开"));
    const robots = hidden ? '<meta name="robots" content="noindex">' : "";
    return `<!doctype html><html lang="zh-CN"><head><title>通知</title>${robots}</head><body></body></html>\n`;
  }
}

/** The portal's pages with the notice page, and small search shards, so an edit leaves most of them to the cache. */
export const incrementalParts = (): SiteParts => ({
  pages: [...defaultPageSources, { name: "notice", create: (ref) => new NoticePage(ref), streamed: true }],
  steps: defaultSteps.map((s) => (s.name === "search index" ? searchIndexStep({ shardPages: 40 }) : s)),
});

/** Every file of a folder with its bytes' SHA-256. */
export const snapshot = (dir: string) =>
  new Map(outputFiles(dir).map((rel) => [rel, sha256Of(readFileSync(path.join(dir, rel)))]));

/** `built` holds the same files, bytes and folders as `clean` (a build without the cache). */
export function assertSameOutput(built: string, clean: string, what = ""): void {
  const label = what ? `${what}: ` : "";
  const files = outputFiles(clean);
  assert.deepEqual(outputFiles(built), files, `${label}same files`);
  const differing = files.filter(
    (rel) => !readFileSync(path.join(built, rel)).equals(readFileSync(path.join(clean, rel))),
  );
  assert.deepEqual(differing, [], `${label}same bytes`);
  assert.deepEqual(folders(built), folders(clean), `${label}same folders`);
}

/** A clean build's output: its files' SHA-256 and its folders. */
type CleanFiles = Promise<{ hashes: Map<string, string>; folders: string[] }>;

/** Every folder below `dir`, relative, sorted. */
export const folders = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();

export interface IncrementalFixture {
  readonly root: string;
  readonly contentDir: string;
  readonly cacheDir: string;
  /** The folder every cached build publishes to. */
  readonly published: string;
  readonly parts: SiteParts;
  readonly sampleNow: number;
  /** Changed by a test to build with another config, other types or at another time. */
  site: Site;
  types: readonly AnyTypeSpec[];
  now: number;
  build(outDir: string, cache: boolean): Promise<BuildResult>;
  /** Builds incrementally and from nothing; the two trees must be the same bytes. */
  compare(what: string): Promise<BuildResult>;
  edit(rel: string, change: (text: string) => string): void;
}

export async function incrementalFixture(): Promise<IncrementalFixture> {
  const sample = await samplePortal();
  const root = mkdtempSync(path.join(tmpdir(), "gongkai-incremental-"));
  const contentDir = path.join(root, "content");
  cpSync(sample.contentDir, contentDir, { recursive: true });
  const cacheDir = path.join(root, ".gongkai-cache");
  const published = path.join(root, "incremental");
  const parts = incrementalParts();
  let round = 0;
  const cleanOutputs = perContentState<CleanFiles>(contentDir, (files) => files);
  /** The clean build's files and folders for the content as it is now, built once per state. */
  const cleanOutput = (): CleanFiles =>
    cleanOutputs(fixture.now, [fixture.site, fixture.types], () => {
      const clean = path.join(root, `clean-${round}`);
      return fixture.build(clean, false).then(() => {
        const output = { hashes: snapshot(clean), folders: folders(clean) };
        rmSync(clean, { recursive: true, force: true });
        return output;
      });
    });

  /**
   * Every blob in the cache is one its index uses, and every one it uses is there: saving removes
   * only the previous index's and its own unused blobs unless a failed build may have left others.
   */
  function assertBlobsAsIndexed(what: string): void {
    const index = indexOf(readFileSync(path.join(cacheDir, INDEX_FILE)), CACHE_FORMAT)!;
    const used = new Set([
      ...index.pages.sha256s,
      ...Object.values(index.joined).map(([, sha]) => sha),
      ...Object.values(index.shards).flatMap((files) => files.map(([, sha]) => sha)),
    ]);
    const blobs = readdirSync(path.join(cacheDir, "blobs"), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => e.name);
    assert.deepEqual(blobs.sort(), [...used].sort(), `${what}: the blobs are those the index uses`);
  }

  const fixture: IncrementalFixture = {
    root,
    contentDir,
    cacheDir,
    published,
    parts,
    sampleNow: sample.now,
    site: sample.site,
    types: DEFAULT_TYPES,
    now: sample.now,
    build: (outDir, cache) =>
      buildSite({
        site: fixture.site,
        contentDir,
        outDir,
        now: fixture.now,
        parts,
        types: fixture.types,
        cacheDir: cache ? cacheDir : undefined,
      }),
    async compare(what) {
      round++;
      const result = await fixture.build(published, true);
      assertBlobsAsIndexed(what);
      const clean = await cleanOutput();
      const built = snapshot(published);
      assert.deepEqual([...built.keys()], [...clean.hashes.keys()], `${what}: same files`);
      const differing = [...clean.hashes].filter(([rel, sha]) => built.get(rel) !== sha).map(([rel]) => rel);
      assert.deepEqual(differing, [], `${what}: same bytes`);
      // The incremental build starts from the output before last (src/build/cache/spare.ts): no folder left over.
      assert.deepEqual(folders(published), clean.folders, `${what}: same folders`);
      return result;
    },
    edit(rel, change) {
      const file = path.join(contentDir, rel);
      writeFileSync(file, change(readFileSync(file, "utf8")));
    },
  };
  return fixture;
}
