/**
 * Checks across policy files: unique 索引号 and 发文字号 (case and full-width forms aside), and 解读
 * that point to a real, published document.
 */
import type { Problem } from "../problems/problems.ts";
import type { RecordBase, RecordOf } from "../content/types.ts";
import { lineOfRecordPath } from "../content/line-of-field.ts";
import type { Site } from "../config/schema.ts";
import { uniqueKeyProblems } from "./policy-keys.ts";

type PolicyRecord = RecordOf<"policy">;

/**
 * `isPublished` tells whether a record will be on the site (not a draft, not scheduled); `site`
 * (the build's config) finds the build cache's kept keys (policy-keys.ts).
 */
export function policyChecks(
  policies: readonly PolicyRecord[],
  isPublished: (r: RecordBase) => boolean,
  site?: Site,
): Problem[] {
  const problems = uniqueKeyProblems(site, policies);
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
