/**
 * The build cache when something goes wrong or everything changes: a failed build leaves the
 * published output and the cache as they were, a config or layout change rebuilds every page, a
 * corrupt index or a tampered output is not trusted, a folder that is not a cache is left alone.
 * Each round's output equals a clean build's byte for byte (helpers/incremental-fixture.ts).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  appendFileSync,
  cpSync,
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { buildSite } from "../../src/build/build-site.ts";
import type { SiteParts } from "../../src/build/outputs.ts";
import { DEFAULT_TYPES } from "../../src/content-types/index.ts";
import type { AnyTypeSpec } from "../../src/content-types/spec.ts";
import { html } from "../../src/html/html.ts";
import { incrementalFixture, snapshot } from "../helpers/incremental-fixture.ts";
import { INDEX_FILE } from "../../src/build/cache/index-file.ts";

const f = await incrementalFixture();

test("the build cache after failed builds, config and layout changes, a corrupt index and a foreign folder", async (t) => {
  const first = await f.compare("first build, empty cache");
  assert.equal(first.cache?.reused, 0);

  await t.test(
    "a build that fails after its pages leaves the published output and the cache as they were",
    async () => {
      const published = f.published;
      const before = snapshot(published);
      const blobs = snapshot(path.join(f.cacheDir, "blobs"));
      f.edit("news/2026/0107-government-plenary-meeting.md", (s) =>
        s.replace("市政府召开全体会议", "市政府召开第二次全体会议"),
      );
      const failing: SiteParts = {
        ...f.parts,
        steps: [
          ...f.parts.steps,
          { name: "fails", outputs: () => [], run: () => Promise.reject(new Error("步骤失败")) },
        ],
      };
      await assert.rejects(
        buildSite({
          site: f.site,
          contentDir: f.contentDir,
          outDir: published,
          now: f.now,
          parts: failing,
          types: f.types,
          cacheDir: f.cacheDir,
        }),
        /步骤失败/,
      );
      // Its blobs are in no index: the next save lists the folder (assertBlobsAsIndexed).
      assert.ok(existsSync(path.join(f.cacheDir, "unswept")), "the failed build asks for a full sweep");
      assert.deepEqual(snapshot(published), before, "published output unchanged");
      // Blobs are hard-linked into the published folder: none may have been written through.
      const after = snapshot(path.join(f.cacheDir, "blobs"));
      assert.deepEqual(
        [...blobs].filter(([rel, sha]) => after.has(rel) && after.get(rel) !== sha),
        [],
        "no blob changed",
      );
      await f.compare("after a failed build");
      const published2 = snapshot(published);
      assert.ok(existsSync(path.join(f.cacheDir, "spare")), "a spare folder to list");
      // A content error stops the build before it opens the cache, while the spare folder is being
      // listed under the cache's lock (spare-scan.ts): the lock must go with it.
      const news = "news/2026/0107-government-plenary-meeting.md";
      const good = readFileSync(path.join(f.contentDir, news), "utf8");
      f.edit(news, (s) => s.replace(/^date: .*$/m, "date: 不是日期"));
      await assert.rejects(f.build(published, true));
      assert.ok(!existsSync(path.join(f.cacheDir, "lock")), "the cache's lock is let go");
      assert.deepEqual(snapshot(published), published2, "published output unchanged");
      writeFileSync(path.join(f.contentDir, news), good);
    },
  );

  await t.test("a column's config changes: everything rebuilt", async () => {
    f.site = {
      ...f.site,
      columns: f.site.columns.map((c, i) =>
        i === 0 ? { ...c, description: `${c.description}（已修改）` } : c,
      ),
    };
    const result = await f.compare("column config");
    assert.equal(result.cache!.reused, 0);
    assert.equal(result.cache!.ignored, "代码、配置或版式已改变");
    // The blobs are still those bytes: the output before last stays where a page comes out the same.
    assert.ok(result.cache!.spareKept! > result.cache!.rendered / 2, `kept ${result.cache!.spareKept}`);
  });

  await t.test("a layout changes", async () => {
    const [news, ...others] = DEFAULT_TYPES;
    const detail = news.detail;
    if (!detail) throw new Error("news has a detail page");
    f.types = [
      {
        ...news,
        detail: {
          ...detail,
          layout: (...args: Parameters<typeof detail.layout>) =>
            html`<div class="changed">${detail.layout(...args)}</div>`,
        },
      },
      ...others,
    ] as readonly AnyTypeSpec[];
    // Without the output before last (CI need not keep it), a page the change leaves the same
    // is placed from its blob, which keeps its inode (the next build's staging folder is made of them).
    const guide = path.join(f.published, "guides", "construction-permit", "index.html");
    const inode = statSync(guide).ino;
    rmSync(path.join(f.cacheDir, "spare"), { recursive: true, force: true });
    const result = await f.compare("layout");
    assert.equal(result.cache!.reused, 0);
    assert.equal(statSync(guide).ino, inode, "an unchanged page is its blob's link, as before");
  });

  await t.test("a corrupt index is ignored; a published file edited in place is not reused", async () => {
    const index = path.join(f.cacheDir, INDEX_FILE);
    writeFileSync(index, readFileSync(index, "utf8").slice(0, 1000));
    const fresh = await f.compare("corrupt index");
    assert.equal(fresh.cache!.reused, 0);
    assert.equal(fresh.cache!.ignored, "缓存索引无法读取");
    // The published page is a hard link to its blob: editing it in place edits the blob.
    const page = path.join(
      f.published,
      "news",
      "2026",
      "0128-spring-festival-service-hours-2026",
      "index.html",
    );
    const before = statSync(page).mtimeMs;
    appendFileSync(page, "<!-- tampered -->");
    assert.notEqual(statSync(page).mtimeMs + 1, before);
    await f.compare("tampered output");
  });

  await t.test("a folder that is not a cache is never used or changed", async () => {
    const foreign = path.join(f.root, "foreign");
    cpSync(path.join(f.contentDir, "pages"), foreign, { recursive: true });
    const listing = readdirSync(foreign).sort();
    const result = await buildSite({
      site: f.site,
      contentDir: f.contentDir,
      outDir: path.join(f.root, "foreign-out"),
      now: f.sampleNow,
      parts: f.parts,
      types: f.types,
      cacheDir: foreign,
    });
    assert.equal(result.cache, undefined);
    assert.deepEqual(readdirSync(foreign).sort(), listing);
  });
});
