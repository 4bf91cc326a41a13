/**
 * The build cache (src/build/cache/): after each round of content edits the incremental build's
 * output equals a clean build's byte for byte, and the incremental build rendered only a little.
 * Failures, config and layout changes and foreign caches: incremental-recovery.test.ts.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { outputFiles } from "../../src/build/output-files.ts";
import { parseLocalDate } from "../../src/content/fields.ts";
import { organCountsTaken } from "../../src/build/cache/organ-counts.ts";
import { organsOf } from "../../src/organs/platform.ts";
import { incrementalFixture } from "../helpers/incremental-fixture.ts";
import { storedRowsOf } from "../helpers/record-store.ts";

const f = await incrementalFixture();

test("incremental builds equal clean builds after edits, deletions, additions and the clock", async (t) => {
  const first = await f.compare("first build, empty cache");
  assert.equal(first.cache?.reused, 0);
  const pages = first.cache.rendered;
  assert.ok(first.cache.shardsIndexed > 2, "several search shards");

  await t.test("nothing changed: every page and shard from the cache", async () => {
    const again = await f.compare("unchanged");
    // Pages whose data holds functions declare what they close over (withInputs, TypePage inputs).
    assert.equal(again.cache!.rendered, 0, "nothing rendered");
    assert.ok(again.cache!.reused > again.cache!.uncomparable, `reused ${again.cache!.reused}`);
    assert.equal(again.cache!.shardsIndexed, 0);
    // The buckets joined from unchanged shards come out the same: placed, not compressed again.
    assert.ok(again.cache!.joinedReused! >= 16, `joined files reused: ${again.cache!.joinedReused}`);
    // The record store keeps each record's digest: the next build does not serialize unchanged records again.
    const store = storedRowsOf(path.join(f.cacheDir, "records.v8"))!;
    const withRecord = store.entries.filter(([, entry]) => entry.result.record).length;
    assert.ok(withRecord > 100, `${withRecord} records stored`);
    // Drafts and scheduled items are stored but never digested (no page shows them).
    const digested = store.digests.filter((d) => typeof d === "string").length;
    assert.ok(digested > withRecord * 0.9, `${digested} of ${withRecord} records with a digest`);
  });

  await t.test("an edited title, an edited 解读, a deleted and an added item", async () => {
    f.edit("news/2026/0107-government-plenary-meeting.md", (s) =>
      s.replace("市政府召开全体会议", "市政府召开第一次全体会议"),
    );
    f.edit("policies/2026/jd-bzg-2026-1.md", (s) =>
      s.replace("政策解读\nsummary: 解读", "政策解读\nsummary: 详解"),
    );
    rmSync(path.join(f.contentDir, "news/2026/0115-market-new-year-goods-sampling.md"));
    writeFileSync(
      path.join(f.contentDir, "news/2026/0301-new-item.md"),
      "---\ntitle: 新增的一条新闻\ndate: 2026-03-01 10:00\ncolumn: 市级新闻\nsource: 市融媒体中心\ndepartment: 白桦岭市人民政府办公室\n---\n\n正文。\n",
    );
    const result = await f.compare("edits");
    // The output before last was the staging folder: most files stayed, the deleted item's went.
    assert.ok(result.cache!.spareKept! > result.cache!.reused / 2, `kept ${result.cache!.spareKept}`);
    assert.ok(result.cache!.spareSwept! > 0, "the deleted item's page removed");
    const changed = result.cache!.rendered - result.cache!.uncomparable;
    assert.ok(changed > 0 && changed < pages / 10, `rendered ${changed} comparable pages of ${pages}`);
    assert.ok(result.cache!.shardsReused > 0, "unchanged shards reused");
  });

  await t.test(
    "a video (other video pages list the newest), a guide (counts on every guide), an organ, an image",
    async () => {
      f.edit("videos/2026/0320-business-environment-film.md", (s) =>
        s.replace(/^date: .*$/m, "date: 2026-11-20 09:00"),
      );
      f.edit("guides/construction-permit.md", (s) => s.replace("item_type: 行政许可", "item_type: 公共服务"));
      // The organ's 公开平台 pages close over its record (TypePage `inputs`): they must follow it.
      f.edit("organs/market.md", (s) =>
        s.replace("负责全市市场综合监督管理", "负责全市市场监督管理").replace("温泉街36号", "温泉街38号"),
      );
      f.edit("media/images/poster-business.svg", (s) =>
        s.replace('width="640" height="360"', 'width="320" height="180"'),
      );
      // A topic's introduction (its list pages' `intro`) closes over the topic page's record,
      // whose body is in no list page's data: withInputs must name the record.
      f.edit("topics/ecology.md", (s) => s.replace("欢迎社会各界", "欢迎全市各界"));
      await f.compare("video, guide, image, topic introduction");
    },
  );

  await t.test(
    "media files stay as blobs; an edited, an added and a removed image; a page turning noindex",
    async () => {
      const images = path.join(f.contentDir, "media", "images");
      const published = (rel: string) => path.join(f.published, "media", "images", rel);
      const media = outputFiles(path.join(f.contentDir, "media")).length;
      f.edit("media/images/cover-school.svg", (s) => s.replace("</svg>", "<!-- 修订 --></svg>"));
      writeFileSync(path.join(images, "new-upload.svg"), '<svg xmlns="http://www.w3.org/2000/svg"/>\n');
      f.edit("news/2026/0107-government-plenary-meeting.md", (s) =>
        s.replace(/^title: (.*)$/m, "title: $1（暂不公开）"),
      );
      const sitemap = () => readFileSync(path.join(f.published, "sitemap.xml"), "utf8");
      assert.ok(sitemap().includes("/notice/</loc>"), "listed while no title says 暂不公开");
      const first = await f.compare("an edited and an added image, a page turning noindex");
      assert.ok(!sitemap().includes("/notice/</loc>"), "a page marked noindex is not listed");
      // The rest were placed from their blobs: the published file is the blob's hard link.
      assert.ok(first.cache!.mediaReused! >= media - 3, `${first.cache!.mediaReused} of ${media} reused`);
      assert.ok(first.cache!.mediaStored! >= 2, "the edited and the added image stored");
      assert.ok(statSync(published("poster-business.svg")).nlink > 1, "an unchanged image is a blob's link");
      rmSync(path.join(images, "new-upload.svg"));
      f.edit("news/2026/0107-government-plenary-meeting.md", (s) => s.replace("（暂不公开）", ""));
      await f.compare("a removed image, a page no longer noindex");
      assert.ok(!existsSync(published("new-upload.svg")), "the removed image is gone");
      assert.ok(sitemap().includes("/notice/</loc>"), "listed again");
    },
  );

  await t.test("the clock moves: a consultation closes, an interview is held", async () => {
    const consultation = "/consultations/2026/huaxi-river-protection-draft/";
    const before = readFileSync(path.join(f.published, consultation, "index.html"), "utf8");
    f.now = parseLocalDate("2026-12-22 12:00", f.site.timeZone)!.toMillis();
    const result = await f.compare("clock");
    const after = readFileSync(path.join(f.published, consultation, "index.html"), "utf8");
    assert.notEqual(after, before, "the consultation's status changed");
    assert.ok(result.cache!.reused > result.cache!.rendered, "pages that do not read the clock are reused");
  });

  await t.test("an item moves to another column: both columns' lists change membership", async () => {
    // The pages of both columns' lists hold other records than before (the ones after the item
    // shift), though no record of theirs changed but the moved one; the news list keeps it.
    f.edit("news/2026/0210-key-projects-2026.md", (s) => s.replace(/^column: .*$/m, "column: 部门动态"));
    const result = await f.compare("column move");
    assert.ok(result.cache!.reused > result.cache!.rendered, "the other pages are reused");
    f.edit("news/2026/0210-key-projects-2026.md", (s) => s.replace(/^column: .*$/m, "column: 市级新闻"));
    await f.compare("column move back");
  });

  await t.test(
    "an organ's 年报 figures and report file change: its 年报 and the summary follow",
    async () => {
      // An organ's 年报 page and the county summary declare the figures and report files they show,
      // not every organ's tallies: an item moving to another organ changes two organs' figures.
      const item = "news/2025/0219-market-food-safety-inspection.md";
      f.edit(item, (s) => s.replace(/^department: .*$/m, "department: 市教育局"));
      const moved = await f.compare("an item moves to another organ");
      assert.ok(moved.cache!.reused > moved.cache!.rendered, "the other pages are reused");
      // Only the two organs' 年报 counts are counted again (src/build/cache/organ-counts.ts).
      const organs = organsOf(moved.state.portal).list.length;
      assert.ok(organs > 3, "the sample portal has organs");
      assert.equal(organCountsTaken(), organs - 2, "the other organs' counts from the cache");
      // The manual tables of its report file are on its 年报 and added up on the summary.
      f.edit("reports/market/2025.md", (s) => s.replace("permits: 1065", "permits: 1066"));
      await f.compare("an organ's report file");
      f.edit(item, (s) => s.replace(/^department: .*$/m, "department: 市市场监督管理局"));
      f.edit("reports/market/2025.md", (s) => s.replace("permits: 1066", "permits: 1065"));
      await f.compare("both back");
    },
  );
});
