/**
 * Checks across organ files: the file name is a department key of site config (the key items'
 * 发布机构 resolves to), and the 指南 has every element 《条例》第十二条 requires. Errors in Chinese,
 * naming the file, the line and the field.
 */
import type { Site } from "../config/schema.ts";
import type { Problem } from "../problems/problems.ts";
import type { RecordOf } from "../content/types.ts";
import { lineOfRecordPath } from "../content/line-of-field.ts";
import { organKeyOf } from "../organs/platform.ts";

type OrganRecord = RecordOf<"organ">;

/** 第十二条's elements, as paths under `open_guide` with their names. */
export const GUIDE_ELEMENTS = [
  [["classification"], "政府信息的分类与编排体系"],
  [["access"], "获取方式"],
  [["office", "name"], "工作机构名称"],
  [["office", "address"], "工作机构办公地址"],
  [["office", "hours"], "工作机构办公时间"],
  [["office", "phone"], "工作机构联系电话"],
  [["office", "fax"], "工作机构传真号码"],
  [["office", "online"], "工作机构互联网联系方式"],
] as const;

function valueAt(record: OrganRecord, path: readonly string[]): unknown {
  let value: unknown = record.fields.open_guide;
  for (const key of path) value = (value as Record<string, unknown> | undefined)?.[key];
  return value;
}

export function guideProblems(record: OrganRecord): Problem[] {
  return GUIDE_ELEMENTS.flatMap(([rel, label]) => {
    const value = valueAt(record, rel);
    if (typeof value === "string" && value.trim() !== "") return [];
    const path = ["open_guide", ...rel];
    return [
      {
        severity: "error" as const,
        file: record.file,
        line: lineOfRecordPath(record, path), // the nearest written parent when the field is missing
        field: `${path.join(".")}（${label}）`,
        message: `${record.fields.title}的政府信息公开指南缺少《条例》第十二条规定的要素“${label}”；请在 ${path.join(".")} 填写`,
      },
    ];
  });
}

export function organChecks(site: Site, records: readonly OrganRecord[]): Problem[] {
  const keys = new Set(site.departments.map((d) => d.key));
  const problems: Problem[] = [];
  for (const record of records) {
    const key = organKeyOf(record);
    if (!keys.has(key)) {
      problems.push({
        severity: "error",
        file: record.file,
        line: lineOfRecordPath(record, ["title"]),
        field: "文件名",
        message: `机关文件应以站点配置 departments 中的键命名（现为“${key}”）；可选：${[...keys].join("、")}`,
      });
      continue;
    }
    problems.push(...guideProblems(record));
    record.fields.leaders.forEach((leader, i) => {
      if (leader.to === undefined || leader.to >= leader.from) return;
      problems.push({
        severity: "error",
        file: record.file,
        line: lineOfRecordPath(record, ["leaders", i, "to"]),
        field: `leaders[${i}].to（离任时间）`,
        message: `${leader.name}的离任时间早于任职时间；请检查 from 和 to`,
      });
    });
  }
  return problems;
}
