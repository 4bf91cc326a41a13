/**
 * 文件变更 kept honest (src/portal/policy-history.ts): every 索引号 in `amends`, `repeals` and
 * `replaces` names a real policy document other than this one and not a 解读; a 解读 changes no
 * document; and a document that a published one repeals or replaces is no longer 有效 (the
 * catalogue would show a dead rule as current). Errors name the file, line and field.
 */
import type { Problem } from "../problems/problems.ts";
import type { RecordBase, RecordOf } from "../content/types.ts";
import { lineOfRecordPath } from "../content/line-of-field.ts";
import { RELATIONS, RELATION_WORDS } from "../portal/policy-history.ts";

type PolicyRecord = RecordOf<"policy">;

const FIELD_LABEL = { amends: "修改的文件", repeals: "废止的文件", replaces: "替代的文件" } as const;

export function policyHistoryChecks(
  policies: readonly PolicyRecord[],
  isPublished: (r: RecordBase) => boolean,
): Problem[] {
  const problems: Problem[] = [];
  const byIndexNo = new Map(policies.map((p) => [p.fields.index_no, p]));
  for (const record of policies) {
    for (const relation of RELATIONS) {
      record.fields[relation].forEach((target, i) => {
        const where = {
          severity: "error" as const,
          file: record.file,
          line: lineOfRecordPath(record, [relation, i]),
          field: `${relation}[${i}]（${FIELD_LABEL[relation]}）`,
        };
        const doc = byIndexNo.get(target);
        const verb = RELATION_WORDS[relation].done;
        if (record.fields.kind === "政策解读")
          problems.push({ ...where, message: `政策解读不能${verb}文件；请在被解读的文件中填写 ${relation}` });
        else if (!doc)
          problems.push({
            ...where,
            message: `找不到索引号为“${target}”的政策文件；请填写被本文件${verb}的文件的索引号`,
          });
        else if (doc === record) problems.push({ ...where, message: `文件不能${verb}自身` });
        else if (doc.fields.kind === "政策解读")
          problems.push({ ...where, message: `“${target}”是政策解读，应指向被${verb}的政策文件本身` });
        else if (relation !== "amends" && isPublished(record) && doc.fields.validity === "有效")
          problems.push({
            severity: "error",
            file: doc.file,
            line: lineOfRecordPath(doc, ["validity"]),
            field: "validity（有效性）",
            message: `本文件已被 ${record.file}（${record.fields.title}）${verb}，有效性不能为“有效”；请改为“${relation === "repeals" ? "废止" : "失效”或“废止"}”，并填写 validity_changed（变更日期）`,
          });
        else if (isPublished(record) && !isPublished(doc))
          problems.push({
            ...where,
            severity: "warning",
            message: `被${verb}的文件 ${doc.file} 尚未发布（草稿或定时发布），两份文件之间暂时没有链接`,
          });
      });
    }
  }
  return problems;
}
