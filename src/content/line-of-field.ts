/** The line of a top-level field in a record's file, for problems found after validation. */
import { readFileSync } from "node:fs";
import type { ContentRecord } from "./types.ts";

export function lineOfField(record: ContentRecord, field: string): number | undefined {
  let text: string;
  try {
    text = readFileSync(record.abs, "utf8");
  } catch {
    return undefined;
  }
  const lines = text.split(/\r?\n/, record.bodyLine);
  const index = lines.findIndex((line, i) => i > 0 && new RegExp(`^${field}\\s*:`).test(line));
  return index >= 0 ? index + 1 : undefined;
}
