/**
 * A result kept beside the record store (keyed-file.ts) that was changed in place is not read:
 * a byte flipped in a number deserializes as another number of the same shape, which no shape
 * check can refuse. The randomized harness's seed 128 flipped one bit of `portal-layout.v8`
 * (session 49): the year 2026 became 2042, and the next build's home page said "其中 2042 年 0 条"
 * where a clean build says 2026 and 76. Here the same bit, then that build, compared with a clean one.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSite } from "../../src/build/build-site.ts";
import { readKeyedFile, writeKeyedFile } from "../../src/build/cache/keyed-file.ts";
import { samplePortal } from "../helpers/sample-portal.ts";
import { assertSameOutput } from "../helpers/incremental-fixture.ts";

/** Flips `bit` of the first 8 bytes equal to `from` as a little-endian double; false when none. */
function flipDouble(file: string, from: number, byte: number, bit: number): boolean {
  const bytes = readFileSync(file);
  const pattern = Buffer.alloc(8);
  pattern.writeDoubleLE(from);
  const at = bytes.indexOf(pattern);
  if (at < 0) return false;
  bytes[at + byte] ^= 1 << bit;
  writeFileSync(file, bytes);
  return true;
}

test("a keyed file with one bit flipped is not read", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "gongkai-keyed-"));
  try {
    writeKeyedFile(dir, "x.v8", { key: "k", year: new Float64Array([2026]) });
    assert.deepEqual(readKeyedFile(dir, "x.v8", "k")?.year, new Float64Array([2026]));
    // 2026 → 2042: bit 6 of the double's seventh byte.
    assert.ok(flipDouble(path.join(dir, "x.v8"), 2026, 6, 6));
    assert.equal(readKeyedFile(dir, "x.v8", "k"), undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the portal layout's year flipped in the cache: the next build equals a clean one", async () => {
  const sample = await samplePortal();
  const root = mkdtempSync(path.join(tmpdir(), "gongkai-keyed-layout-"));
  const contentDir = path.join(root, "content");
  cpSync(sample.contentDir, contentDir, { recursive: true });
  const cacheDir = path.join(root, "cache");
  const build = (out: string, cache?: string) =>
    buildSite({
      site: sample.site,
      contentDir,
      outDir: path.join(root, out),
      now: sample.now,
      cacheDir: cache,
    });
  try {
    await build("site", cacheDir);
    assert.ok(
      flipDouble(path.join(cacheDir, "portal-layout.v8"), 2026, 6, 6),
      "a record of 2026 in the layout",
    );
    // An edit in place, so the generation holds and the layout would be taken.
    const file = path.join(contentDir, "news/2025/0425-tree-planting.md");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^title: (.*)$/m, "title: $1（修订）"));
    await build("site", cacheDir);
    await build("clean");
    assertSameOutput(path.join(root, "site"), path.join(root, "clean"), "after the flipped bit");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
