/**
 * The VS Code task (.vscode/tasks.json) turns `npm run check` output into the Problems panel:
 * each printed problem is matched by exactly one matcher, with its file, line, column and severity.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { formatProblem, type Problem } from "../../src/problems/problems.ts";

interface Matcher {
  severity: string;
  pattern: { regexp: string; kind?: string; file: number; line?: number; column?: number; message: number };
}

const ROOT = path.resolve(import.meta.dirname, "../..");
const tasks = JSON.parse(readFileSync(path.join(ROOT, ".vscode/tasks.json"), "utf8")) as {
  tasks: { problemMatcher: Matcher[] }[];
};
const matchers = tasks.tasks[0].problemMatcher;

const SAMPLES: Problem[] = [
  {
    severity: "error",
    file: "content/news/2025/a.md",
    line: 4,
    field: "column（栏目）",
    message: "“要闻”未在站点配置中声明",
  },
  {
    severity: "error",
    file: "content/news/2025/b.md",
    line: 4,
    column: 1,
    message: "YAML 格式错误：引号未闭合",
  },
  { severity: "warning", file: "content/news/2025/c.md", line: 12, field: "正文", message: "链接“/x/”无效" },
  { severity: "error", file: "content/news/2025/中文.md", message: "文件名不能用作网址" },
  {
    severity: "warning",
    file: "content/news",
    field: "column（栏目）“转载”",
    message: "栏目没有任何已发布的新闻",
  },
];

test("every problem `check` prints is matched once, with its location and severity", () => {
  for (const problem of SAMPLES) {
    const line = formatProblem(problem);
    const hits = matchers.flatMap((m) => {
      const match = line.match(new RegExp(m.pattern.regexp));
      return match ? [{ m, match }] : [];
    });
    assert.equal(hits.length, 1, `${line}: ${hits.length} matchers`);
    const { m, match } = hits[0];
    assert.equal(m.severity, problem.severity);
    assert.equal(match[m.pattern.file], problem.file);
    if (problem.line) {
      assert.equal(Number(match[m.pattern.line ?? 0]), problem.line);
      assert.equal(
        match[m.pattern.column ?? 0],
        problem.column === undefined ? undefined : String(problem.column),
      );
    } else assert.equal(m.pattern.kind, "file");
    assert.ok(match[m.pattern.message].endsWith(problem.message));
  }
});
