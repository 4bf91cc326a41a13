/**
 * Files with the same bytes (a media file attached twice) are all links of their one blob once a
 * build stored them: a file left as an inode of its own was, two builds later, found in the
 * staging folder as no blob's link, removed, and the blob linked there again (at 50k items ~14k
 * media files of the synthetic corpus after every fill).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { defaultParts } from "../../src/build/defaults.ts";
import { outputFiles } from "../../src/build/output-files.ts";
import { sampleCopy } from "../helpers/sample-copy.ts";
import { assertSameOutput } from "../helpers/incremental-fixture.ts";
import { settled } from "../helpers/cached-build.ts";

const A = "media/periodicals/bhlx-2026-02.pdf";
const B = "media/periodicals/bhlx-2026-03.pdf";

test("a fill links files of equal bytes to one blob; the builds after keep them and equal a clean build", async (t) => {
  const { root, contentDir, cacheDir, build, edit } = await sampleCopy("duplicate-blobs", defaultParts);
  t.after(() => rmSync(root, { recursive: true, force: true }));
  copyFileSync(path.join(contentDir, A), path.join(contentDir, B));
  const mediaDir = path.join(contentDir, "media");
  const published = path.join(root, "_site");
  const fill = await build(published, true);
  assert.equal(fill.cache?.reused, 0);
  const ino = statSync(path.join(published, A)).ino;
  assert.equal(statSync(path.join(published, B)).ino, ino, "both published files are one inode");
  assert.ok(statSync(path.join(published, A)).nlink >= 3, "the blob's inode: the blob and the two files");

  // The next build makes its spare folder from this output; the one after starts from that.
  await build(published, true);
  edit((text) => text.replace("市政府召开全体会议", "市政府召开第二次全体会议"));
  const spare = path.join(cacheDir, "spare");
  // Every media file of the output before last is a blob's link: the build keeps each in place.
  const media = outputFiles(spare).filter((rel) => rel.startsWith("media/"));
  const single = media.filter((rel) => statSync(path.join(spare, rel)).nlink < 2);
  assert.deepEqual(single, [], "no media file of its own in the spare folder");
  // A media file changed in the last two seconds is read again by every build (media.ts; its time
  // is the later of mtime and ctime, so setting mtime back does not settle it): on a fast machine
  // the edit would otherwise reuse none of the freshly copied media.
  await settled(mediaDir);
  const edited = await build(published, true);
  assert.equal(edited.cache?.mediaReused, media.length);

  const clean = path.join(root, "clean");
  await build(clean, false);
  assertSameOutput(published, clean);
});
