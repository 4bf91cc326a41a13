/**
 * Checks across policy files: unique 索引号 and 发文字号 (case and full-width forms aside), and 解读
 * that point to a real, published document.
 */
import type { Problem } from "../problems/problems.ts";
import type { RecordBase, RecordOf } from "../content/types.ts";
import { lineOfRecordPath } from "../content/line-of-field.ts";
import { comparable } from "../content/text-safety.ts";

type PolicyRecord = RecordOf<"policy">;

function uniqueBy(
  records: readonly PolicyRecord[],
  value: (r: PolicyRecord) => string | undefined,
  field: string,
  label: string,
): Problem[] {
  const seen = new Map<string, PolicyRecord>();
  const problems: Problem[] = [];
  for (const record of records) {
    const v = value(record);
    if (v === undefined) continue;
    // Case and full-width forms do not make a number different (Ｘ, x and X are one 索引号);
    // invisible format characters (U+200B …) do not either.
    const key = comparable(v).normalize("NFKC").replace(/\s+/g, "").toUpperCase();
    const first = seen.get(key);
    if (first) {
      const same =
        first.fields[field as "index_no"] === v
          ? ""
          : `（“${first.fields[field as "index_no"]}”，仅大小写或全角半角不同）`;
      problems.push({
        severity: "error",
        file: record.file,
        line: lineOfRecordPath(record, [field]),
        field: `${field}（${label}）`,
        message: `${label}“${v}”与 ${first.file} 重复${same}；${label}必须全站唯一`,
      });
    } else seen.set(key, record);
  }
  return problems;
}

/** `isPublished` tells whether a record will be on the site (not a draft, not scheduled). */
export function policyChecks(
  policies: readonly PolicyRecord[],
  isPublished: (r: RecordBase) => boolean,
): Problem[] {
  const problems = [
    ...uniqueBy(policies, (r) => r.fields.index_no, "index_no", "索引号"),
    ...uniqueBy(policies, (r) => r.fields.doc_no, "doc_no", "发文字号"),
  ];
  const byIndexNo = new Map(policies.map((p) => [p.fields.index_no, p]));
  for (const record of policies) {
    const target = record.fields.interprets;
    if (target === undefined) continue;
    const doc = byIndexNo.get(target);
    // The line only for a problem: finding it parses the file's front matter again.
    const where = () => ({
      file: record.file,
      line: lineOfRecordPath(record, ["interprets"]),
      field: "interprets（所解读文件的索引号）",
    });
    if (!doc)
      problems.push({
        severity: "error",
        ...where(),
        message: `找不到索引号为“${target}”的政策文件；请填写被解读文件的索引号`,
      });
    else if (doc.fields.kind === "政策解读")
      problems.push({
        severity: "error",
        ...where(),
        message: `“${target}”本身是政策解读；应指向被解读的政策文件`,
      });
    else if (isPublished(record) && !isPublished(doc)) {
      problems.push({
        severity: "warning",
        ...where(),
        message: `解读已发布，但所解读的文件 ${doc.file} 尚未发布（草稿或定时发布），解读将暂时没有指向原文件的链接`,
      });
    }
  }
  return problems;
}
