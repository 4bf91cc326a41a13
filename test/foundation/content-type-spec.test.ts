/**
 * A content type added the way docs/architecture.md says — a schema, a spec and a layout
 * (test/fixtures/notice-type/) and this test; nothing in src/ or layouts/ — appears everywhere a
 * type appears: detail page with breadcrumb, list, feed, navigation, 网站地图, home, search filters,
 * tallies and `npm run new`.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { createFixture, md, news, textOf } from "../helpers/fixture.ts";
import { DEFAULT_TYPES } from "../../src/content-types/index.ts";
import { searchRecordOf } from "../../src/search/records.ts";
import { searchPagesOf, searchTextOf } from "../../src/search/search-pages.ts";
import { scaffold } from "../../src/editors/scaffold.ts";
import { checkSite } from "../../src/build/load-state.ts";
import { parseLocalDate } from "../../src/content/fields.ts";
import { notice } from "../fixtures/notice-type/spec.ts";

const TYPES = [...DEFAULT_TYPES, notice];

function noticeFixture() {
  return createFixture({
    "news/2026/a.md": news("市政府召开常务会议", "2026-06-01 09:00"),
    "notices/2026/flood.md": md(
      {
        title: "关于做好汛期安全防范工作的通知",
        date: "2026-06-10 08:00",
        department: "市政府办公室",
        deadline: "2026-09-30",
        summary: "汛期安全防范要求",
      },
      "各镇街：请做好防汛准备。",
    ),
  });
}

test("a type given to the build gets its detail page, breadcrumb, list, feed, nav, 网站地图 and home block", async () => {
  const site = noticeFixture();
  const { state } = await site.build({ types: TYPES });
  const page = site.read("/notices/2026/flood/");
  assert.match(page, /<h1>关于做好汛期安全防范工作的通知<\/h1>/);
  assert.match(page, /截止日期：2026-09-30/);
  assert.match(page, /<body class="detail-page notice-page">/);
  assert.match(
    page,
    /<li><a href="\/notices\/">通知公告<\/a><\/li><li><span aria-current="page">关于做好汛期安全防范工作的通知<\/span><\/li>/,
  );
  assert.match(page, /<meta name="ContentSource" content="市政府办公室">/);
  // Its own navigation entry is current on its pages.
  assert.match(page, /<a href="\/notices\/" aria-current="page">通知公告<\/a>/);

  const list = site.read("/notices/");
  assert.match(
    textOf(list),
    /本页网址：https:\/\/www.test.gov.cn\/notices\/ 通知公告 关于做好汛期安全防范工作的通知2026-06-10 共 1 条/,
  );
  assert.match(
    list,
    /<link rel="alternate" type="application\/atom\+xml" title="通知公告" href="\/feeds\/notices.xml">/,
  );
  const feed = site.read("/feeds/notices.xml");
  assert.match(feed, /<title>测试市人民政府 - 通知公告<\/title>/);
  assert.match(feed, /<id>https:\/\/www.test.gov.cn\/notices\/2026\/flood\/<\/id>/);
  assert.match(feed, /<category term="市政府办公室"\/>/);

  assert.match(
    site.read("/sitemap/"),
    /<a href="\/notices\/">通知公告<\/a><\/h2><ul><li><a href="\/notices\/">全部通知公告<\/a>/,
  );
  const home = site.read("/");
  assert.match(
    home,
    /<h2 id="home-notices">通知公告<\/h2>\n<ul class="item-list"><li><a href="\/notices\/2026\/flood\/">/,
  );
  // Navigation order: after 期刊 (order 7).
  assert.match(home, /期刊<\/a><\/li><li><a href="\/notices\/">通知公告<\/a><\/li>/);
  assert.ok(site.read("/sitemap.xml").includes("<loc>https://www.test.gov.cn/notices/2026/flood/</loc>"));

  // Search: the 类型 filter names it, its own facet is a filter of the search page.
  const searchPage = searchPagesOf(state).find((p) => p.url === "/notices/2026/flood/")!;
  const searched = searchRecordOf(searchPage, TYPES);
  assert.equal(searched.filters.type, "通知公告");
  assert.equal(searched.filters.department, "市政府办公室");
  assert.equal(searched.filters.deadline, "有截止日期");
  // The indexed text is the page as shown: its own layout's 截止日期 line and the body.
  assert.match(
    searchTextOf(searchPage, site.outDir),
    /来源：市政府办公室 发布时间：2026-06-10 08:00\n截止日期：2026-09-30\n各镇街：请做好防汛准备。/,
  );
  assert.match(
    site.read("/search/"),
    /<select id="search-filter-deadline" name="deadline"><option value="">全部截止<\/option>/,
  );
  assert.ok(site.files().some((f) => f.startsWith("pagefind/g/")));

  // Counted: in the tallies, the open data and the chart.
  const tallies = JSON.parse(site.read("/open-data/tallies.json")) as {
    labels: { types: Record<string, string> };
    years: { year: number; counts: { all: number; types: Record<string, number> } }[];
  };
  assert.equal(tallies.labels.types.notice, "通知公告");
  const y2026 = tallies.years.find((y) => y.year === 2026)!;
  assert.equal(y2026.counts.types.notice, 1);
  assert.equal(y2026.counts.all, 2);
  assert.match(site.read("/statistics/"), /<th scope="col">通知公告<\/th>/);
});

test("without the type in the list, its folder is an unknown one (the list is the only registry)", () => {
  const site = noticeFixture();
  const { problems } = checkSite({
    site: site.site,
    contentDir: site.contentDir,
    now: parseLocalDate("2026-06-30 12:00", site.site.timeZone)!.toMillis(),
  });
  assert.ok(
    problems.some(
      (p) => p.file === "content/notices/2026/flood.md" && /不认识的内容目录“notices”/.test(p.message),
    ),
  );
});

test("npm run new scaffolds the type from its spec, and the file validates", () => {
  const site = createFixture({});
  const now = parseLocalDate("2026-03-01 09:00", site.site.timeZone)!.toMillis();
  const made = scaffold({
    site: site.site,
    type: "notice",
    title: "新通知",
    now,
    contentDir: site.contentDir,
    types: TYPES,
  });
  assert.equal(made.rel, "notices/2026/0301-0900.md");
  assert.match(made.text, /^department: 测试市人民政府 {2}# 可选：/m);
  site.write(made.rel, made.text);
  const { loaded, problems } = checkSite({
    site: site.site,
    contentDir: site.contentDir,
    now,
    types: TYPES,
  });
  assert.deepEqual(
    problems.filter((p) => p.severity === "error"),
    [],
  );
  assert.equal(loaded.all[0]?.type, "notice");
  assert.ok(
    problems.some(
      (p) => p.file === `content/${made.rel}` && p.field === "正文" && /占位内容/.test(p.message),
    ),
  );
});

test("two types with one key or one folder are refused before any file is read", () => {
  const site = noticeFixture();
  const now = parseLocalDate("2026-06-30 12:00", site.site.timeZone)!.toMillis();
  const clash = { ...notice, type: "notice2", folder: "news" };
  assert.throws(
    () => checkSite({ site: site.site, contentDir: site.contentDir, now, types: [...TYPES, clash] }),
    /two types with the folder "news"/,
  );
  assert.throws(
    () => checkSite({ site: site.site, contentDir: site.contentDir, now, types: [...TYPES, notice] }),
    /two types with the type "notice"/,
  );
});
