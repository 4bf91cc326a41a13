/**
 * Turns zod issues into editor-facing problems: Chinese text, the field's label, its line.
 */
import { z } from "zod";
import type { Problem } from "../problems/problems.ts";
import { lineOfPath } from "./front-matter.ts";
import { didYouMean, formatPath, keysAt, labelAt } from "../problems/schema-walk.ts";

export function issuesToProblems(
  issues: readonly z.core.$ZodIssue[],
  schema: z.core.$ZodType,
  file: string,
  matterText: string,
): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      const known = keysAt(schema, issue.path);
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        const guess = didYouMean(key, known);
        problems.push({
          severity: "error",
          file,
          line: lineOfPath(matterText, path, true),
          field: formatPath(path),
          message: `未知字段${guess ? `，是否想写「${guess}」（${labelAt(schema, [...issue.path, guess]) ?? guess}）？` : `；可用字段：${known.join("、")}`}`,
        });
      }
      continue;
    }
    const label = labelAt(schema, issue.path);
    problems.push({
      severity: "error",
      file,
      line: lineOfPath(matterText, issue.path, issue.message === "缺少必填字段"),
      field: formatPath(issue.path) + (label ? `（${label}）` : ""),
      message: issue.message,
    });
  }
  return problems;
}
