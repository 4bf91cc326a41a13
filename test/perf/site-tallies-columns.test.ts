/**
 * The site's audit lists kept per run of records (src/build/cache/site-tallies.ts) are written
 * as columns: per run, the lists' keys and their places end to end in two typed arrays, not one
 * typed array per list (~38k at 50k items, each read back by node:v8 through a JS callback). A
 * build from the file lists what a build without the cache lists, and a file whose places do not
 * fit a run's records is not used for it.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSite } from "../../src/build/build-site.ts";
import { cutRunsEvery, tallyRunsTaken } from "../../src/build/cache/site-tallies.ts";
import { auditLists } from "../../src/tallies/audit.ts";
import { computeTallies } from "../../src/tallies/compute.ts";
import type { BuildState } from "../../src/eleventy/state.ts";
import { samplePortal } from "../helpers/sample-portal.ts";
import { fromKeyedBytes, keyedBytes } from "../../src/build/cache/keyed-file.ts";

/** The audit lists as text (records by URL), from the memo or computed without it. */
function lists(state: BuildState, clean = false): string {
  const portal = clean ? { ...state.portal, site: { ...state.portal.site } } : state.portal;
  const tallies = clean ? computeTallies(portal) : state.tallies;
  return JSON.stringify([...auditLists(portal, tallies)].map(([key, rs]) => [key, rs.map((r) => r.url)]));
}

/** Every typed array in a deserialized value. */
function typedArrays(value: unknown): number {
  if (ArrayBuffer.isView(value)) return 1;
  if (value instanceof Map) return [...value.values()].reduce((n: number, v) => n + typedArrays(v), 0);
  if (value && typeof value === "object")
    return Object.values(value).reduce((n: number, v) => n + typedArrays(v), 0);
  return 0;
}

test("audit lists kept as two typed arrays a run, read back as a clean build lists them", async () => {
  cutRunsEvery(10);
  const sample = await samplePortal();
  const root = mkdtempSync(path.join(tmpdir(), "gongkai-tally-columns-"));
  const contentDir = path.join(root, "content");
  cpSync(sample.contentDir, contentDir, { recursive: true });
  const cacheDir = path.join(root, "cache");
  const build = () =>
    buildSite({ site: sample.site, contentDir, outDir: path.join(root, "out"), now: sample.now, cacheDir });
  try {
    await build();
    const file = path.join(cacheDir, "site-tallies.v8");
    const stored = fromKeyedBytes(readFileSync(file)) as unknown as { runs: { audits?: unknown }[] };
    const listed = stored.runs.filter((run) => run.audits !== undefined);
    assert.ok(listed.length > 10, `runs with audit lists (${listed.length})`);
    assert.equal(typedArrays(stored.runs.map((run) => run.audits)), 2 * listed.length, "two a run");

    const { state } = await build();
    assert.ok(tallyRunsTaken() > 10, "runs from the file");
    assert.equal(lists(state), lists(state, true), "the lists a build without the cache makes");

    // Places past the end of each run's records: not used, the lists are made again.
    for (const run of listed) {
      const audits = run.audits as { places: Int32Array };
      audits.places = audits.places.map(() => 1_000_000);
    }
    writeFileSync(file, keyedBytes(stored));
    const { state: after } = await build();
    assert.equal(lists(after), lists(after, true), "damaged places: the clean build's lists");
  } finally {
    cutRunsEvery(128);
    rmSync(root, { recursive: true, force: true });
  }
});
