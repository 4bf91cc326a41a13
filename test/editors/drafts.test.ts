/**
 * Drafts and scheduled items appear nowhere in a production build: no page, list, count, feed,
 * sitemap or search entry — checked by reading every output file. A preview build shows them,
 * marked on their pages and in lists, and every preview page asks not to be indexed.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { createFixture, md, news, textOf } from "../helpers/fixture.ts";

/** Every output file's text (gzip unpacked), by path. */
function allOutput(outDir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const abs = path.join(e.parentPath, e.name);
    const bytes = readFileSync(abs);
    out.set(
      path.relative(outDir, abs),
      (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString("utf8"),
    );
  }
  return out;
}

// Unique ASCII markers: they survive any escaping, so a grep cannot miss them.
const HIDDEN = [
  {
    rel: "news/2026/draft-news.md",
    url: "/news/2026/draft-news/",
    text: news("草稿新闻 ZQDRAFTNEWS", "2026-03-01 09:00", {
      draft: true,
      topics: ["食品安全"],
      summary: "ZQDRAFTSUMMARY",
    }).replace("正文。", "ZQDRAFTBODY"),
  },
  {
    rel: "news/2026/future-news.md",
    url: "/news/2026/future-news/",
    text: news("定时新闻 ZQFUTURENEWS", "2026-07-01 08:00", { topics: ["食品安全"] }).replace(
      "正文。",
      "ZQFUTUREBODY",
    ),
  },
  {
    rel: "news/2026/one-minute-late.md",
    url: "/news/2026/one-minute-late/",
    text: news("晚一分钟 ZQLATEMINUTE", "2026-06-30 12:01", { column: "通知公告" }),
  },
  {
    rel: "policies/2026/draft-policy.md",
    url: "/policies/2026/draft-policy/",
    text: md({
      title: "草稿文件 ZQDRAFTPOLICY",
      index_no: "11150000MB00000001/2026-00002",
      category: "民政、扶贫、救灾",
      issuer: "市市场监督管理局",
      doc_no: "测政发〔2026〕2号",
      written: "2026-01-01",
      date: "2026-01-02 09:00",
      kind: "行政规范性文件",
      department: "市政府办公室",
      draft: true,
    }),
  },
  {
    rel: "videos/2026/future-video.md",
    url: "/videos/2026/future-video/",
    text: md({
      title: "定时视频 ZQFUTUREVIDEO",
      date: "2027-01-01 09:00",
      kind: "宣传片",
      department: "市政府办公室",
      source: "ZQFUTURESOURCE",
      video: "/media/v.webm",
      poster: "{ src: /media/p.svg, alt: ZQFUTUREALT }",
      duration: '"01:00"',
      captions: "/media/c.vtt",
    }),
  },
  {
    rel: "guides/draft-guide.md",
    url: "/guides/draft-guide/",
    text: md({
      title: "草稿事项 ZQDRAFTGUIDE",
      item_type: "服务",
      department: "市市场监督管理局",
      date: "2026-01-01 09:00",
      basis: "[依据]",
      conditions: "[条件]",
      materials: "\n  - { name: 材料, form: 原件 }",
      process: "[申请]",
      location: "地点",
      hours: "时间",
      legal_days: 5,
      promised_days: 5,
      fee: "{ charged: false }",
      phone: "0482-7121234",
      complaint_phone: "0482-7125678",
      draft: true,
    }),
  },
  {
    rel: "pages/draft-page.md",
    url: "/pages/draft-page/",
    text: md({ title: "草稿页面 ZQDRAFTPAGE", draft: true }),
  },
  {
    rel: "periodicals/xun/future-issue.md",
    url: "/periodicals/xun/future-issue/",
    text: md({
      title: "定时期刊 ZQFUTUREISSUE",
      periodical: "测试讯",
      issue: 9,
      date: "2026-08-01 09:00",
      pdf: "/media/x.pdf",
    }),
  },
  // The topic's list page exists anyway (it comes from site.config.ts); only the draft introduction must not.
  {
    rel: "topics/ecology.md",
    url: undefined,
    text: md(
      {
        title: "草稿专题 ZQDRAFTTOPIC",
        topic: "生态文明",
        date: "2026-01-01 09:00",
        summary: "ZQDRAFTTOPICSUMMARY",
        draft: true,
      },
      "ZQDRAFTTOPICBODY",
    ),
  },
];

function fixture() {
  return createFixture({
    "news/2026/published.md": news("已发布新闻", "2026-06-30 11:59", { topics: ["食品安全"] }),
    "policies/2026/published.md": md({
      title: "已发布文件",
      index_no: "11150000MB00000001/2026-00001",
      category: "综合政务",
      issuer: "测试市人民政府",
      doc_no: "测政发〔2026〕1号",
      written: "2026-01-01",
      date: "2026-01-02 09:00",
      kind: "行政规范性文件",
      department: "市政府办公室",
    }),
    ...Object.fromEntries(HIDDEN.map((h) => [h.rel, h.text])),
    "media/v.webm": "x",
    "media/p.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>',
    "media/c.vtt": "x",
    "media/x.pdf": "x",
  });
}

const MARKERS = HIDDEN.flatMap((h) => [...h.text.matchAll(/ZQ[A-Z]+/g)].map((m) => m[0]));

test("drafts and scheduled items are absent from every output file", async () => {
  const site = fixture();
  await site.build({ now: "2026-06-30 12:00" });
  const output = allOutput(site.outDir);
  assert.ok(output.size > 30);
  for (const [file, text] of output) {
    for (const marker of MARKERS) assert.ok(!text.includes(marker), `${file} contains ${marker}`);
    for (const { url } of HIDDEN) if (url) assert.ok(!text.includes(url), `${file} links to ${url}`);
    assert.ok(!/草稿|定时发布|预览/.test(text), `${file} mentions drafts or previews`);
  }
  for (const { url } of HIDDEN) if (url) assert.ok(!site.exists(url), `${url} was built`);
  // Counts come from the same published records: one news item per list, not three.
  assert.match(textOf(site.read("/news/city-news/")), /共 1 条/);
  assert.match(textOf(site.read("/topics/food-safety/")), /共 1 条/);
  assert.match(textOf(site.read("/")), /本站已主动公开政府信息 2 条/);
});

test("a preview build shows drafts and scheduled items, marked, and no page may be indexed", async () => {
  const site = fixture();
  await site.build({ now: "2026-06-30 12:00", includeDrafts: true });
  for (const { url } of HIDDEN) if (url) assert.ok(site.exists(url), `${url} missing from the preview`);
  assert.match(site.read("/topics/ecology/"), /草稿预览：此内容尚未发布。[\s\S]*ZQDRAFTTOPICBODY/);
  assert.match(
    site.read("/news/2026/draft-news/"),
    /<p class="preview-notice" role="note">草稿预览：此内容尚未发布。<\/p>/,
  );
  assert.match(site.read("/news/2026/future-news/"), /定时发布预览：此内容尚未到发布时间。/);
  const list = site.read("/news/city-news/");
  assert.match(list, /草稿新闻 ZQDRAFTNEWS<\/a><span class="preview-badge">（草稿）<\/span>/);
  assert.match(list, /定时新闻 ZQFUTURENEWS<\/a><span class="preview-badge">（定时发布）<\/span>/);
  assert.match(list, /已发布新闻<\/a><time>/);
  assert.match(
    site.read("/policies/"),
    /草稿文件 ZQDRAFTPOLICY<\/a><span class="preview-badge">（草稿）<\/span>/,
  );
  assert.match(
    site.read("/guides/"),
    /草稿事项 ZQDRAFTGUIDE<\/a><span class="preview-badge">（草稿）<\/span>/,
  );
  for (const file of site.files().filter((f) => f.endsWith(".html"))) {
    const page = site.read(file);
    assert.match(page, /<meta name="robots" content="noindex">/, `${file} may be indexed`);
    assert.doesNotMatch(page, /<link rel="canonical"/, `${file} claims to be canonical`);
    assert.match(page, /<p class="preview-banner" role="note">预览版本/, `${file} lacks the preview banner`);
  }
});

test("the clock decides: an item becomes public at its minute in the site's time zone", async () => {
  const site = fixture();
  await site.build({ now: "2026-06-30 12:01" });
  assert.ok(site.exists("/news/2026/one-minute-late/"));
  assert.ok(!site.exists("/news/2026/future-news/"));
});
