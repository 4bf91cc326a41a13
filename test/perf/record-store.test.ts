/**
 * The record store (src/build/cache/records.ts): a build with the build cache keeps every file's
 * validated record for the next one, which takes them only while the file, the code, the site
 * config (but its `theme`) and the types are unchanged.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { openRecordStore } from "../../src/build/cache/records.ts";
import { DEFAULT_TYPES } from "../../src/content-types/index.ts";
import { validateSite } from "../../src/config/load.ts";
import { cachedBuilds } from "../helpers/cached-build.ts";
import { FIXTURE_SITE, createFixture, news } from "../helpers/fixture.ts";

test("records are kept between builds and taken only for unchanged files of the same site config", async () => {
  const fixture = createFixture({
    "news/2026/a.md": news("春季植树活动", "2026-03-01 09:00"),
    "news/2026/b.md": news("夏季防汛准备", "2026-05-01 09:00"),
  });
  const { cacheDir, build, edit, sameAsClean } = cachedBuilds(fixture, "2026-06-30 12:00");
  await build(fixture.outDir);
  assert.equal(openRecordStore(cacheDir, fixture.site, DEFAULT_TYPES).size, 2);
  // Another site config (or type list) does not take these records.
  const other = validateSite({ ...FIXTURE_SITE, name: "另一个网站" });
  assert.equal(openRecordStore(cacheDir, other, DEFAULT_TYPES).size, 0);
  assert.equal(openRecordStore(cacheDir, fixture.site, DEFAULT_TYPES.slice(1)).size, 0);
  // Another look (theme) takes them: no record reads it (src/build/cache/search-fingerprint.ts).
  const recoloured = validateSite({
    ...FIXTURE_SITE,
    theme: { colors: { brand: "#123456" }, footerText: ["页脚"] },
  });
  assert.equal(openRecordStore(cacheDir, recoloured, DEFAULT_TYPES).size, 2);

  // Same length, and times set back (older than the bytes-compare window): still read again.
  edit("news/2026/a.md", "春季植树活动", "秋季植树活动");
  await build(fixture.outDir);
  assert.match(fixture.read("/news/2026/a/"), /秋季植树活动/);

  // A store that does not parse is ignored; the output equals a build without the cache.
  writeFileSync(path.join(cacheDir, "records.v8"), "not a store");
  await build(fixture.outDir);
  await sameAsClean();
});
