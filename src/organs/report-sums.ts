/**
 * The county summary of the organs' manual tables: table 二's 许可, 处罚, 强制 and 收费 rows and
 * every cell of tables 三 and 四, added up over the organs that filed a report for the year. Only
 * numbers are added: the text sections are each organ's own. Every 勾稽 check of the template is a
 * linear equation, so a sum of tables that pass them passes them too.
 */
import type { ReportFields } from "../content/report.ts";
import type { ReportRecord } from "./report-files.ts";

/** The tables an editor fills in; table 二's computed rows (规章, 行政规范性文件) are not among them. */
export interface ManualTables {
  table2: Omit<ReportFields["table2"], "rules" | "normative">;
  table3: ReportFields["table3"];
  table4: ReportFields["table4"];
}

// 收费 is in 万元 with decimals: 36.8 + 0.1 must print 36.9, not 36.900000000000006.
const round = (n: number) => Math.round(n * 1e6) / 1e6;

function add<T>(a: T, b: T): T {
  if (typeof a === "number") return round(a + (b as number)) as T;
  if (Array.isArray(a)) return a.map((v: unknown, i) => add(v, (b as unknown[])[i])) as T;
  if (a !== null && typeof a === "object")
    return Object.fromEntries(
      Object.entries(a).map(([k, v]: [string, unknown]) => [k, add(v, (b as Record<string, unknown>)[k])]),
    ) as T;
  return a;
}

export const manualTablesOf = (file: ReportRecord): ManualTables => {
  const { permits, penalties, coercions, fees } = file.fields.table2;
  return {
    table2: { permits, penalties, coercions, fees },
    table3: file.fields.table3,
    table4: file.fields.table4,
  };
};

/** The sum of the files' manual tables; undefined when no organ filed. */
export function sumManualTables(files: readonly ReportRecord[]): ManualTables | undefined {
  return files
    .map(manualTablesOf)
    .reduce<ManualTables | undefined>((sum, t) => (sum ? add(sum, t) : t), undefined);
}
