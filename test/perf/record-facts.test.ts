/**
 * What the record store keeps beside each record for the checks (src/build/cache/record-facts.ts:
 * the field strings that name media or are placeholders, the body's links) and the SVG verdicts
 * it keeps beside the records (src/build/cache/svg-verdicts.ts). The facts speak of the record
 * alone; whether a named file exists or a link resolves is decided on every build: deleting the
 * page or the image an unchanged record points at, or editing an SVG, gives the problems a build
 * without the cache gives, in the same order.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { openRecordStore } from "../../src/build/cache/records.ts";
import { notableStringsKnown } from "../../src/check/notable-strings.ts";
import { bodyLinksKnown } from "../../src/check/body-parse.ts";
import { DEFAULT_TYPES } from "../../src/content-types/index.ts";
import { cachedBuilds } from "../helpers/cached-build.ts";
import { createFixture, news } from "../helpers/fixture.ts";

const SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4"/></svg>\n`;
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

test("facts kept with unchanged records meet the files of this build, as a build without the cache", async () => {
  const fixture = createFixture({
    "media/images/a.png": PNG,
    "media/images/logo.svg": SVG,
    "news/2026/a.md": news("春季植树活动", "2026-03-01 09:00", {
      cover: '{ src: "/media/images/a.png", alt: "植树现场" }',
    }).replace("正文。", "详见[防汛准备](/news/2026/b/)。"),
    "news/2026/b.md": news("夏季防汛准备", "2026-05-01 09:00"),
    "news/2026/d.md": news("秋季工作安排", "2026-05-02 09:00", { draft: true }),
  });
  const { cacheDir, edit, sameProblems: same } = cachedBuilds(fixture, "2026-06-30 12:00");
  await same("first build");
  await same("second build, from the store");
  // The store holds a.md's facts: the next build need not walk its fields or parse its body.
  const store = openRecordStore(cacheDir, fixture.site, DEFAULT_TYPES);
  const a = store.entry(path.join(fixture.contentDir, "news/2026/a.md"))!.result.record!;
  assert.deepEqual(notableStringsKnown(a), [[["cover", "src"], "/media/images/a.png"]]);
  assert.deepEqual(
    bodyLinksKnown(a)?.links.map((l) => l.target),
    ["/news/2026/b/"],
  );

  // The page a.md links to is gone: a.md is unchanged, its link is now broken.
  const b = path.join(fixture.contentDir, "news/2026/b.md");
  renameSync(b, `${b}.away`);
  const broken = await same("link target deleted");
  assert.ok(broken.some((p) => p.file?.endsWith("a.md") && /防汛准备|\/news\/2026\/b\//.test(p.message)));
  renameSync(`${b}.away`, b);
  await same("link target back");

  // The image a.md's cover names is gone.
  const image = path.join(fixture.contentDir, "media/images/a.png");
  renameSync(image, `${image}.away`);
  const missing = await same("cover image deleted");
  assert.ok(missing.some((p) => p.file?.endsWith("a.md") && p.field?.startsWith("cover.src")));
  renameSync(`${image}.away`, image);
  await same("cover image back");

  // An SVG whose verdict the cache kept now holds a script: checked again by its new stat.
  const svg = path.join(fixture.contentDir, "media/images/logo.svg");
  // A verdict is kept only once its file is older than RECENT_MS (2 s); every build here first waits
  // until each content file is (cached-build.ts `settled`), so this one keeps the SVG's verdict.
  await same("the SVG older than RECENT_MS");
  const kept = statSync(path.join(cacheDir, "svg-verdicts.v8")).mtimeMs;
  await same("nothing changed");
  assert.equal(statSync(path.join(cacheDir, "svg-verdicts.v8")).mtimeMs, kept, "same verdicts: not written");
  writeFileSync(svg, SVG.replace("<rect", "<script>alert(1)</script><rect"));
  const unsafe = await same("SVG with a script");
  assert.ok(unsafe.some((p) => p.file === "content/media/images/logo.svg" && /SVG/.test(p.message)));
  writeFileSync(svg, SVG);
  await same("SVG safe again");

  // A placeholder written into a draft: its new record's strings are found anew.
  edit("news/2026/d.md", "秋季工作安排", "秋季工作安排【待填写】");
  const placeholder = await same("placeholder in a draft");
  assert.ok(placeholder.some((p) => p.file?.endsWith("d.md") && /占位/.test(p.message)));
});
