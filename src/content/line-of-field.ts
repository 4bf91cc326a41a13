/** File lines of front-matter fields, for problems found after a file validated. */
import { readFileSync } from "node:fs";
import type { ContentRecord } from "./types.ts";
import { decode } from "./read-file.ts";
import { lineLocator, splitFile, type LineLocator } from "./front-matter.ts";

/**
 * One locator per record, made on its first problem: the file is read and its front matter parsed
 * once however many problems it has (a record object is replaced when its file changes).
 */
const locators = new WeakMap<ContentRecord, LineLocator | null>();

function locatorOf(record: ContentRecord): LineLocator | null {
  let locator = locators.get(record);
  if (locator !== undefined) return locator;
  try {
    const decoded = decode(readFileSync(record.abs));
    locator = "text" in decoded ? lineLocator(splitFile(decoded.text).matter) : null;
  } catch {
    locator = null;
  }
  locators.set(record, locator);
  return locator;
}

/** The line of `path` (["attachments", 0, "file"]) in the record's file; only for problems. */
export function lineOfRecordPath(record: ContentRecord, path: readonly PropertyKey[]): number | undefined {
  return locatorOf(record)?.(path);
}
