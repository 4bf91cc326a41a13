/**
 * Reads a query file (run.ts, count-requests.ts, excerpt-check.ts): one query per line, trimmed,
 * blank lines skipped. A query a line cannot hold as it is (line breaks, leading or trailing white
 * space, nothing but white space, control characters) is written as a line `@json "…"`: the JSON
 * string is the query exactly, untrimmed. So a file can carry what a reader pastes or a link holds.
 */
import { readFileSync } from "node:fs";

const JSON_LINE = "@json ";

/** The queries of a file's text. */
export function parseQueries(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line) continue;
    out.push(line.startsWith(JSON_LINE) ? (JSON.parse(line.slice(JSON_LINE.length)) as string) : line);
  }
  return out;
}

export const readQueries = (file: string): string[] => parseQueries(readFileSync(file, "utf8"));
