/**
 * Turns zod issues into editor-facing problems: Chinese text, the field's label, its line.
 */
import { z } from "zod";
import type { Problem } from "../problems/problems.ts";
import { lineLocator } from "./front-matter.ts";
import { formatPath, keysAt, labelAt } from "../problems/schema-walk.ts";
import { closestName } from "../problems/edit-distance.ts";

export function issuesToProblems(
  issues: readonly z.core.$ZodIssue[],
  schema: z.core.$ZodType,
  file: string,
  matterText: string,
): Problem[] {
  const problems: Problem[] = [];
  const lineOfPath = lineLocator(matterText);
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      const known = keysAt(schema, issue.path);
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        // Field names are short ASCII: up to 3 letters one slip, longer ones two; case does not matter.
        const guess = closestName(key.toLowerCase(), known, (name) => (name.length <= 3 ? 1 : 2));
        problems.push({
          severity: "error",
          file,
          line: lineOfPath(path, true),
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
      line: lineOfPath(issue.path, issue.message === "缺少必填字段"),
      field: formatPath(issue.path) + (label ? `（${label}）` : ""),
      message: issue.message,
    });
  }
  return problems;
}
