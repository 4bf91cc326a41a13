/**
 * Each organ's 政府信息公开工作年度报告 in the national template (issue 17): the manual rows and the
 * text from content/reports/<organ>/<year>.md next to the rows computed from its items; 未填报 where
 * an organ has no file; the county summary as the sum of the organs, computed and manual; the
 * errors an editor gets for a figure the page would ignore, and the warning for a missing report.
 */
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { textOf, type Fixture } from "../helpers/fixture.ts";
import { checkSite } from "../../src/build/load-state.ts";
import { parseLocalDate } from "../../src/content/fields.ts";
import { formatProblem } from "../../src/problems/problems.ts";
import { REPORT_SECTIONS } from "../../src/content/report-tables.ts";
import { organFixture } from "./organ-fixture.ts";

const body = (organ: string) =>
  REPORT_SECTIONS.map((heading) => `## ${heading}\n\n${organ}关于“${heading.slice(2)}”的说明。\n`).join("\n");

const report = (organ: string, tables: string) =>
  `---\ntitle: ${organ}2025年政府信息公开工作年度报告\npublished: 2026-01-20\n${tables}\n---\n${body(organ)}`;

// 收费 0.1 + 0.2: the summary must print 0.3.
const GOV = report(
  "测试市人民政府",
  `table2: { permits: 3, penalties: 0, coercions: 0, fees: 0.1 }
table3:
  received:  [2, 0, 0, 0, 0, 0, 2]
  disclosed: [2, 0, 0, 0, 0, 0, 2]
  total:     [2, 0, 0, 0, 0, 0, 2]
table4:
  review: [1, 0, 0, 0, 1]`,
);
const MARKET = report(
  "测试市市场监督管理局",
  `table2: { permits: 100, penalties: 7, coercions: 1, fees: 0.2 }
table3:
  received:        [1, 1, 0, 0, 0, 0, 2]
  carried_in:      [1, 0, 0, 0, 0, 0, 1]
  disclosed:       [1, 1, 0, 0, 0, 0, 2]
  total:           [1, 1, 0, 0, 0, 0, 2]
  carried_forward: [1, 0, 0, 0, 0, 0, 1]
table4:
  litigation_direct: [0, 0, 0, 1, 1]`,
);

const FILES = { "reports/gov/2025.md": GOV, "reports/market/2025.md": MARKET };
const clock = (s: Fixture, day = "2026-06-30 12:00") => parseLocalDate(day, s.site.timeZone)!.toMillis();

let site: Fixture;
before(async () => {
  site = organFixture(FILES);
  await site.build();
});

/** The rows of the table with this caption: row header → cells (visible text). */
function tableRows(page: string, caption: string): [string, string[]][] {
  const at = page.search(new RegExp(`<caption[^>]*>${caption.replace(/[()（）]/g, "\\$&")}</caption>`));
  assert.ok(at >= 0, `table “${caption}” on the page`);
  const table = page.slice(at, page.indexOf("</table>", at));
  return [...table.matchAll(/<tr[^>]*><th scope="row">([^<]+)<\/th>((?:<td[^>]*>.*?<\/td>)+)<\/tr>/g)].map(
    (m) => [m[1], [...m[2].matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => textOf(c[1]))],
  );
}

test("an organ's 年报 has the template's six sections, its manual rows and text next to the computed rows", () => {
  const page = site.read("/open/market/reports/2025/");
  const text = textOf(page);
  assert.ok(text.includes("测试市市场监督管理局2025年政府信息公开工作年度报告 发布日期：2026-01-20"), text);
  for (const heading of REPORT_SECTIONS) {
    assert.ok(page.includes(`>${heading}</h2>`), heading);
    assert.ok(text.includes(`测试市市场监督管理局关于“${heading.slice(2)}”的说明。`), `${heading}: text`);
  }
  assert.deepEqual(tableRows(page, "第二十条第（五）项"), [["行政许可", ["100"]]]);
  assert.deepEqual(tableRows(page, "第二十条第（六）项"), [
    ["行政处罚", ["7"]],
    ["行政强制", ["1"]],
  ]);
  assert.deepEqual(tableRows(page, "第二十条第（八）项"), [["行政事业性收费", ["0.2"]]]);
  const t3 = new Map(tableRows(page, "收到和处理政府信息公开申请情况"));
  assert.deepEqual(t3.get("二、上年结转政府信息公开申请数量"), ["1", "0", "0", "0", "0", "0", "1"]);
  assert.deepEqual(t3.get("（七）总计"), ["1", "1", "0", "0", "0", "0", "2"]);
  assert.deepEqual(
    new Map(tableRows(page, "政府信息公开行政复议、行政诉讼情况")).get("行政诉讼（未经复议直接起诉）"),
    ["0", "0", "0", "1", "1"],
  );
  // Computed: market issued one 规范性文件 in 2025; the figure links to the list of it.
  assert.match(page, /<td><a href="\/open\/market\/reports\/2025\/normative-issued\/">1<\/a><\/td>/);
  assert.ok(!page.includes("未填报"));
});

test("an organ without a report file: every section, the computed figures, and 未填报 for the rest", () => {
  const page = site.read("/open/town/reports/2025/");
  assert.ok(textOf(page).includes("东山镇人民政府尚未填报2025年政府信息公开工作年度报告"));
  for (const heading of REPORT_SECTIONS) assert.ok(page.includes(`>${heading}</h2>`), heading);
  assert.deepEqual(tableRows(page, "第二十条第（五）项"), [["行政许可", ["未填报"]]]);
  assert.match(page, /<a href="\/open\/town\/reports\/2025\/all\/">0<\/a>/);
  assert.ok(!page.includes("<caption>收到和处理政府信息公开申请情况</caption>"), "no table 三 of zeros");
  // The 2026 report of the market has no file either: its computed figures are still there.
  assert.match(site.read("/open/market/reports/2026/"), /normative-repealed\/">1</);
});

test("the county summary adds up the organs: computed rows, table 二's manual rows, tables 三 and 四", () => {
  const summary = site.read("/open/reports/2025/");
  const organs = ["gov", "market", "town"];
  const pages = new Map(organs.map((key) => [key, site.read(`/open/${key}/reports/2025/`)]));
  // Table 二's manual rows, side by side: the total is the sum of the organs that filed, each cell their page's.
  const manual = tableRows(summary, "第二十条第（五）（六）（八）项（各机关填报）");
  const captions = ["第二十条第（五）项", "第二十条第（六）项", "第二十条第（六）项", "第二十条第（八）项"];
  assert.equal(manual.length, 4);
  manual.forEach(([label, [total, ...cells]], i) => {
    const name = label.split("：")[0];
    const perOrgan = organs.map((key) => new Map(tableRows(pages.get(key)!, captions[i])).get(name)![0]);
    assert.deepEqual(cells, perOrgan, label);
    const sum = perOrgan.filter((c) => c !== "未填报").reduce((a, c) => a + Number(c), 0);
    assert.equal(Number(total), Math.round(sum * 1e6) / 1e6, label);
  });
  assert.deepEqual(
    manual.map(([, [total]]) => total),
    ["103", "7", "1", "0.3"],
  );
  // Tables 三 and 四: every cell is the sum of the filed organs' cells.
  for (const caption of ["收到和处理政府信息公开申请情况", "政府信息公开行政复议、行政诉讼情况"]) {
    const filed = ["gov", "market"].map((key) => tableRows(pages.get(key)!, caption));
    const sum = tableRows(summary, caption);
    assert.ok(sum.length >= 3, caption);
    sum.forEach(([label, cells], r) => {
      const expected = cells.map((_, c) => filed.reduce((a, rows) => a + Number(rows[r][1][c]), 0));
      assert.deepEqual(cells.map(Number), expected, `${caption} ${label}`);
    });
  }
  assert.ok(textOf(summary).includes("未填报2025年年度报告的机关：东山镇人民政府。"), textOf(summary));
  // The computed rows stay the sum of the organs' computed figures (platform.test.ts checks every row).
  assert.match(
    summary,
    /<td class="total">3<\/td><td><a href="\/open\/gov\/reports\/2025\/all\/">1<\/a><\/td><td><a href="\/open\/market\/reports\/2025\/all\/">2</,
  );
});

test("a report file's bad figures are errors naming file, line and field", () => {
  const errorsOf = (files: Record<string, string>) => {
    const s = organFixture({ ...FILES, ...files });
    return checkSite({ site: s.site, contentDir: s.contentDir, now: clock(s) })
      .problems.filter((p) => p.severity === "error")
      .map(formatProblem);
  };
  const head = "---\ntitle: 测试市市场监督管理局2025年政府信息公开工作年度报告\n";
  // A wrong type fails validation like any field (the file is then not published).
  const typed = errorsOf({
    "reports/market/2025.md": `${head}table2:\n  permits: 很多\n---\n${body("测试市市场监督管理局")}`,
  });
  assert.ok(
    typed.includes("content/reports/market/2025.md:4 错误 字段「table2.permits（行政许可）」：应为数字"),
    typed.join("\n"),
  );
  // Figures the page would ignore: a computed row, an unknown key, the portal's own 网站年度报表.
  const errors = errorsOf({
    "reports/market/2025.md": `${head}figures:
  all: 5
  visitors: 3
table2:
  normative: { issued: 1 }
website: { visitors: 3 }
---
${body("测试市市场监督管理局")}`,
    "reports/office/2025.md": GOV,
    "reports/gov/old.md": GOV,
  });
  for (const e of [
    "content/reports/market/2025.md:4 错误 字段「figures.all」：“本年主动公开政府信息”由网站根据市市场监督管理局发布的信息自动统计，不能填报；请删除这一项",
    "content/reports/market/2025.md:5 错误 字段「figures.visitors」：机关年度报告没有键为“visitors”的填报行；行政许可、处罚、强制和收费填在 table2，依申请公开情况填在 table3，行政复议和行政诉讼填在 table4",
    "content/reports/market/2025.md:7 错误 字段「table2.normative」：“行政规范性文件”的件数由网站根据本机关的政策文件自动统计，不能填报；请删除这一项",
    "content/reports/market/2025.md:8 错误 字段「website」：政府网站工作年度报表属于门户网站的年度报告（content/reports/<年份>.md），机关年度报告中不填；请删除 website",
    "content/reports/office/2025.md 错误 字段「文件夹」：机关年度报告应放在 content/reports/<机关的键>/ 下，“office”不是有机关文件（content/organs/）的机关；可选：gov、market、town",
    "content/reports/gov/old.md 错误 字段「文件名」：机关年度报告文件应以年份命名，例如 content/reports/gov/2025.md（现为 content/reports/gov/old.md）",
  ])
    assert.ok(errors.includes(e), `${e}\n---\n${errors.join("\n")}`);
});

test("an organ without a report for a past year is a warning, not an error; the current year is not", () => {
  const warnings = (now: string) =>
    checkSite({ site: site.site, contentDir: site.contentDir, now: clock(site, now) })
      .problems.filter((p) => p.field === "年度报告")
      .map((p) => {
        assert.equal(p.severity, "warning");
        return formatProblem(p);
      });
  assert.deepEqual(warnings("2026-06-30 12:00"), [
    "content/organs/town.md 警告 字段「年度报告」：东山镇人民政府没有2025年政府信息公开工作年度报告（应为 content/reports/town/2025.md）；年报页只有自动统计的数字，其余标为“未填报”，汇总也不计入该机关的填报数（《条例》第五十条）",
  ]);
  // A year later 2026 is past too, for every organ.
  const later = warnings("2027-02-01 12:00");
  assert.equal(later.filter((w) => w.includes("没有2026年")).length, 3, later.join("\n"));
});
