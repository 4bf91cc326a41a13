import { test } from "node:test";
import assert from "node:assert/strict";
import { createFixture, textOf } from "../helpers/fixture.ts";
import { ContentError, formatProblem } from "../../src/problems/problems.ts";
import type { SiteInput } from "../../src/config/schema.ts";

const statistics: SiteInput["statistics"] = [
  {
    title: "一、政策文件",
    rows: [
      {
        key: "issued",
        label: "行政规范性文件制发",
        unit: "件",
        count: { policyKind: "行政规范性文件", measure: "issued" },
      },
      {
        key: "repealed",
        label: "行政规范性文件废止",
        unit: "件",
        count: { policyKind: "行政规范性文件", measure: "repealed" },
      },
      {
        key: "valid",
        label: "行政规范性文件现行有效",
        unit: "件",
        count: { policyKind: "行政规范性文件", measure: "valid" },
      },
      { key: "all", label: "全部信息", unit: "条", count: { all: true } },
    ],
  },
  { title: "二、依申请公开数量", unit: "件", key: "requests" },
  { title: "三、培训", key: "training" },
];

const doc = (n: number, kind: string, date: string, extra = "") => `---
title: 文件${n}
index_no: 11150000MB0000001X/2025-${String(n).padStart(5, "0")}
category: 综合政务
issuer: 测试市人民政府
written: ${date.slice(0, 10)}
date: ${date}
kind: ${kind}
department: 市政府办公室
${extra}---
正文
`;

const report = (matter: string) =>
  `---\ntitle: 测试市2025年政府信息公开工作年度报告\n${matter}---\n## 一、总体情况\n\n总体情况正文。\n\n## 二、主动公开政府信息情况\n\n## 三、收到和处理政府信息公开申请情况\n\n## 四、政府信息公开行政复议、行政诉讼情况\n\n## 五、存在的主要问题及改进情况\n\n## 六、其他需要报告的事项\n\n无。\n`;

test("本年制发, 本年废止 (失效 included) and 现行有效 per year; a contradicting manual figure is a warning", async () => {
  const fx = createFixture(
    {
      "policies/2023/a.md": doc(1, "行政规范性文件", "2023-03-01 09:00"),
      "policies/2023/b.md": doc(
        2,
        "行政规范性文件",
        "2023-05-01 09:00",
        "validity: 失效\nvalidity_changed: 2024-06-30\n",
      ),
      "policies/2024/c.md": doc(
        3,
        "行政规范性文件",
        "2024-02-01 09:00",
        "validity: 废止\nvalidity_changed: 2025-01-10\n",
      ),
      "policies/2024/d.md": doc(4, "规章", "2024-04-01 09:00"),
      "policies/2024/e.md": doc(5, "行政规范性文件", "2024-05-01 09:00", "draft: true\n"),
      "policies/2024/f.md": doc(6, "行政规范性文件", "2024-12-31 23:30"),
      "reports/2025.md": report(
        'figures:\n  requests: 3\n  all: 9\n  training: "=HYPERLINK(\\"http://x\\")"\ntable2:\n  normative: { issued: 0, repealed: 1, valid: 5 }\n',
      ),
    },
    { statistics },
  );
  const { state } = await fx.build();
  const json = JSON.parse(fx.read("/open-data/tallies.json"));
  const normative = (year: number) =>
    json.years.find((y: { year: number }) => y.year === year).counts.policies.normative;
  assert.deepEqual(normative(2023), { issued: 2, repealed: 0, valid: 2 });
  assert.deepEqual(normative(2024), { issued: 2, repealed: 1, valid: 3 });
  assert.deepEqual(normative(2025), { issued: 0, repealed: 1, valid: 2 });
  assert.deepEqual(json.years.find((y: { year: number }) => y.year === 2025).counts.policies.rules, {
    issued: 0,
    repealed: 0,
    valid: 1,
  });

  // Table 二 of the annual report shows the computed figures.
  const reportPage = textOf(fx.read("/annual-report/2025/"));
  assert.match(reportPage, /规章 0 0 1 行政规范性文件 0 1 2/);
  assert.match(reportPage, /总体情况正文。/);

  const warnings = state.warnings.map(formatProblem);
  assert.ok(
    warnings.some(
      (w) =>
        w.startsWith("content/reports/2025.md:5 警告 字段「figures.all」") &&
        w.includes("手工填报 9，与自动统计的 0 不一致"),
    ),
    warnings.join("\n"),
  );
  assert.ok(
    warnings.some((w) => w.includes("table2.normative.valid") && w.includes("5") && w.includes("2")),
    warnings.join("\n"),
  );
  assert.match(textOf(fx.read("/statistics/2025/")), /二、依申请公开数量（件） 3/);
  // An editor's text is escaped on the page and kept as text in the CSV.
  assert.match(fx.read("/statistics/2025/"), /<td>=HYPERLINK\(&quot;http:\/\/x&quot;\)<\/td>/);
  assert.match(
    fx.read("/open-data/tallies-2025.csv"),
    /\r\n统计表,三、培训,statistics:training,"'=HYPERLINK\(""http:\/\/x""\)"\r\n/,
  );
  // The audit lists hold exactly the documents counted.
  assert.match(textOf(fx.read("/statistics/2024/valid/")), /共 3 条/);
  assert.match(textOf(fx.read("/statistics/2024/repealed/")), /文件2/);
});

test("guide rows count the guides published in the year, or the catalogue at the year's end", async () => {
  const guide = (title: string, date: string) => `---
title: ${title}
item_type: 行政许可
department: 市政府办公室
date: ${date}
basis: [依据]
conditions: [条件]
materials:
  - { name: 申请书, form: 原件 }
process: [受理]
location: 中心
hours: 工作日
legal_days: 20
promised_days: 10
fee: { charged: false }
phone: 0482-7121234
complaint_phone: 0482-7125678
---
`;
  const fx = createFixture(
    {
      "guides/a.md": guide("甲", "2024-03-01 09:00"),
      "guides/b.md": guide("乙", "2025-03-01 09:00"),
      "guides/c.md": guide("丙", "2025-04-01 09:00"),
    },
    {
      statistics: [
        {
          title: "八、行政审批事项",
          rows: [
            { key: "new-permits", label: "新公开行政许可事项", count: { guideType: "行政许可" } },
            { key: "permits", label: "行政许可事项", count: { guideType: "行政许可", measure: "listed" } },
          ],
        },
      ],
    },
  );
  await fx.build();
  const json = JSON.parse(fx.read("/open-data/tallies.json"));
  const year = (y: number) => json.years.find((e: { year: number }) => e.year === y);
  assert.deepEqual([year(2024).counts.guideTypes.permit, year(2024).counts.guidesListed.permit], [1, 1]);
  assert.deepEqual([year(2025).counts.guideTypes.permit, year(2025).counts.guidesListed.permit], [2, 3]);
  assert.match(textOf(fx.read("/statistics/2025/permits/")), /甲[\s\S]*共 3 条/);
});

test("a 勾稽 violation stops the build, naming the file, the row and both numbers", async () => {
  const fx = createFixture({
    "news/2025/a.md": `---\ntitle: 新闻\ndate: 2025-03-01 09:00\ncolumn: 市级新闻\nsource: 市政府办公室\ndepartment: 市政府办公室\n---\n正文\n`,
    "reports/2025.md": report(`table3:
  received: [1, 0, 0, 0, 0, 0, 1]
  disclosed: [1, 0, 0, 0, 0, 0, 1]
  total: [1, 0, 0, 0, 0, 0, 1]
  carried_forward: [1, 0, 0, 0, 0, 0, 1]
table4:
  review: [1, 0, 0, 0, 2]
`),
  });
  await assert.rejects(fx.build(), (err: unknown) => {
    assert.ok(err instanceof ContentError);
    const text = err.message;
    assert.match(
      text,
      /content\/reports\/2025\.md:\d+ 错误 字段「table3\.carried_forward[^」]*」：“自然人”列：一 \+ 二 = 1 \+ 0 = 1，但（七）总计 \+ 四 = 1 \+ 1 = 2/,
    );
    assert.match(text, /content\/reports\/2025\.md:\d+ 错误 字段「table3\.carried_forward[^」]*」：“总计”列/);
    assert.match(
      text,
      /字段「table4\.review[^」]*」：“行政复议”的总计为 2，但结果维持、结果纠正、其他结果、尚未审结之和为 1/,
    );
    return true;
  });
  assert.ok(!fx.exists("/"), "nothing was published");
});

test("table 三: a row's 总计 and the （七）总计 must add up", async () => {
  const fx = createFixture({
    "reports/2024.md": report(`table3:
  received: [2, 1, 0, 0, 0, 0, 3]
  withheld:
    state_secret: [1, 0, 0, 0, 0, 0, 2]
  disclosed: [1, 1, 0, 0, 0, 0, 2]
  total: [2, 1, 0, 0, 0, 0, 3]
`),
  });
  await assert.rejects(fx.build(), (err: unknown) => {
    const text = (err as Error).message;
    assert.match(
      text,
      /字段「table3\.withheld\.state_secret[^」]*」：“（三）不予公开1\.属于国家秘密”的总计为 2，但自然人至其他六列之和为 1/,
    );
    assert.match(text, /“总计”列：（七）总计为 3，但（一）至（六）各项之和为 4/);
    return true;
  });
});

test("a report file must be named after its year", async () => {
  const fx = createFixture({ "reports/latest.md": report("") });
  await assert.rejects(fx.build(), /content\/reports\/latest\.md 错误：年度报告文件应以年份命名/);
});
