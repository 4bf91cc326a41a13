/**
 * A fixture portal with three organs (the government, a department, a town) and items of each,
 * for the organ tests: one file per organ in content/organs/, as an editor writes it.
 */
import { createFixture, md, type Fixture } from "../helpers/fixture.ts";

export const DEPARTMENTS = [
  { key: "gov", name: "测试市人民政府" },
  { key: "office", name: "市政府办公室" },
  { key: "market", name: "市市场监督管理局" },
  { key: "town", name: "东山镇人民政府" },
];

const PORTRAIT = `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="160" viewBox="0 0 120 160" role="img" aria-labelledby="t"><title id="t">示意头像</title><rect width="120" height="160" fill="#667"/><circle cx="60" cy="60" r="30" fill="#dba"/></svg>\n`;

/** An organ file; `guide` replaces the 指南 block (lines of YAML under open_guide:). */
export function organFile(
  title: string,
  kind: string,
  options: { guide?: string; leaders?: string; statutory?: string; extra?: string } = {},
): string {
  const guide =
    options.guide ??
    `  classification: 按第二十条分类，按发布时间编排。
  access: 网站公开；依申请公开可提交申请表。
  office:
    name: ${title}办公室
    address: 测试市人民路1号
    hours: 工作日 8:30—17:30
    phone: "0471-1234567"
    fax: "0471-1234568"
    online: office@test.gov.cn`;
  return `---
title: ${title}
kind: ${kind}
address: 测试市人民路1号
hours: 工作日 8:30—17:30
phone: "0471-1234500"
fax: "0471-1234501"
email: organ@test.gov.cn
units:
  - { name: 办公室, duties: 日常运转 }
leaders:
${options.leaders ?? "  []"}
${options.extra ?? ""}
open_guide:
${guide}
statutory:
${options.statutory ?? "  - { name: 规章和规范性文件, policy_kinds: [行政规范性文件] }\n  - { name: 机构职能, organ_page: true }"}
---

${title}的主要职责。
`;
}

export const leader = (name: string, photo: string, position: string, from: string, to?: string) =>
  `  - name: ${name}
    photo: { src: /media/images/${photo}.svg, alt: ${name}同志示意头像 }
    position: ${position}
    duties: 分管工作
    resume: 简历
    from: ${from}${to ? `\n    to: ${to}` : ""}`;

export function policy(
  slug: string,
  fields: {
    issuer: string;
    department: string;
    kind: string;
    date: string;
    validity?: string;
    changed?: string;
  },
  serial: number,
): [string, string] {
  const year = fields.date.slice(0, 4);
  return [
    `policies/${year}/${slug}.md`,
    md({
      title: `关于${slug}的通知`,
      index_no: `000014349/${year}-${String(serial).padStart(5, "0")}`,
      category: "综合政务",
      issuer: fields.issuer,
      doc_no: `测政发〔${year}〕${serial}号`,
      written: fields.date.slice(0, 10),
      date: fields.date,
      kind: fields.kind,
      validity: fields.validity ?? "有效",
      validity_changed: fields.changed,
      department: fields.department,
    }),
  ];
}

const newsItem = (title: string, date: string, department: string, column = "部门动态") =>
  md({ title, date, column, source: department, department });

/** The portal: 测试市人民政府 (documents published by its office), 市市场监督管理局 with a former leader, 东山镇. */
export function organFixture(overrides: Record<string, string> = {}): Fixture {
  const files: Record<string, string> = {
    "media/images/p1.svg": PORTRAIT,
    "media/images/p2.svg": PORTRAIT,
    "media/images/p3.svg": PORTRAIT,
    "organs/gov.md": organFile("测试市人民政府", "人民政府", {
      leaders: leader("周正清", "p1", "市长", "2023-01-01"),
      extra:
        "requests: { guide: /organs/gov/, form: /media/images/p1.svg, channel: https://zwfw.test.gov.cn/ }",
    }),
    "organs/market.md": organFile("测试市市场监督管理局", "政府部门", {
      leaders: [
        leader("钱守信", "p2", "局长", "2024-01-01"),
        leader("欧阳离任", "p3", "原局长", "2019-01-01", "2023-12-31"),
      ].join("\n"),
      extra: "parent: 测试市人民政府",
      statutory:
        "  - { name: 规章和规范性文件, policy_kinds: [行政规范性文件] }\n  - { name: 监督检查, columns: [部门动态] }\n  - { name: 公务员招考, columns: [通知公告] }",
    }),
    "organs/town.md": organFile("东山镇人民政府", "乡镇", {
      leaders: leader("孙东山", "p3", "镇长", "2022-05-01"),
    }),
    "news/2025/m1.md": newsItem("市场监管局开展春季抽检", "2025-04-01 09:00", "市市场监督管理局"),
    "news/2026/m2.md": newsItem("市场监管局开展夏季抽检", "2026-05-01 09:00", "市市场监督管理局"),
    "news/2026/t1.md": newsItem("东山镇召开春耕会议", "2026-03-01 09:00", "东山镇人民政府"),
    "news/2026/o1.md": newsItem("市政府办公室召开会议", "2026-02-01 09:00", "市政府办公室"),
  };
  for (const [rel, text] of [
    policy(
      "m-norm-2025",
      {
        issuer: "市市场监督管理局",
        department: "市市场监督管理局",
        kind: "行政规范性文件",
        date: "2025-03-01 09:00",
        validity: "废止",
        changed: "2026-04-01",
      },
      1,
    ),
    policy(
      "m-other-2026",
      {
        issuer: "市市场监督管理局",
        department: "市市场监督管理局",
        kind: "其他文件",
        date: "2026-03-05 09:00",
      },
      2,
    ),
    policy(
      "g-norm-2026",
      {
        issuer: "测试市人民政府",
        department: "市政府办公室",
        kind: "行政规范性文件",
        date: "2026-01-10 09:00",
      },
      3,
    ),
    policy(
      "g-norm-2025",
      {
        issuer: "测试市人民政府",
        department: "市政府办公室",
        kind: "行政规范性文件",
        date: "2025-06-10 09:00",
      },
      4,
    ),
  ])
    files[rel] = text;
  return createFixture({ ...files, ...overrides }, { departments: DEPARTMENTS });
}
