/**
 * The build cache (src/build/cache/): after each round of edits the incremental build's output
 * equals a clean build's byte for byte, and the incremental build rendered only a little.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  appendFileSync,
  existsSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import v8 from "node:v8";
import { buildSite, type BuildResult } from "../../src/build/build-site.ts";
import { fromColumns } from "../../src/build/cache/record-columns.ts";
import { defaultPageSources, defaultSteps } from "../../src/build/defaults.ts";
import type { SiteParts } from "../../src/build/outputs.ts";
import { outputFiles } from "../../src/build/output-files.ts";
import { searchIndexStep } from "../../src/search/index-step.ts";
import { DEFAULT_TYPES } from "../../src/content-types/index.ts";
import type { AnyTypeSpec } from "../../src/content-types/spec.ts";
import type { Site } from "../../src/config/schema.ts";
import { html } from "../../src/html/html.ts";
import { samplePortal } from "../helpers/sample-portal.ts";
import { parseLocalDate } from "../../src/content/fields.ts";
import { sha256Of } from "../../src/build/cache/store.ts";
import { SinglePage } from "../../src/pages/single-page.ts";
import type { BuildState } from "../../src/eleventy/state.ts";
import { organCountsTaken } from "../../src/build/cache/organ-counts.ts";
import { organsOf } from "../../src/organs/platform.ts";

const sample = await samplePortal();
const root = mkdtempSync(path.join(tmpdir(), "gongkai-incremental-"));
const contentDir = path.join(root, "content");
cpSync(sample.contentDir, contentDir, { recursive: true });
const cacheDir = path.join(root, ".gongkai-cache");
/**
 * A page that is marked noindex while any item's title says 暂不公开: sitemap.xml must follow it
 * whether the page is rendered or taken from the cache.
 */
class NoticePage extends SinglePage {
  readonly url = "/notice/";
  protected renderPage(state: BuildState): string {
    const hidden = state.portal.records.some((r) => JSON.stringify(r.fields).includes("暂不公开"));
    const robots = hidden ? '<meta name="robots" content="noindex">' : "";
    return `<!doctype html><html lang="zh-CN"><head><title>通知</title>${robots}</head><body></body></html>\n`;
  }
}

// Small shards, so an edit leaves most of them to the cache.
const parts: SiteParts = {
  pages: [...defaultPageSources, { name: "notice", create: (ref) => new NoticePage(ref), streamed: true }],
  steps: defaultSteps.map((s) => (s.name === "search index" ? searchIndexStep({ shardPages: 40 }) : s)),
};

let site: Site = sample.site;
let types: readonly AnyTypeSpec[] = DEFAULT_TYPES;
let now = sample.now;
let round = 0;

const build = (outDir: string, cache: boolean) =>
  buildSite({
    site,
    contentDir,
    outDir,
    now,
    parts,
    types,
    cacheDir: cache ? cacheDir : undefined,
  });

const folders = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();

/** Every file of a folder with its bytes' SHA-256. */
const snapshot = (dir: string) =>
  new Map(outputFiles(dir).map((rel) => [rel, sha256Of(readFileSync(path.join(dir, rel)))]));

/**
 * Every blob in the cache is one its index uses, and every one it uses is there: saving removes
 * only the previous index's and its own unused blobs unless a failed build may have left others.
 */
function assertBlobsAsIndexed(what: string): void {
  const index = JSON.parse(readFileSync(path.join(cacheDir, "index.json"), "utf8")) as {
    pages: [string[], string[], string[], number[]];
    joined: Record<string, [string, string]>;
    shards: Record<string, [string, string][]>;
  };
  const used = new Set([
    ...index.pages[2],
    ...Object.values(index.joined).map(([, sha]) => sha),
    ...Object.values(index.shards).flatMap((files) => files.map(([, sha]) => sha)),
  ]);
  const blobs = readdirSync(path.join(cacheDir, "blobs"), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name);
  assert.deepEqual(blobs.sort(), [...used].sort(), `${what}: the blobs are those the index uses`);
}

/** Builds incrementally and from nothing; the two trees must be the same bytes. */
async function compare(what: string): Promise<BuildResult> {
  round++;
  const incremental = path.join(root, "incremental");
  const clean = path.join(root, `clean-${round}`);
  const result = await build(incremental, true);
  assertBlobsAsIndexed(what);
  await build(clean, false);
  const files = outputFiles(clean);
  assert.deepEqual(outputFiles(incremental), files, `${what}: same files`);
  const differing = files.filter(
    (rel) => !readFileSync(path.join(incremental, rel)).equals(readFileSync(path.join(clean, rel))),
  );
  assert.deepEqual(differing, [], `${what}: same bytes`);
  // The incremental build starts from the output before last (src/build/cache/spare.ts): no folder left over.
  assert.deepEqual(folders(incremental), folders(clean), `${what}: same folders`);
  rmSync(clean, { recursive: true, force: true });
  return result;
}

const edit = (rel: string, change: (text: string) => string) => {
  const file = path.join(contentDir, rel);
  writeFileSync(file, change(readFileSync(file, "utf8")));
};

test("incremental builds equal clean builds after edits, deletions, additions, config and layout changes", async (t) => {
  const first = await compare("first build, empty cache");
  assert.equal(first.cache?.reused, 0);
  const pages = first.cache.rendered;
  assert.ok(first.cache.shardsIndexed > 2, "several search shards");

  await t.test("nothing changed: every page and shard from the cache", async () => {
    const again = await compare("unchanged");
    // Pages whose data holds functions declare what they close over (withInputs, TypePage inputs).
    assert.equal(again.cache!.rendered, 0, "nothing rendered");
    assert.ok(again.cache!.reused > again.cache!.uncomparable, `reused ${again.cache!.reused}`);
    assert.equal(again.cache!.shardsIndexed, 0);
    // The buckets joined from unchanged shards come out the same: placed, not compressed again.
    assert.ok(again.cache!.joinedReused! >= 16, `joined files reused: ${again.cache!.joinedReused}`);
    // The record store keeps each record's digest: the next build does not serialize unchanged records again.
    const store = fromColumns(v8.deserialize(readFileSync(path.join(cacheDir, "records.v8"))) as object)!;
    const withRecord = store.entries.filter(([, entry]) => entry.result.record).length;
    assert.ok(withRecord > 100, `${withRecord} records stored`);
    // Drafts and scheduled items are stored but never digested (no page shows them).
    const digested = store.digests.filter((d) => typeof d === "string").length;
    assert.ok(digested > withRecord * 0.9, `${digested} of ${withRecord} records with a digest`);
  });

  await t.test("an edited title, an edited 解读, a deleted and an added item", async () => {
    edit("news/2026/0107-government-plenary-meeting.md", (s) =>
      s.replace("市政府召开全体会议", "市政府召开第一次全体会议"),
    );
    edit("policies/2026/jd-bzg-2026-1.md", (s) =>
      s.replace("政策解读\nsummary: 解读", "政策解读\nsummary: 详解"),
    );
    rmSync(path.join(contentDir, "news/2026/0115-market-new-year-goods-sampling.md"));
    writeFileSync(
      path.join(contentDir, "news/2026/0301-new-item.md"),
      "---\ntitle: 新增的一条新闻\ndate: 2026-03-01 10:00\ncolumn: 市级新闻\nsource: 市融媒体中心\ndepartment: 白桦岭市人民政府办公室\n---\n\n正文。\n",
    );
    const result = await compare("edits");
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
      edit("videos/2026/0320-business-environment-film.md", (s) =>
        s.replace(/^date: .*$/m, "date: 2026-11-20 09:00"),
      );
      edit("guides/construction-permit.md", (s) => s.replace("item_type: 行政许可", "item_type: 公共服务"));
      // The organ's 公开平台 pages close over its record (TypePage `inputs`): they must follow it.
      edit("organs/market.md", (s) =>
        s.replace("负责全市市场综合监督管理", "负责全市市场监督管理").replace("温泉街36号", "温泉街38号"),
      );
      edit("media/images/poster-business.svg", (s) =>
        s.replace('width="640" height="360"', 'width="320" height="180"'),
      );
      // A topic's introduction (its list pages' `intro`) closes over the topic page's record,
      // whose body is in no list page's data: withInputs must name the record.
      edit("topics/ecology.md", (s) => s.replace("欢迎社会各界", "欢迎全市各界"));
      await compare("video, guide, image, topic introduction");
    },
  );

  await t.test(
    "media files stay as blobs; an edited, an added and a removed image; a page turning noindex",
    async () => {
      const images = path.join(contentDir, "media", "images");
      const published = (rel: string) => path.join(root, "incremental", "media", "images", rel);
      const media = outputFiles(path.join(contentDir, "media")).length;
      edit("media/images/cover-school.svg", (s) => s.replace("</svg>", "<!-- 修订 --></svg>"));
      writeFileSync(path.join(images, "new-upload.svg"), '<svg xmlns="http://www.w3.org/2000/svg"/>\n');
      edit("news/2026/0107-government-plenary-meeting.md", (s) =>
        s.replace(/^title: (.*)$/m, "title: $1（暂不公开）"),
      );
      const sitemap = () => readFileSync(path.join(root, "incremental", "sitemap.xml"), "utf8");
      assert.ok(sitemap().includes("/notice/</loc>"), "listed while no title says 暂不公开");
      const first = await compare("an edited and an added image, a page turning noindex");
      assert.ok(!sitemap().includes("/notice/</loc>"), "a page marked noindex is not listed");
      // The rest were placed from their blobs: the published file is the blob's hard link.
      assert.ok(first.cache!.mediaReused! >= media - 3, `${first.cache!.mediaReused} of ${media} reused`);
      assert.ok(first.cache!.mediaStored! >= 2, "the edited and the added image stored");
      assert.ok(statSync(published("poster-business.svg")).nlink > 1, "an unchanged image is a blob's link");
      rmSync(path.join(images, "new-upload.svg"));
      edit("news/2026/0107-government-plenary-meeting.md", (s) => s.replace("（暂不公开）", ""));
      await compare("a removed image, a page no longer noindex");
      assert.ok(!existsSync(published("new-upload.svg")), "the removed image is gone");
      assert.ok(sitemap().includes("/notice/</loc>"), "listed again");
    },
  );

  await t.test("the clock moves: a consultation closes, an interview is held", async () => {
    const consultation = "/consultations/2026/huaxi-river-protection-draft/";
    const before = readFileSync(path.join(root, "incremental", consultation, "index.html"), "utf8");
    now = parseLocalDate("2026-12-22 12:00", site.timeZone)!.toMillis();
    const result = await compare("clock");
    const after = readFileSync(path.join(root, "incremental", consultation, "index.html"), "utf8");
    assert.notEqual(after, before, "the consultation's status changed");
    assert.ok(result.cache!.reused > result.cache!.rendered, "pages that do not read the clock are reused");
  });

  await t.test("an item moves to another column: both columns' lists change membership", async () => {
    // The pages of both columns' lists hold other records than before (the ones after the item
    // shift), though no record of theirs changed but the moved one; the news list keeps it.
    edit("news/2026/0210-key-projects-2026.md", (s) => s.replace(/^column: .*$/m, "column: 部门动态"));
    const result = await compare("column move");
    assert.ok(result.cache!.reused > result.cache!.rendered, "the other pages are reused");
    edit("news/2026/0210-key-projects-2026.md", (s) => s.replace(/^column: .*$/m, "column: 市级新闻"));
    await compare("column move back");
  });

  await t.test(
    "an organ's 年报 figures and report file change: its 年报 and the summary follow",
    async () => {
      // An organ's 年报 page and the county summary declare the figures and report files they show,
      // not every organ's tallies: an item moving to another organ changes two organs' figures.
      const item = "news/2025/0219-market-food-safety-inspection.md";
      edit(item, (s) => s.replace(/^department: .*$/m, "department: 市教育局"));
      const moved = await compare("an item moves to another organ");
      assert.ok(moved.cache!.reused > moved.cache!.rendered, "the other pages are reused");
      // Only the two organs' 年报 counts are counted again (src/build/cache/organ-counts.ts).
      const organs = organsOf(moved.state.portal).list.length;
      assert.ok(organs > 3, "the sample portal has organs");
      assert.equal(organCountsTaken(), organs - 2, "the other organs' counts from the cache");
      // The manual tables of its report file are on its 年报 and added up on the summary.
      edit("reports/market/2025.md", (s) => s.replace("permits: 1065", "permits: 1066"));
      await compare("an organ's report file");
      edit(item, (s) => s.replace(/^department: .*$/m, "department: 市市场监督管理局"));
      edit("reports/market/2025.md", (s) => s.replace("permits: 1066", "permits: 1065"));
      await compare("both back");
    },
  );

  await t.test(
    "a build that fails after its pages leaves the published output and the cache as they were",
    async () => {
      const published = path.join(root, "incremental");
      const before = snapshot(published);
      const blobs = snapshot(path.join(cacheDir, "blobs"));
      edit("news/2026/0107-government-plenary-meeting.md", (s) =>
        s.replace("第一次全体会议", "第二次全体会议"),
      );
      const failing: SiteParts = {
        ...parts,
        steps: [
          ...parts.steps,
          { name: "fails", outputs: () => [], run: () => Promise.reject(new Error("步骤失败")) },
        ],
      };
      await assert.rejects(
        buildSite({ site, contentDir, outDir: published, now, parts: failing, types, cacheDir }),
        /步骤失败/,
      );
      // Its blobs are in no index: the next save lists the folder (assertBlobsAsIndexed).
      assert.ok(existsSync(path.join(cacheDir, "unswept")), "the failed build asks for a full sweep");
      assert.deepEqual(snapshot(published), before, "published output unchanged");
      // Blobs are hard-linked into the published folder: none may have been written through.
      const after = snapshot(path.join(cacheDir, "blobs"));
      assert.deepEqual(
        [...blobs].filter(([rel, sha]) => after.has(rel) && after.get(rel) !== sha),
        [],
        "no blob changed",
      );
      await compare("after a failed build");
      const published2 = snapshot(published);
      assert.ok(existsSync(path.join(cacheDir, "spare")), "a spare folder to list");
      // A content error stops the build before it opens the cache, while the spare folder is being
      // listed under the cache's lock (spare-scan.ts): the lock must go with it.
      const news = "news/2026/0107-government-plenary-meeting.md";
      const good = readFileSync(path.join(contentDir, news), "utf8");
      edit(news, (s) => s.replace(/^date: .*$/m, "date: 不是日期"));
      await assert.rejects(build(published, true));
      assert.ok(!existsSync(path.join(cacheDir, "lock")), "the cache's lock is let go");
      assert.deepEqual(snapshot(published), published2, "published output unchanged");
      writeFileSync(path.join(contentDir, news), good);
    },
  );

  await t.test("a column's config changes: everything rebuilt", async () => {
    site = {
      ...site,
      columns: site.columns.map((c, i) =>
        i === 0 ? { ...c, description: `${c.description}（已修改）` } : c,
      ),
    };
    const result = await compare("column config");
    assert.equal(result.cache!.reused, 0);
    assert.equal(result.cache!.ignored, "代码、配置或版式已改变");
    // The blobs are still those bytes: the output before last stays where a page comes out the same.
    assert.ok(result.cache!.spareKept! > result.cache!.rendered / 2, `kept ${result.cache!.spareKept}`);
  });

  await t.test("a layout changes", async () => {
    const [news, ...others] = DEFAULT_TYPES;
    const detail = news.detail;
    if (!detail) throw new Error("news has a detail page");
    types = [
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
    const guide = path.join(root, "incremental", "guides", "construction-permit", "index.html");
    const inode = statSync(guide).ino;
    rmSync(path.join(cacheDir, "spare"), { recursive: true, force: true });
    const result = await compare("layout");
    assert.equal(result.cache!.reused, 0);
    assert.equal(statSync(guide).ino, inode, "an unchanged page is its blob's link, as before");
  });

  await t.test("a corrupt index is ignored; a published file edited in place is not reused", async () => {
    const index = path.join(cacheDir, "index.json");
    writeFileSync(index, readFileSync(index, "utf8").slice(0, 1000));
    const fresh = await compare("corrupt index");
    assert.equal(fresh.cache!.reused, 0);
    assert.equal(fresh.cache!.ignored, "缓存索引无法读取");
    // The published page is a hard link to its blob: editing it in place edits the blob.
    const page = path.join(
      root,
      "incremental",
      "news",
      "2026",
      "0128-spring-festival-service-hours-2026",
      "index.html",
    );
    const before = statSync(page).mtimeMs;
    appendFileSync(page, "<!-- tampered -->");
    assert.notEqual(statSync(page).mtimeMs + 1, before);
    await compare("tampered output");
  });

  await t.test("a folder that is not a cache is never used or changed", async () => {
    const foreign = path.join(root, "foreign");
    cpSync(path.join(contentDir, "pages"), foreign, { recursive: true });
    const listing = readdirSync(foreign).sort();
    const result = await buildSite({
      site,
      contentDir,
      outDir: path.join(root, "foreign-out"),
      now: sample.now,
      parts,
      types,
      cacheDir: foreign,
    });
    assert.equal(result.cache, undefined);
    assert.deepEqual(readdirSync(foreign).sort(), listing);
  });
});
