/**
 * Organs and their 公开平台 (issue 17): one fixture portal, built once, read as a visitor would:
 * the four 61号 columns and the 第十二条 elements of each organ's 指南, 年报 figures that equal
 * their audit lists and a summary that is their sum, former leaders on no current page, the hub
 * linking every organ; and the errors an editor gets for an incomplete 指南.
 */
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { linksOf, textOf, type Fixture } from "../helpers/fixture.ts";
import { checkSite } from "../../src/build/load-state.ts";
import { parseLocalDate } from "../../src/content/fields.ts";
import { formatProblem } from "../../src/problems/problems.ts";
import { leader, organFile, organFixture } from "./organ-fixture.ts";

const ORGANS = ["gov", "market", "town"];
let site: Fixture;

before(async () => {
  site = organFixture();
  await site.build();
});

/** The detail pages a list page lists (between its heading and its page links). */
function listedItems(page: string): string[] {
  const main = page.slice(page.indexOf("<h1"), page.indexOf('<nav class="pagination"'));
  return [...main.matchAll(/<li><a href="([^"]+)"|<td class="title"[^>]*><a href="([^"]+)"/g)].map(
    (m) => m[1] ?? m[2],
  );
}

test("every organ's platform has the four 61号 columns, its 目录, and a 指南 with every 第十二条 element", () => {
  for (const key of ORGANS) {
    const index = site.read(`/open/${key}/`);
    const columns = [...index.matchAll(/<li><a href="([^"]+)">([^<]+)<\/a>/g)].map((m) => [m[1], m[2]]);
    assert.deepEqual(
      columns.filter(([url]) => url.startsWith(`/open/${key}/`)).map(([, label]) => label),
      ["政府信息公开指南", "政府信息公开制度", "法定主动公开内容", "政府信息公开年报"],
      key,
    );
    assert.ok(linksOf(index).includes(`/open/${key}/catalogue/`), `${key}: 目录 linked`);
    for (const url of linksOf(index).filter((u) => u.startsWith(`/open/${key}/`)))
      assert.ok(site.exists(url), `${key}: ${url} exists`);
    const guide = textOf(site.read(`/open/${key}/guide/`));
    for (const element of [
      "一、政府信息的分类与编排 按第二十条分类，按发布时间编排。",
      "二、获取方式 网站公开；依申请公开可提交申请表。",
      "名称 ",
      "办公地址 测试市人民路1号",
      "办公时间 工作日 8:30—17:30",
      "联系电话 0471-1234567",
      "传真号码 0471-1234568",
      "互联网联系方式 office@test.gov.cn",
    ])
      assert.ok(guide.includes(element), `${key} 指南: ${element}`);
  }
});

test("an organ's 目录 and 法定主动公开内容 hold its own items: documents by 发文机关, the rest by 发布机构", () => {
  const gov = listedItems(site.read("/open/gov/catalogue/"));
  assert.deepEqual(gov.sort(), ["/policies/2025/g-norm-2025/", "/policies/2026/g-norm-2026/"]);
  const market = listedItems(site.read("/open/market/catalogue/"));
  assert.deepEqual(market.sort(), ["/policies/2025/m-norm-2025/", "/policies/2026/m-other-2026/"]);
  assert.deepEqual(listedItems(site.read("/open/market/statutory/inspections/")).sort(), [
    "/news/2025/m1/",
    "/news/2026/m2/",
  ]);
  // 机构职能 is filled by the organ's own page.
  assert.ok(linksOf(site.read("/open/town/statutory/functions/")).includes("/organs/town/"));
});

test("an organ's 年报 figures equal their audit lists, and the county summary is the sum of the organs' figures", () => {
  for (const year of [2025, 2026]) {
    const perRow = new Map<string, number>();
    for (const key of ORGANS) {
      const report = site.read(`/open/${key}/reports/${year}/`);
      const figures = [
        ...report.matchAll(/<a href="(\/open\/[^/]+\/reports\/\d+\/([a-z-]+)\/)">(\d+)<\/a>/g),
      ];
      assert.ok(figures.length >= 8, `${key} ${year}: figures found`);
      for (const [, url, row, value] of figures) {
        assert.equal(listedItems(site.read(url)).length, Number(value), `${url} lists ${value} items`);
        perRow.set(row, (perRow.get(row) ?? 0) + Number(value));
      }
    }
    const summary = site.read(`/open/reports/${year}/`);
    const sums = [
      ...summary.matchAll(
        /<tr><th scope="row">[^<]+<\/th><td class="total">(\d+)<\/td>((?:<td><a .*?<\/td>)+)<\/tr>/g,
      ),
    ];
    assert.equal(sums.length, perRow.size, "one summary row per figure");
    for (const [, total, cells] of sums) {
      const row = /reports\/\d+\/([a-z-]+)\//.exec(cells)![1];
      assert.equal(Number(total), perRow.get(row), `${year} ${row}: summary = sum`);
    }
  }
  // The figures themselves, from the records: market issued one 规范性文件 in 2025 and repealed it in 2026.
  const market2026 = site.read("/open/market/reports/2026/");
  assert.match(market2026, /href="\/open\/market\/reports\/2026\/normative-repealed\/">1</);
  assert.match(market2026, /href="\/open\/market\/reports\/2026\/all\/">2</);
  assert.match(
    site.read("/open/reports/2026/"),
    /<td class="total">2<\/td><td><a href="\/open\/gov\/reports\/2026\/normative-valid\/">2/,
  );
});

test("a former leader is on no current listing, only under 历任领导 on the 机构 page; current leaders have photo with alt, 职务 and 任职时间", () => {
  for (const file of site.files()) {
    if (!/\.(html|json|xml|txt|csv)$/.test(file) || file.startsWith("pagefind/")) continue;
    if (file === "organs/market/index.html") continue;
    assert.ok(!site.read(file).includes("欧阳离任"), `former leader on ${file}`);
  }
  const market = site.read("/organs/market/");
  const former = market.indexOf('<section class="former-leaders"');
  assert.ok(former > 0, "历任领导 section");
  assert.ok(!market.slice(0, former).includes("欧阳离任"), "not in 领导信息 nor above");
  assert.match(
    textOf(market.slice(former, market.indexOf("</section>", former))),
    /^历任领导 欧阳离任 原局长（2019-01-01 至 2023-12-31）$/,
  );
  // The former leader's photo is not shown anywhere; organs without a former leader have no such section.
  assert.ok(!market.includes("p3.svg"));
  assert.ok(!site.read("/organs/town/").includes("历任领导"));
  assert.match(market, /<img class="leader-photo" src="\/media\/images\/p2.svg" alt="钱守信同志示意头像"/);
  assert.match(textOf(market), /钱守信 局长 分工：分管工作 任职时间：2024-01-01起/);
});

test("the hub is the 政府信息公开 entry of the navigation and links every organ's platform, 申请表 and 机构", () => {
  const hub = site.read("/open/");
  for (const key of ORGANS) assert.ok(linksOf(hub).includes(`/open/${key}/`), `hub links ${key}`);
  assert.match(hub, /<a href="\/open\/" aria-current="page">政府信息公开<\/a>/);
  assert.match(hub, /<a href="\/media\/images\/p1.svg" download>政府信息公开申请表/);
  for (const url of [
    "/open/gov/guide/",
    "/open/gov/rules/",
    "/open/gov/statutory/",
    "/policies/",
    "/open/reports/2026/",
  ])
    assert.ok(linksOf(hub).includes(url), `hub links ${url}`);
  assert.match(site.read("/"), /<a href="\/organs\/">机构<\/a>/);
  const organs = site.read("/organs/");
  for (const key of ORGANS) assert.ok(linksOf(organs).includes(`/organs/${key}/`));
});

const clock = (s: Fixture) => parseLocalDate("2026-06-30 12:00", s.site.timeZone)!.toMillis();

test("a missing 指南 element is an error naming the organ's file, line and field; an empty category is a warning", () => {
  const s = organFixture({
    "organs/town.md": organFile("东山镇人民政府", "乡镇", {
      guide: `  classification: 按类别编排。
  access: 网站公开。
  office:
    name: 东山镇党政办
    address: 东山镇1号
    hours: 工作日
    phone: "0471-1230000"
    online: ds@test.gov.cn`,
    }),
    "organs/office.md": organFile("测试市人民政府办公室", "政府部门", { guide: "  access: 网站公开。" }),
  });
  const { problems } = checkSite({ site: s.site, contentDir: s.contentDir, now: clock(s) });
  const errors = problems.filter((p) => p.severity === "error").map(formatProblem);
  assert.ok(
    errors.includes(
      "content/organs/town.md:17 错误 字段「open_guide.office.fax（工作机构传真号码）」：东山镇人民政府的政府信息公开指南缺少《条例》第十二条规定的要素“工作机构传真号码”；请在 open_guide.office.fax 填写",
    ),
    errors.join("\n"),
  );
  const office = errors.filter((e) => e.startsWith("content/organs/office.md"));
  assert.equal(office.length, 7, office.join("\n"));
  assert.ok(office.some((e) => e.includes("open_guide.classification（政府信息的分类与编排体系）")));
  const warnings = problems.filter((p) => p.severity === "warning").map(formatProblem);
  assert.ok(
    warnings.some((w) => w.startsWith("content/organs/market.md") && w.includes("“公务员招考”没有任何信息")),
    warnings.join("\n"),
  );
});

test("an organ file must be named after a department key of site config; a leader cannot leave before starting", () => {
  const s = organFixture({
    "organs/police.md": organFile("测试市公安局", "政府部门"),
    "organs/office.md": organFile("测试市人民政府办公室", "政府部门", {
      leaders: leader("吴倒序", "p1", "主任", "2024-01-01", "2023-01-01"),
    }),
  });
  const { problems } = checkSite({ site: s.site, contentDir: s.contentDir, now: clock(s) });
  const error = problems.find((p) => p.file === "content/organs/police.md");
  assert.ok(error);
  assert.equal(error.severity, "error");
  assert.match(error.message, /机关文件应以站点配置 departments 中的键命名（现为“police”）/);
  assert.ok(
    problems
      .map(formatProblem)
      .includes(
        "content/organs/office.md:18 错误 字段「leaders[0].to（离任时间）」：吴倒序的离任时间早于任职时间；请检查 from 和 to",
      ),
  );
});
