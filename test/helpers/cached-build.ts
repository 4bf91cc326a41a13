/**
 * A fixture built with the build cache (and without it, to compare), and content edits the
 * record store must notice by their stat alone (src/build/cache/records.ts).
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import path from "node:path";
import { buildSite } from "../../src/build/build-site.ts";
import { outputFiles } from "../../src/build/output-files.ts";
import { defaultPageSources } from "../../src/build/defaults.ts";
import { parseLocalDate } from "../../src/content/fields.ts";
import assert from "node:assert/strict";
import { ContentError, type Problem } from "../../src/problems/problems.ts";
import type { Fixture } from "./fixture.ts";
import { RECENT_MS, stampFrom } from "../../src/content/record-cache.ts";

/**
 * Waits until every content file is older than the bytes-compare window by its stamp (the later of
 * mtime and ctime, which a write, rename or utimes moves to now and nothing can set back), so a
 * build sees the files as an operator's build does, whatever the machine's load: a file that turns
 * old between two builds is re-stamped by the second, and what it counts or rewrites would depend
 * on how long the first took.
 */
export async function settled(dir: string): Promise<void> {
  let newest = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile())
      newest = Math.max(newest, stampFrom(statSync(path.join(entry.parentPath, entry.name))).mtimeMs);
  const wait = newest + RECENT_MS + 50 - Date.now();
  if (wait > 0) await sleep(wait);
}

/** Builds of `fixture`'s pages (no after-render steps) at the local time `at`. */
export function cachedBuilds(fixture: Fixture, at: string) {
  const cacheDir = path.join(fixture.root, ".gongkai-cache");
  const now = parseLocalDate(at, fixture.site.timeZone)!.toMillis();
  const build = async (outDir: string, cache = true) => {
    // Only the cache compares stamps (the record store, the kept verdicts and listings): a build
    // without it reads every file whatever its age, so it need not wait.
    if (cache) await settled(fixture.contentDir);
    return buildSite({
      site: fixture.site,
      contentDir: fixture.contentDir,
      outDir,
      now,
      parts: { pages: defaultPageSources, steps: [] },
      cacheDir: cache ? cacheDir : undefined,
    });
  };
  /** Replaces `from` in a content file (`build` waits until it is past the bytes-compare window). */
  const edit = (rel: string, from: string, to: string) => {
    const file = path.join(fixture.contentDir, rel);
    writeFileSync(file, readFileSync(file, "utf8").replace(from, to));
  };
  /** A build's problems (its warnings, or the errors that stopped it). */
  const problemsOf = async (outDir: string, cache: boolean): Promise<Problem[]> => {
    try {
      return (await build(outDir, cache)).state.warnings;
    } catch (err) {
      if (err instanceof ContentError) return err.problems;
      throw err;
    }
  };
  const clean = path.join(fixture.root, "clean");
  /**
   * Builds without the cache (into another folder) and with it; asserts the same problems and
   * returns them. The build without the cache goes first: it needs no wait, and the files settle
   * while it runs, so the cached build waits only for what is left of the window.
   */
  const sameProblems = async (what: string): Promise<Problem[]> => {
    const fromClean = await problemsOf(clean, false);
    const cached = await problemsOf(fixture.outDir, true);
    assert.deepEqual(cached, fromClean, what);
    return cached;
  };
  /** Builds without the cache and asserts the cached output has the same files, byte for byte. */
  const sameAsClean = async (what = "cached output"): Promise<void> => {
    await build(clean, false);
    const files = outputFiles(fixture.outDir);
    assert.deepEqual(files, outputFiles(clean), `${what}: same files`);
    for (const rel of files)
      assert.ok(
        readFileSync(path.join(fixture.outDir, rel)).equals(readFileSync(path.join(clean, rel))),
        `${what}: ${rel}`,
      );
  };
  return { cacheDir, build, edit, sameProblems, sameAsClean };
}
