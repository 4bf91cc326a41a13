/** File lines of front-matter fields, for problems found after a file validated. */
import { readFileSync } from "node:fs";
import type { ContentRecord } from "./types.ts";
import { decode } from "./read-file.ts";
import { lineOfPath, splitFile } from "./front-matter.ts";

/** The line of `path` (["attachments", 0, "file"]) in the record's file; re-reads the file, so call it only for problems. */
export function lineOfRecordPath(record: ContentRecord, path: readonly PropertyKey[]): number | undefined {
  try {
    const decoded = decode(readFileSync(record.abs));
    if (!("text" in decoded)) return undefined;
    return lineOfPath(splitFile(decoded.text).matter, path);
  } catch {
    return undefined;
  }
}
