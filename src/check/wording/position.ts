/**
 * Line and column of a finding inside a front-matter value. Asked only for findings, so the file
 * is read again here rather than keeping every file's text in memory.
 */
import { readFileSync } from "node:fs";
import type { ContentRecord } from "../../content/types.ts";
import { lineOfRecordPath } from "../../content/line-of-field.ts";

/**
 * The field's line comes from the YAML; the column from where the value's text around the finding
 * appears on that line or the next ones (a value may be quoted or folded over several lines).
 */
export function fieldPosition(
  record: ContentRecord,
  path: readonly PropertyKey[],
  value: string,
  offset: number,
): { line?: number; column?: number } {
  const line = lineOfRecordPath(record, path);
  if (line === undefined) return {};
  let lines: string[];
  try {
    lines = readFileSync(record.abs, "utf8").split(/\r?\n/);
  } catch {
    return { line };
  }
  // The finding with up to four characters of context on each side, shrinking until it is found.
  const last = Math.min(lines.length, record.bodyLine - 1);
  for (let context = 4; context >= 0; context--) {
    const from = Math.max(0, offset - context);
    const piece = value.slice(from, offset + 1 + context);
    for (let l = line; l <= last; l++) {
      const at = lines[l - 1].indexOf(piece);
      if (at >= 0) return { line: l, column: at + (offset - from) + 1 };
    }
  }
  return { line };
}
