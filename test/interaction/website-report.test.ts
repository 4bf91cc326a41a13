/**
 * 政府网站工作年度报表 (国办函〔2018〕12号): every computed figure equals the items on its audit list,
 * the editor's figures come from the report file, and the home page shows it in January.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { createFixture, md, news, textOf } from "../helpers/fixture.ts";

const policy = (n: number, kind: string, more: Record<string, string> = {}) =>
  md({
    title: `文件${n}`,
    index_no: `11152299MB0000001X/2026-0000${n}`,
    category: "综合政务",
    issuer: "测试市人民政府",
    doc_no: `测政发〔2026〕${n}号`,
    written: "2026-02-01",
    date: `2026-02-0${n} 09:00`,
    kind,
    department: "市政府办公室",
    ...more,
  });

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

const letter = (
  title: string,
  received: string,
  replied?: string,
  extra: Record<string, string | boolean> = {},
) =>
  md(
    {
      title,
      kind: "咨询",
      public: true,
      date: `${replied ?? received} 18:00`,
      received,
      received_by: "市政府办公室",
      replied,
      replied_by: replied ? "市政府办公室" : undefined,
      ...extra,
    },
    replied ? "答复。" : "",
  );

const site = createFixture({
  "news/2026/a.md": news("市级新闻一", "2026-03-01 09:00"),
  "news/2026/b.md": news("部门动态一", "2026-04-01 09:00", { column: "部门动态" }),
  "news/2026/c.md": news("通知一", "2026-05-01 09:00", { column: "通知公告" }),
  "news/2025/d.md": news("去年新闻", "2025-05-01 09:00"),
  "policies/2026/one.md": policy(1, "行政规范性文件"),
  "policies/2026/two.md": policy(2, "政策解读", { interprets: "11152299MB0000001X/2026-00001" }),
  "guides/permit-a.md": guide("事项甲", "2025-06-01 09:00"),
  "guides/permit-b.md": guide("事项乙", "2026-06-01 09:00"),
  "topics/ecology.md": md({ title: "生态文明专题", topic: "生态文明", date: "2026-02-10 09:00" }),
  // 意见征集: opened in 2026, 12 opinions in its 结果反馈; a second one without 结果反馈.
  "consultations/2026/parks.md": `---
title: 关于《公园管理办法（征求意见稿）》公开征求意见的公告
date: 2026-03-01 09:00
department: 市政府办公室
start: 2026-03-01
end: 2026-03-31
channels:
  - { kind: 电子邮件, value: yj@test.gov.cn }
feedback:
  date: 2026-04-15
  received: 12
  adopted: 12
  summary: 全部采纳。
---
征求意见稿正文。
`,
  "consultations/2026/roads.md": `---
title: 关于《道路管理办法（征求意见稿）》公开征求意见的公告
date: 2026-10-01 09:00
department: 市政府办公室
start: 2026-10-01
end: 2026-12-31
channels:
  - { kind: 电子邮件, value: yj@test.gov.cn }
---
征求意见稿正文。
`,
  // 在线访谈 held in 2026 with its question counts.
  "interviews/2026/jobs.md": `---
title: 稳就业在线访谈
date: 2026-05-01 09:00
department: 市政府办公室
time: 2026-05-10 10:00
topic: 稳就业政策
guests:
  - { name: 张三, title: 市人社局局长 }
questions_received: 30
questions_answered: 28
---
文字实录。
`,
  "letters/2026/a.md": letter("来信甲", "2026-03-02", "2026-03-12"),
  "letters/2026/c.md": letter("来信丙", "2026-11-20"),
  "letters/2025/d.md": letter("来信丁", "2025-12-20", "2026-01-05"),
  "reports/2026.md": md(
    {
      title: "测试市2026年政府信息公开工作年度报告",
      figures: "{}",
      website: "{ visitors: 12345, smart-qa: 否, info-total: 99 }",
    },
    "## 一、总体情况\n\n正文。",
  ),
});
// Not public: no 发布时间, no page, counted all the same.
site.write(
  "letters/2026/b.md",
  md(
    {
      title: "来信乙",
      kind: "咨询",
      public: false,
      received: "2026-04-01",
      received_by: "市政府办公室",
      replied: "2026-04-21",
      replied_by: "市政府办公室",
    },
    "答复。",
  ),
);
const built = await site.build({ now: "2027-01-10 12:00" });
const page = site.read("/website-report/2026/");

/** The value cell of a row and its audit link, by the row's label. */
function row(label: string) {
  const tr = page.match(
    new RegExp(
      `<th scope="row"[^>]*>${label}(?:（单位：[^）]+）)?</th><td[^>]*>([\\s\\S]*?)</td><td>([^<]*)</td>`,
    ),
  );
  assert.ok(tr, `no row ${label}`);
  const link = tr[1].match(/<a href="([^"]+)"[^>]*>([^<]+)<\/a>/);
  return { value: link ? link[2] : tr[1], url: link?.[1], source: tr[2] };
}
/** Rows of an audit list: the items of its list, or the rows of its table (letters, catalogue). */
const auditCount = (url: string) => {
  const main = site.read(url).split("<main")[1].split("</main>")[0];
  const list = main.match(/<ul class="item-list">([\s\S]*?)<\/ul>/);
  if (list) return (list[1].match(/<li>/g) ?? []).length;
  const body = main.match(/<tbody>([\s\S]*?)<\/tbody>/);
  return body ? (body[1].match(/<tr>/g) ?? []).length : 0;
};

test("the computed figures of the 年度报表 equal the items on their audit lists", () => {
  const expected: Record<string, string> = {
    // The statistics' 全部信息: 3 news, 2 policies, 1 guide, 2 consultations, 1 interview of 2026 (topics and letters are not counted).
    总数: "9",
    "其中：政务动态信息更新量": "2",
    "其中：信息公开目录信息更新量": "2",
    维护数量: "1",
    新开设数量: "1",
    解读信息发布总数: "1",
    政务服务事项数量: "2",
    "留言办理：收到留言数量": "3",
    "留言办理：办结留言数量": "3",
    "留言办理：公开答复数量": "2",
    "其中：解读材料数量": "1",
    "其中：解读产品数量": "0",
    "征集调查：征集调查期数": "2",
    "征集调查：公布调查结果期数": "1",
    "在线访谈：访谈期数": "1",
  };
  for (const [label, value] of Object.entries(expected)) {
    const r = row(label);
    assert.equal(r.value, value, label);
    assert.equal(r.source, "自动统计", label);
    assert.ok(r.url, `${label}: no audit link`);
    assert.equal(String(auditCount(r.url)), value, `${label}: audit list of ${r.url}`);
  }
  // Reply times 10, 20 and 16 days (the 2025 letter answered in 2026): the average of the audit list.
  const average = row("留言办理：平均办理时间");
  assert.equal(average.value, "15.3");
  assert.equal(auditCount(average.url!), 3);
  assert.deepEqual(
    [row("是否发布服务事项目录").value, row("是否发布服务事项目录").source],
    ["是", "自动统计"],
  );
  // The audit list of 总数 holds the items themselves.
  const total = textOf(site.read(row("总数").url!));
  for (const title of ["市级新闻一", "部门动态一", "通知一", "文件1", "文件2", "事项乙"])
    assert.ok(total.includes(title), title);
  assert.ok(!total.includes("去年新闻"));
});

test("config rows come from site config, the editor's figures from the report file, the rest shows 未填报", () => {
  assert.deepEqual(row("政府网站标识码"), { value: "1500000001", url: undefined, source: "站点配置" });
  assert.deepEqual(row("独立用户访问总量"), { value: "12345", url: undefined, source: "填报" });
  assert.equal(row("是否提供智能问答功能").value, "否");
  assert.equal(row("网站总访问量").value, "未填报");
  // A figure for a computed row is not shown, and the build says so.
  const warning = built.state.warnings.find((p) => p.field === "website.info-total");
  assert.match(warning?.message ?? "", /总数.*自动统计.*9.*99 不会显示/);
});

test("in January the home page shows last year's 年度报表; it is kept on the statistics pages; open data carries it", () => {
  assert.match(
    site.read("/"),
    /class="website-report-notice"[\s\S]*?href="\/website-report\/2026\/">测试市人民政府2026年政府网站工作年度报表</,
  );
  assert.match(site.read("/statistics/"), /href="\/website-report\/2026\/">2026年政府网站工作年度报表/);
  assert.match(site.read("/statistics/"), /href="\/website-report\/2025\/">2025年政府网站工作年度报表/);
  const json = JSON.parse(site.read("/open-data/website-report.json"));
  const y2026 = json.years.find((y: { year: number }) => y.year === 2026);
  const rows = y2026.sections.flatMap((s: { rows: unknown[] }) => s.rows);
  const received = rows.find((r: { key: string }) => r.key === "letters-received");
  assert.equal(received.value, 3);
  assert.equal(received.items, "https://www.test.gov.cn/website-report/2026/letters-received/");
});
