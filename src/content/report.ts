/**
 * Yearly report file (content/reports/<year>.md): the figures no page can count. `figures` holds
 * the manual rows of the statistics table; `table2` to `table4` the annual report's tables; the
 * Markdown body the text of sections 一 to 六 (level-2 headings). The 勾稽 cross-checks of the
 * national template are enforced here, so a violation is an error with file, line and field.
 */
import { z } from "zod";
import type { Site } from "../config/schema.ts";
import { draft, nonEmpty, summary } from "./fields.ts";
import { TABLE2_MANUAL, TABLE3_COLUMNS, TABLE3_GROUPS, TABLE3_ROWS, TABLE4_BLOCKS, TABLE4_CELLS, type Table3Group } from "./report-tables.ts";

const count = z.number({ error: "应为数字" }).int({ error: "应为整数" }).min(0, { error: "不能为负数" });
const zeros = (n: number) => Array.from({ length: n }, () => 0);

const row7 = (label: string) =>
  z.array(count).length(7, { error: `应为 7 个数字：${TABLE3_COLUMNS.join("、")}` }).default(zeros(7)).describe(`${label}：[${TABLE3_COLUMNS.join(", ")}]`);

function groupSchema(group: Table3Group) {
  const rows = TABLE3_GROUPS[group].rows as Record<string, string>;
  return z.strictObject(Object.fromEntries(Object.entries(rows).map(([key, label]) => [key, row7(label)]))).prefault({}).describe(`${TABLE3_GROUPS[group].label}：各小项`);
}

const table3 = z
  .strictObject({
    received: row7(TABLE3_ROWS.received),
    carried_in: row7(TABLE3_ROWS.carried_in),
    disclosed: row7(TABLE3_ROWS.disclosed),
    partly: row7(TABLE3_ROWS.partly),
    withheld: groupSchema("withheld"),
    unable: groupSchema("unable"),
    not_processed: groupSchema("not_processed"),
    other: groupSchema("other"),
    total: row7(TABLE3_ROWS.total),
    carried_forward: row7(TABLE3_ROWS.carried_forward),
  })
  .prefault({})
  .describe("表三：收到和处理政府信息公开申请情况");

const row5 = (label: string) =>
  z.array(count).length(5, { error: `应为 5 个数字：${TABLE4_CELLS.join("、")}` }).default(zeros(5)).describe(`${label}：[${TABLE4_CELLS.join(", ")}]`);

const table4 = z
  .strictObject(Object.fromEntries(Object.entries(TABLE4_BLOCKS).map(([key, label]) => [key, row5(label)])) as Record<keyof typeof TABLE4_BLOCKS, ReturnType<typeof row5>>)
  .prefault({})
  .describe("表四：政府信息公开行政复议、行政诉讼情况");

/** An editor's own count of a computed table 二 row; compared with the computed one (a warning when they differ). */
const policyFigures = (label: string) =>
  z.strictObject({ issued: count.optional().describe("本年制发件数"), repealed: count.optional().describe("本年废止件数"), valid: count.optional().describe("现行有效件数") }).optional().describe(`${label}：可不填，由政策文件自动统计`);

const table2 = z
  .strictObject({
    ...(Object.fromEntries(
      Object.entries(TABLE2_MANUAL).map(([key, row]) => [key, (key === "fees" ? z.number({ error: "应为数字" }).min(0, { error: "不能为负数" }) : count).default(0).describe(`${row.label}：${row.column}`)]),
    ) as Record<keyof typeof TABLE2_MANUAL, z.ZodDefault<z.ZodNumber>>),
    rules: policyFigures("规章"),
    normative: policyFigures("行政规范性文件"),
  })
  .prefault({})
  .describe("表二：主动公开政府信息情况中需填报的数字");

const figure = z.union([z.number(), z.string().trim().min(1)], { error: "应为数字或文字（如 是、4次/106人）" });

export function reportSchema(_site: Site) {
  return z
    .strictObject({
      title: nonEmpty("标题：如 白桦岭市人民政府2025年政府信息公开工作年度报告"),
      summary,
      published: z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "应为日期 YYYY-MM-DD" }).optional().describe("发布日期：YYYY-MM-DD，显示在年度报告页"),
      figures: z.record(z.string(), figure).default({}).describe("手工填报数：统计表中手工填报行的键 → 数值"),
      website: z
        .record(z.string(), figure)
        .default({})
        .describe("政府网站工作年度报表手工填报数：行的键 → 数值或文字，键见 docs/website-report.md"),
      table2,
      table3,
      table4,
      draft,
    })
    .superRefine((report, ctx) => crossCheckTables(report.table3, report.table4, ctx));
}
export type ReportFields = z.output<ReturnType<typeof reportSchema>>;

type Table3 = z.output<typeof table3>;
type Table4 = z.output<typeof table4>;

const sum = (numbers: readonly number[]) => numbers.reduce((a, b) => a + b, 0);

/** Every row of table 三 with its path and label, in the template's order. */
export function table3Rows(t: Table3): { path: string[]; label: string; cells: number[] }[] {
  const single = (key: keyof typeof TABLE3_ROWS) => ({ path: [key], label: TABLE3_ROWS[key], cells: t[key] });
  const groups = (Object.keys(TABLE3_GROUPS) as Table3Group[]).flatMap((group) =>
    Object.entries(TABLE3_GROUPS[group].rows).map(([key, label]) => ({ path: [group, key], label: `${TABLE3_GROUPS[group].label}${label}`, cells: (t[group] as Record<string, number[]>)[key] })),
  );
  return [single("received"), single("carried_in"), single("disclosed"), single("partly"), ...groups, single("total"), single("carried_forward")];
}

function crossCheckTables(t3: Table3, t4: Table4, ctx: z.RefinementCtx): void {
  const rows = table3Rows(t3);
  for (const row of rows) {
    const parts = sum(row.cells.slice(0, 6));
    if (parts !== row.cells[6]) {
      ctx.addIssue({ code: "custom", path: ["table3", ...row.path], message: `“${row.label}”的总计为 ${row.cells[6]}，但自然人至其他六列之和为 ${parts}（勾稽关系不符）` });
    }
  }
  const results = rows.filter((r) => r.path[0] !== "received" && r.path[0] !== "carried_in" && r.path[0] !== "total" && r.path[0] !== "carried_forward");
  TABLE3_COLUMNS.forEach((column, c) => {
    const parts = sum(results.map((r) => r.cells[c]));
    if (parts !== t3.total[c]) {
      ctx.addIssue({ code: "custom", path: ["table3", "total"], message: `“${column}”列：（七）总计为 ${t3.total[c]}，但（一）至（六）各项之和为 ${parts}（勾稽关系不符）` });
    }
    const left = t3.received[c] + t3.carried_in[c];
    const right = t3.total[c] + t3.carried_forward[c];
    if (left !== right) {
      ctx.addIssue({
        code: "custom",
        path: ["table3", "carried_forward"],
        message: `“${column}”列：一 + 二 = ${t3.received[c]} + ${t3.carried_in[c]} = ${left}，但（七）总计 + 四 = ${t3.total[c]} + ${t3.carried_forward[c]} = ${right}（勾稽关系不符）`,
      });
    }
  });
  for (const [key, label] of Object.entries(TABLE4_BLOCKS) as [keyof typeof TABLE4_BLOCKS, string][]) {
    const cells = t4[key];
    const parts = sum(cells.slice(0, 4));
    if (parts !== cells[4]) {
      ctx.addIssue({ code: "custom", path: ["table4", key], message: `“${label}”的总计为 ${cells[4]}，但结果维持、结果纠正、其他结果、尚未审结之和为 ${parts}（勾稽关系不符）` });
    }
  }
}
