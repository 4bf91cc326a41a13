/**
 * The checks beyond single files: inspection warnings, what relaxes for drafts, duplicates that
 * differ only in case, links to unpublished items — through checkSite, which build and
 * check both run.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { createFixture, md, news } from "../helpers/fixture.ts";
import { checkSite } from "../../src/build/load-state.ts";
import { formatProblem } from "../../src/problems/problems.ts";
import { parseLocalDate } from "../../src/content/fields.ts";
import type { Fixture } from "../helpers/fixture.ts";

function problemsOf(site: Fixture, now = "2026-06-30 12:00"): string[] {
  const clock = parseLocalDate(now, site.site.timeZone)!.toMillis();
  return checkSite({ site: site.site, contentDir: site.contentDir, now: clock }).problems.map(formatProblem);
}

const policy = (indexNo: string, docNo: string) =>
  md({
    title: "文件",
    index_no: indexNo,
    category: "综合政务",
    issuer: "测试市人民政府",
    doc_no: docNo,
    written: "2026-01-01",
    date: "2026-01-02 09:00",
    kind: "行政规范性文件",
    department: "市政府办公室",
  });

test("inspection warnings: stale and empty columns, an idle policy catalogue", () => {
  const site = createFixture(
    {
      "news/2026/fresh.md": news("新", "2026-06-20 09:00"),
      "news/2026/stale.md": news("旧", "2026-06-15 09:00", { column: "部门动态" }),
      "news/2026/notice.md": news("通知", "2026-01-01 09:00", { column: "通知公告" }),
      "news/2025/reprint.md": news("转载", "2025-12-01 09:00", { column: "转载" }),
      "policies/2025/old.md": policy("11150000MB00000001/2025-00001", "测政发〔2025〕1号")
        .replace("2026-01-02 09:00", "2025-12-29 09:00")
        .replace("2026-01-01", "2025-12-28"),
    },
    // Freshness only: the 解读 coverage warning for the 行政规范性文件 is test/interaction's.
    { interpretation: { kinds: [] } },
  );
  assert.deepEqual(problemsOf(site), [
    "content/news 警告 字段「column（栏目）“部门动态”」：最近一条新闻发布于 2026-06-15（content/news/2026/stale.md）；动态类栏目超过 2 周未更新会被网站检查认定为更新不及时",
    "content/news 警告 字段「column（栏目）“转载”」：最近一条新闻发布于 2025-12-01（content/news/2025/reprint.md）；动态类栏目超过 2 周未更新会被网站检查认定为更新不及时",
    "content/news 警告 字段「column（栏目）“发布会”」：栏目没有任何已发布的新闻；空栏目会被网站检查认定为问题",
    "content/policies 警告 字段「政府信息公开目录」：最近一份政策文件发布于 2025-12-29（content/policies/2025/old.md）；政策文件栏目超过 6 个月未更新会被网站检查认定为更新不及时",
  ]);
  assert.ok(!problemsOf(site).some((p) => p.includes("首页")));
  assert.ok(
    problemsOf(site, "2026-07-05 12:00").includes(
      "content 警告 字段「首页」：全站最近一条内容发布于 2026-06-20（content/news/2026/fresh.md）；首页超过 2 周没有新内容会被网站检查认定为更新不及时",
    ),
  );
  // 通知公告 last updated 2026-01-01 is within 6 months of 2026-06-30; the same on 2026-07-02 is not.
  assert.ok(problemsOf(site, "2026-07-02 12:00").some((p) => p.includes("通知公告类栏目超过 6 个月未更新")));
});

test("a warning never fails the build", async () => {
  const site = createFixture({ "news/2025/old.md": news("旧闻", "2025-01-01 09:00") });
  const { state } = await site.build();
  assert.ok(state.warnings.length > 0);
  assert.ok(site.exists("/news/2025/old/"));
});

test("in a draft, missing media, dead links and placeholders are warnings; published, they are errors", () => {
  const body = "见[无](/news/none/)。【待填写】";
  const item = (draft: boolean) =>
    news("标题", "2026-06-01 09:00", {
      draft,
      attachments: "\n  - { title: 附件, file: /media/none.pdf }",
    }).replace("正文。", body);
  const draftSite = createFixture({ "news/2026/a.md": item(true) });
  const published = createFixture({ "news/2026/a.md": item(false) });
  const mine = (site: Fixture) => problemsOf(site).filter((p) => p.startsWith("content/news/2026/a.md"));
  assert.deepEqual(mine(draftSite), [
    "content/news/2026/a.md:9 警告 字段「attachments[0].file（附件文件）」：文件 content/media/none.pdf 不存在；请把文件放到 content/media/ 中，或改正路径",
    "content/news/2026/a.md:11 警告 字段「正文」：正文中仍有占位内容“【待填写】”，请填写实际内容（发布前必须修改）",
    "content/news/2026/a.md:11 警告 字段「正文」：链接“/news/none/”无效：页面 /news/none/ 不存在（站内链接应为本站生成的网址，如 /news/2025/example/）",
  ]);
  assert.deepEqual(
    mine(published),
    mine(draftSite).map((p) => p.replace("警告", "错误").replace("（发布前必须修改）", "")),
  );
});

test("a link to an item that is not published yet is a warning, not an error", () => {
  const site = createFixture({
    "news/2026/a.md": news("已发布", "2026-06-01 09:00").replace(
      "正文。",
      "见[明天的通知](/news/2026/tomorrow/)",
    ),
    "news/2026/tomorrow.md": news("明天", "2026-07-01 09:00"),
  });
  assert.deepEqual(
    problemsOf(site).filter((p) => p.startsWith("content/news/2026/a.md")),
    [
      "content/news/2026/a.md:8 警告 字段「正文」：链接“/news/2026/tomorrow/”无效：指向的 content/news/2026/tomorrow.md 尚未发布（草稿或定时发布），发布前此链接无法打开",
    ],
  );
});

test("links to generated pages, media, assets and relative .md-free paths resolve", () => {
  const site = createFixture({
    "news/2026/a.md": news("链接", "2026-06-01 09:00").replace(
      "正文。",
      "[栏目](/news/city-news/) [第二条](../b/) [本页锚点](#x) [首页](/) [地图](/sitemap/) [搜索](/search/?q=1) [图](/media/p.svg) [外站](https://www.gov.cn/) [邮件](mailto:a@b.cn) [政策](/policies/category/general/) [图标](/assets/favicon.svg) [index](/news/2026/b/index.html) [订阅](/feeds/news.xml) [地图](/sitemap.xml)",
    ),
    "news/2026/b.md": news("第二条", "2026-06-02 09:00"),
    "media/p.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>',
  });
  assert.deepEqual(
    problemsOf(site).filter((p) => p.startsWith("content/news/2026/a.md")),
    [
      "content/news/2026/a.md:8 错误 字段「正文」：链接“../b/”无效：包含 ..、反斜杠或 %2e 等编码，不能指向站点目录之外；请写以 / 开头的完整站内路径",
    ],
  );
});

test("索引号 that differ only in case or full-width form are duplicates", () => {
  const site = createFixture(
    {
      "policies/2026/a.md": policy("11150000MB0000000X/2026-00001", "CS政发〔2026〕1号"),
      "policies/2026/b.md": policy("11150000MB0000000x/2026-00001", "CS政发〔2026〕2号"),
      "policies/2026/c.md": policy("11150000MB0000000X/2026-00003", "ＣＳ政发〔2026〕1号"),
    },
    { indexNoPattern: "^[0-9A-Za-z]{9,18}/\\d{4}-\\d{5}$" },
  );
  assert.deepEqual(
    problemsOf(site).filter((p) => p.includes("重复")),
    [
      "content/policies/2026/b.md:3 错误 字段「index_no（索引号）」：索引号“11150000MB0000000x/2026-00001”与 content/policies/2026/a.md 重复（“11150000MB0000000X/2026-00001”，仅大小写或全角半角不同）；索引号必须全站唯一",
      "content/policies/2026/c.md:6 错误 字段「doc_no（发文字号）」：发文字号“ＣＳ政发〔2026〕1号”与 content/policies/2026/a.md 重复（“CS政发〔2026〕1号”，仅大小写或全角半角不同）；发文字号必须全站唯一",
    ],
  );
});

test("raw HTML in a body is flagged when the site does not allow it", () => {
  const body = "第一段\n\n<div>块</div>";
  const off = createFixture({ "news/2026/a.md": news("HTML", "2026-06-01 09:00").replace("正文。", body) });
  const on = createFixture(
    { "news/2026/a.md": news("HTML", "2026-06-01 09:00").replace("正文。", body) },
    { allowHtml: true },
  );
  assert.deepEqual(
    problemsOf(off).filter((p) => p.includes("HTML")),
    [
      "content/news/2026/a.md:10 警告 字段「正文」：正文含有 HTML 标签；本站未开启 allowHtml，这些标签会按原样显示为文字。请改用 Markdown 写法",
    ],
  );
  assert.deepEqual(
    problemsOf(on).filter((p) => p.includes("HTML")),
    [],
  );
});

test("a publish date more than a year ahead is flagged as a likely mistyped year", () => {
  const site = createFixture({
    "news/2027/typo.md": news("年份写错", "2027-08-01 09:00"),
    "news/2026/soon.md": news("下月", "2026-07-30 09:00"),
  });
  assert.deepEqual(
    problemsOf(site).filter((p) => p.includes("一年以后")),
    [
      "content/news/2027/typo.md:3 警告 字段「date（发布时间）」：发布时间 2027-08-01 09:00 在一年以后，此内容到那时才会发布；如果是年份写错，请改正",
    ],
  );
});

test("with allowHtml, links and images in raw HTML are checked like Markdown ones", () => {
  const site = createFixture(
    {
      "news/2026/a.md": news("HTML", "2026-06-01 09:00").replace(
        "正文。",
        '第一段\n\n<p><a href="/news/nowhere/">无</a><img src="/media/none.png" alt="图"></p>\n\n<a href="/news/2026/a/">自己</a>',
      ),
    },
    { allowHtml: true },
  );
  assert.deepEqual(
    problemsOf(site).filter((p) => p.startsWith("content/news/2026/a.md")),
    [
      "content/news/2026/a.md:10 错误 字段「正文」：链接“/news/nowhere/”无效：页面 /news/nowhere/ 不存在（站内链接应为本站生成的网址，如 /news/2025/example/）",
      "content/news/2026/a.md:10 错误 字段「正文」：图片“/media/none.png”无效：文件 content/media/none.png 不存在；请把文件放到 content/media/ 中，或改正路径",
    ],
  );
});
