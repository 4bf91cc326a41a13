/**
 * The dev server's copy of an edited media file into the output folder (src/dev/dev-session.ts
 * `syncMedia`) replaces the published file instead of writing into it: after a build with the
 * build cache that file is a hard link of a blob, shared with the cache and with every other
 * output file of the same bytes. Two identical attachments, one replaced while `npm start` runs:
 * the other keeps its bytes in the output, no blob of the cache changes, and the next cached
 * build equals a clean one. Before session 49 the copy wrote through the link: the unedited
 * twin was served, and left in _site, with the edited file's bytes.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createFixture, md } from "../helpers/fixture.ts";
import { buildSite } from "../../src/build/build-site.ts";
import { parseLocalDate } from "../../src/content/fields.ts";
import { startDevSession } from "../../src/dev/dev-session.ts";
import { assertSameOutput } from "../helpers/incremental-fixture.ts";
import { eventually } from "./session.ts";

const FORM = "%PDF-1.4\n% 申请表\n%%EOF\n";
const item = (title: string, date: string, file: string) =>
  md(
    { title, date, column: "市级新闻", source: "市政府办公室", department: "市政府办公室" },
    `[申请表](/media/attachments/${file})`,
  );

/** Blobs whose bytes no longer hash to their name. */
function alteredBlobs(cacheDir: string): string[] {
  return readdirSync(path.join(cacheDir, "blobs"), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .filter(
      (e) =>
        createHash("sha256")
          .update(readFileSync(path.join(e.parentPath, e.name)))
          .digest("hex") !== e.name,
    )
    .map((e) => e.name);
}

test("a media file replaced under npm start leaves its identical twin and the cache's blobs as they were", async () => {
  const fixture = createFixture({
    "news/2026/a.md": item("申请表下载", "2026-03-01 09:00", "a.pdf"),
    "news/2026/b.md": item("申请表（另一份）", "2026-03-02 09:00", "b.pdf"),
    "media/attachments/a.pdf": FORM,
    "media/attachments/b.pdf": FORM,
  });
  const cacheDir = path.join(fixture.root, ".gongkai-cache");
  const now = parseLocalDate("2026-06-30 12:00", fixture.site.timeZone)!.toMillis();
  const build = (outDir: string, cache?: string) =>
    buildSite({ site: fixture.site, contentDir: fixture.contentDir, outDir, now, cacheDir: cache });
  const published = (name: string) => path.join(fixture.outDir, "media/attachments", name);
  await build(fixture.outDir, cacheDir);

  const session = await startDevSession(
    {
      site: fixture.site,
      contentDir: fixture.contentDir,
      outDir: fixture.outDir,
      now,
      cacheDir,
      port: 0,
      searchDelayMs: 60_000,
    },
    { info: () => {}, error: () => {} },
  );
  try {
    await session.started;
    // What makes the copy dangerous: the twins are one blob's links in the output.
    assert.equal(statSync(published("a.pdf")).ino, statSync(published("b.pdf")).ino);
    const replaced = "%PDF-1.4\n% 申请表（2026年修订）\n%%EOF\n";
    writeFileSync(path.join(fixture.contentDir, "media/attachments/a.pdf"), replaced);
    await eventually(
      session.server.url + "media/attachments/a.pdf",
      (body) => body === replaced,
      "the replaced attachment",
    );
    assert.equal(readFileSync(published("b.pdf"), "utf8"), FORM, "the twin keeps its bytes");
    assert.deepEqual(alteredBlobs(cacheDir), [], "no blob of the cache was written into");
  } finally {
    await session.close();
  }
  await build(fixture.outDir, cacheDir);
  const clean = path.join(fixture.root, "_clean");
  await build(clean);
  assertSameOutput(fixture.outDir, clean, "the build after the dev session");
});
