import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { createFixture, textOf } from "../helpers/fixture.ts";
import type { SiteInput } from "../../src/config/schema.ts";
import sampleConfig from "../../site.config.ts";
import { SEED_2012, SEED_MANUAL, writeSeedPortal } from "./seed-fixture.ts";

/**
 * The sample site's table layout, with the one row the 2012 table counted differently: its
 * 通过政府网站公开数 (2306) counted the news of the information columns (采编 2302 = 市级新闻 +
 * 部门动态 + 转载, plus 4 通知公告), not press-conference records, documents or videos.
 */
export function seedSite(): Partial<SiteInput> {
  const statistics = sampleConfig.statistics!.map((section) => ({
    ...section,
    rows: section.rows?.map((row) =>
      row.key === "website"
        ? { ...row, count: { column: ["市级新闻", "部门动态", "转载", "通知公告"] } }
        : row,
    ),
  }));
  return { ...sampleConfig, pathPrefix: "/", statistics };
}

/** The statistics table as label → figure text. */
function tableOf(html: string): Map<string, string> {
  const body = html.match(/<table class="stats-table statistics">([\s\S]*?)<\/table>/)?.[1] ?? "";
  const rows = new Map<string, string>();
  for (const m of body.matchAll(
    /<tr[^>]*><th scope="row"[^>]*>([\s\S]*?)<\/th>(<td[^>]*>[\s\S]*?<\/td>)<\/tr>/g,
  ))
    rows.set(textOf(m[1]), textOf(m[2]));
  return rows;
}

test("a portal reproducing the seed's 2012 content shows the seed's 2012 table", async () => {
  const fx = createFixture({}, seedSite());
  writeSeedPortal(fx);
  const { state } = await fx.build({ now: "2026-06-30 12:00" });
  assert.deepEqual(
    state.warnings.filter((w) => w.file.includes("reports/2012")).map((w) => w.field),
    [undefined],
    "only the missing report sections are warned about",
  );

  const table = tableOf(fx.read("/statistics/2012/"));
  const expect: [string, string | number][] = [
    ["通过政府网站公开数（条）", 2306],
    ["召开新闻发布会次数（次）", SEED_2012.press],
    ["其中：市级新闻（条）", SEED_2012["city-news"]],
    ["其中：部门动态（条）", SEED_2012["dept-news"]],
    ["其中：转载媒体信息（条）", SEED_2012.reprints],
    ["政府公开文件（份）", SEED_2012.documents],
    ["网络视频新闻（期）", SEED_2012["video-news"]],
    ["视频宣传片（个）", SEED_2012["promo-videos"]],
    ["《白桦岭讯》（期）", SEED_2012["periodical-issues"]],
    ["二、依申请公开数量（件）", 0],
    ["三、行政复议数量（件）", 0],
    ["四、行政诉讼数量（件）", 5],
    ["公开保障性住房信息（条）", 14],
    ["公开食品安全信息（条）", 15],
    ["公开环境保护信息（条）", 8],
    ["公开征地拆迁信息（条）", 1],
    ["公开重点安全事故信息（条）", 0],
    ["公开价格收费信息（条）", 1],
    ["公开惠农惠牧政策及专项资金管理使用信息（条）", 82],
    ["公共查阅点建设数量（个）", 2],
    ["公共查阅点查阅量（人次）", 130],
    ["行政许可事项（项）", 178],
    ["行政非许可事项（项）", 68],
    ["行政服务事项（项）", 10],
    ["政务服务中心面积（平方米）", 220],
    ["是否实现网上信息公开及政务服务", "是"],
    ["政务服务中心办件量（件）", 20582],
    ["政务服务中心办结量（件）", 20582],
    ["实际进驻审批事项数量/应进驻审批事项数量（件）", 217],
    ["已建便民代办点数量/本行政区域嘎查村（社区）总数（个）", 0],
    ["信息公开工作专门机构（个）", 76],
    ["信息公开专职人员数（个）", 10],
    ["信息公开兼职人员数（个）", 76],
    ["召开信息公开工作会或专题会（次）", 6],
    ["培训班次/人数", "4次/106人"],
    ["信息公开专项经费（万元）", 9.5],
  ];
  for (const [label, value] of expect) assert.equal(table.get(label), String(value), label);
  // Section rows in the seed's order, 一 to 十.
  const sections = [...table.keys()]
    .filter((label) => /^[一二三四五六七八九十]+、/.test(label))
    .map((l) => l.split("、")[0]);
  assert.deepEqual(sections, ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]);

  const json = JSON.parse(fx.read("/open-data/tallies.json"));
  assert.equal(json.version, 1);
  const y2012 = json.years.find((y: { year: number }) => y.year === 2012);
  assert.deepEqual(
    {
      city: y2012.counts.columns["city-news"],
      dept: y2012.counts.columns["dept-news"],
      reprints: y2012.counts.columns.reprints,
      press: y2012.counts.columns.press,
    },
    { city: 536, dept: 1341, reprints: 425, press: 5 },
  );
  assert.equal(y2012.counts.types.policy, 47);
  assert.deepEqual(y2012.counts.videoKinds, { news: 135, promo: 7 });
  assert.deepEqual(y2012.counts.periodicals, { bhlx: 22 });
  assert.deepEqual(
    { ...y2012.counts.topics, ecology: undefined, business: undefined },
    {
      housing: 14,
      "food-safety": 15,
      environment: 8,
      land: 1,
      accidents: 0,
      prices: 1,
      "farm-subsidies": 82,
      ecology: undefined,
      business: undefined,
    },
  );
  assert.deepEqual(y2012.counts.guideTypes, { permit: 178, "non-permit": 68, service: 10 });
  const stat = (key: string) => y2012.statistics.find((s: { key: string }) => s.key === key);
  assert.equal(stat("website").value, 2306);
  for (const [key, value] of Object.entries(SEED_2012))
    if (key !== "notices") assert.equal(stat(key).value, value, key);
  for (const [key, value] of Object.entries(SEED_MANUAL)) assert.equal(stat(key).value, value, key);
  assert.equal(stat("lawsuits").computed, false);
  // The neighbouring years hold only the boundary items; the draft and the scheduled item count nowhere.
  assert.equal(json.years.find((y: { year: number }) => y.year === 2011).counts.all, 1);
  assert.equal(json.years.find((y: { year: number }) => y.year === 2013).counts.all, 1);
  assert.ok(!json.years.some((y: { year: number }) => y.year === 2027));
  assert.equal(json.total.all, 2306 + 5 + 47 + 142 + 22 + 256 + 2);

  // The home page's count is the site-wide tally; the 网站地图 and the home page lead to the statistics.
  assert.match(
    textOf(fx.read("/")),
    new RegExp(`本站已主动公开政府信息 ${json.total.all} 条，其中 2013 年 1 条`),
  );
  assert.match(fx.read("/"), /<a href="\/statistics\/">/);
  assert.match(fx.read("/sitemap/"), /<a href="\/statistics\/2012\/">2012年统计表<\/a>/);

  const csv = fx.read("/open-data/tallies-2012.csv");
  assert.ok(csv.startsWith("\uFEFF分类,项目,键,数值\r\n"));
  assert.match(csv, /\r\n统计表,通过政府网站公开数（条）,statistics:website,2306\r\n/);
  assert.match(csv, /\r\n新闻栏目,市级新闻,columns:city-news,536\r\n/);
  assert.ok(path.isAbsolute(fx.outDir));
});
