/**
 * Problems found in an editor's files, reported in Chinese with file, line and field, all at once.
 */
export type Severity = "error" | "warning";

export interface Problem {
  severity: Severity;
  /** Path relative to the project (content/news/2025/a.md), forward slashes. */
  file: string;
  /** 1-based line, when known. */
  line?: number;
  /** 1-based column, when known. */
  column?: number;
  /** Field path as written in front matter (materials[1].name). */
  field?: string;
  /** What is wrong and what was expected, in Chinese. */
  message: string;
}

/**
 * Characters an editor's text may carry into a message (a title quoted in it, a file name) that a
 * terminal would act on: line breaks (a title with "\n" would print a second, forged problem
 * line), escape sequences (ESC recolours or rewrites the screen), other C0/C1 controls, and the
 * bidi controls that reorder what is shown.
 */
// eslint-disable-next-line no-control-regex -- writing control characters out is the point
const UNSHOWABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;
const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** `text` on one line, each character of UNSHOWABLE written out (\n, \u001B). */
export function oneLine(text: string): string {
  return text.replace(
    UNSHOWABLE,
    (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`,
  );
}

export function formatProblem(p: Problem): string {
  const where = p.file + (p.line ? `:${p.line}` + (p.column ? `:${p.column}` : "") : "");
  const field = p.field ? ` 字段「${p.field}」` : "";
  const label = p.severity === "error" ? "错误" : "警告";
  return oneLine(`${where} ${label}${field}：${p.message}`);
}

export function summarize(problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;
  if (errors === 0 && warnings === 0) return "检查通过：没有发现问题。";
  return `共发现 ${errors} 个错误、${warnings} 个警告。`;
}

/** Thrown when the build must stop; carries every problem found. */
export class ContentError extends Error {
  constructor(readonly problems: Problem[]) {
    super([...problems.map(formatProblem), summarize(problems)].join("\n"));
    this.name = "ContentError";
  }
}
