/**
 * Checks that span files: unique 索引号 and 发文字号, 解读 that point to a real document, topic and
 * periodical files in the folder their key names.
 */
import type { Site } from "../config/schema.ts";
import type { Problem } from "../problems/problems.ts";
import type { ContentRecord, RecordOf } from "./types.ts";
import { lineOfRecordPath } from "./line-of-field.ts";

function uniqueBy(records: RecordOf<"policy">[], value: (r: RecordOf<"policy">) => string | undefined, field: string, label: string): Problem[] {
  const seen = new Map<string, RecordOf<"policy">>();
  const problems: Problem[] = [];
  for (const record of records) {
    const v = value(record);
    if (v === undefined) continue;
    // Case and full-width forms do not make a number different (Ｘ, x and X are one 索引号).
    const key = v.normalize("NFKC").replace(/\s+/g, "").toUpperCase();
    const first = seen.get(key);
    if (first) {
      const same = first.fields[field as "index_no"] === v ? "" : `（“${first.fields[field as "index_no"]}”，仅大小写或全角半角不同）`;
      problems.push({ severity: "error", file: record.file, line: lineOfRecordPath(record, [field]), field: `${field}（${label}）`, message: `${label}“${v}”与 ${first.file} 重复${same}；${label}必须全站唯一` });
    } else seen.set(key, record);
  }
  return problems;
}

/** `isPublished` tells whether a record will be on the site (not a draft, not scheduled). */
export function crossCheck(site: Site, records: readonly ContentRecord[], isPublished: (r: ContentRecord) => boolean): Problem[] {
  const policies = records.filter((r): r is RecordOf<"policy"> => r.type === "policy");
  const problems = [
    ...uniqueBy(policies, (r) => r.fields.index_no, "index_no", "索引号"),
    ...uniqueBy(policies, (r) => r.fields.doc_no, "doc_no", "发文字号"),
  ];
  const byIndexNo = new Map(policies.map((p) => [p.fields.index_no, p]));
  for (const record of policies) {
    const target = record.fields.interprets;
    if (target === undefined) continue;
    const doc = byIndexNo.get(target);
    const where = { file: record.file, line: lineOfRecordPath(record, ["interprets"]), field: "interprets（所解读文件的索引号）" };
    if (!doc) problems.push({ severity: "error", ...where, message: `找不到索引号为“${target}”的政策文件；请填写被解读文件的索引号` });
    else if (doc.fields.kind === "政策解读") problems.push({ severity: "error", ...where, message: `“${target}”本身是政策解读；应指向被解读的政策文件` });
    else if (isPublished(record) && !isPublished(doc)) {
      problems.push({ severity: "warning", ...where, message: `解读已发布，但所解读的文件 ${doc.file} 尚未发布（草稿或定时发布），解读将暂时没有指向原文件的链接` });
    }
  }
  for (const record of records) {
    if (record.type === "topic") {
      const topic = site.topics.find((t) => t.name === record.fields.topic);
      const stem = record.id.split("/").slice(1).join("/");
      if (topic && stem !== topic.key) {
        problems.push({ severity: "error", file: record.file, line: lineOfRecordPath(record, ["topic"]), field: "topic（专题）", message: `专题“${topic.name}”的文件应命名为 content/topics/${topic.key}.md（与站点配置中的键一致）` });
      }
    }
    if (record.type === "periodical") {
      const periodical = site.periodicals.find((p) => p.name === record.fields.periodical);
      const folder = record.id.split("/")[1];
      if (periodical && (folder !== periodical.key || record.id.split("/").length !== 3)) {
        problems.push({ severity: "error", file: record.file, line: lineOfRecordPath(record, ["periodical"]), field: "periodical（刊物）", message: `《${periodical.name}》的各期应放在 content/periodicals/${periodical.key}/ 目录中` });
      }
    }
  }
  return problems;
}
