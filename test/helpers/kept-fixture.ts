/**
 * The kept-results tests' setup (test/perf/kept-*.test.ts, detail-urls-kept, coverage-kept,
 * sitemap-details-kept): a copy of the sample portal, built with the build cache into `outDir` or
 * without it into `cleanDir`, edited in place, and its kept files rewritten.
 *
 * A build without the cache is made once per content state, site and clock (content-digest.ts):
 * each state's clean output has a folder of its own; `cleanDir` is a link to the last one asked for.
 */
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import v8 from "node:v8";
import { buildSite } from "../../src/build/build-site.ts";
import type { Site } from "../../src/config/schema.ts";
import { assertSameOutput } from "./incremental-fixture.ts";
import { samplePortal } from "./sample-portal.ts";
import { perContentState } from "./content-digest.ts";
import { fromKeyedBytes, keyedBytes } from "../../src/build/cache/keyed-file.ts";

export interface KeptFixture {
  site: Site;
  root: string;
  contentDir: string;
  cacheDir: string;
  outDir: string;
  /** A link to the clean build of the content as it was at the last `build(false)`. */
  cleanDir: string;
  /** The build's clock; a test may move it between builds. */
  now: number;
  build: (cache: boolean) => ReturnType<typeof buildSite>;
  /**
   * A build with the cache, then one without, whose output must be the same bytes (`what`: the
   * step, for the messages): both builds, and how far `counter` moved in the first.
   */
  buildBoth: (what: string, counter: () => number) => Promise<BothBuilt>;
  /** Replaces `from` by `to` in a content file, which must change. */
  edit: (rel: string, from: string | RegExp, to: string) => void;
  /** Adds the content file `rel`, a copy of `copyOf`. */
  add: (rel: string, copyOf: string) => void;
  /** Removes the content file `rel`. */
  remove: (rel: string) => void;
  /** Changes what the kept file `name` of the build cache holds. */
  rewrite: (name: string, change: (stored: Record<string, unknown>) => void) => void;
}

type Built = Awaited<ReturnType<typeof buildSite>>;

export interface BothBuilt {
  cached: Built;
  clean: Built;
  counted: number;
}

interface CleanBuild {
  dir: string;
  built: Promise<Built>;
}

export async function keptFixture(prefix: string): Promise<KeptFixture> {
  const sample = await samplePortal();
  const root = mkdtempSync(path.join(tmpdir(), prefix));
  const contentDir = path.join(root, "content");
  cpSync(sample.contentDir, contentDir, { recursive: true });
  const cleanBuilds = perContentState<CleanBuild>(contentDir, (made) => made.built);
  let cleanFolders = 0;
  /** The build without the cache of the content as it is now: made once per state, linked as `cleanDir`. */
  const cleanBuild = async (): Promise<Built> => {
    const made = cleanBuilds(fixture.now, [fixture.site], () => {
      const dir = path.join(root, `clean-${cleanFolders++}`);
      return { dir, built: buildSite({ site: fixture.site, contentDir, outDir: dir, now: fixture.now }) };
    });
    rmSync(fixture.cleanDir, { force: true });
    try {
      return await made.built;
    } finally {
      symlinkSync(made.dir, fixture.cleanDir);
    }
  };
  const fixture: KeptFixture = {
    site: sample.site,
    root,
    contentDir,
    cacheDir: path.join(root, "cache"),
    outDir: path.join(root, "out"),
    cleanDir: path.join(root, "clean"),
    now: sample.now,
    build: (cache) =>
      cache
        ? buildSite({
            site: fixture.site,
            contentDir,
            outDir: fixture.outDir,
            now: fixture.now,
            cacheDir: fixture.cacheDir,
          })
        : cleanBuild(),
    buildBoth: async (what, counter) => {
      const before = counter();
      const cached = await fixture.build(true);
      const counted = counter() - before;
      const clean = await fixture.build(false);
      assertSameOutput(fixture.outDir, fixture.cleanDir, what);
      return { cached, clean, counted };
    },
    edit: (rel, from, to) => {
      const file = path.join(contentDir, rel);
      const before = readFileSync(file, "utf8");
      const after = before.replace(from, to);
      assert.notEqual(after, before, `${rel} changed`);
      writeFileSync(file, after);
    },
    add: (rel, copyOf) =>
      writeFileSync(path.join(contentDir, rel), readFileSync(path.join(contentDir, copyOf), "utf8")),
    remove: (rel) => unlinkSync(path.join(contentDir, rel)),
    rewrite: (name, change) => {
      const file = path.join(fixture.cacheDir, name);
      // A keyed file (keyed-file.ts: its digest, then the payload) is written back as one; the
      // record store's delta is plain v8.
      const bytes = readFileSync(file);
      const keyed = fromKeyedBytes(bytes);
      const stored = keyed ?? (v8.deserialize(bytes) as Record<string, unknown>);
      change(stored);
      writeFileSync(file, keyed ? keyedBytes(stored) : v8.serialize(stored));
    },
  };
  return fixture;
}
