/** File lines of front-matter fields, for problems found after a file validated. */
import { readFileSync } from "node:fs";
import type { ContentRecord } from "../content/types.ts";
import { decode } from "../content/read-file.ts";
import { lineOfPath, splitFile } from "../content/front-matter.ts";
import { formatPath, labelAt } from "../content/schema-walk.ts";
import { schemaFor } from "../content/read-file.ts";
import type { Site } from "../config/schema.ts";

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

/** A field path as problems show it: attachments[0].file（附件文件）. */
export function fieldName(site: Site, record: ContentRecord, path: readonly PropertyKey[]): string {
  const schema = schemaFor(site, record.type);
  // A list item has no label of its own: name it by its list (basis[0]（设定依据）).
  const label = labelAt(schema, path) ?? (typeof path[path.length - 1] === "number" ? labelAt(schema, path.slice(0, -1)) : undefined);
  return formatPath(path) + (label ? `（${label}）` : "");
}

/** Every string in a record's fields with its path (for placeholders and media references). */
export function stringsOf(value: unknown, path: PropertyKey[] = []): [PropertyKey[], string][] {
  if (typeof value === "string") return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringsOf(item, [...path, i]));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => stringsOf(v, [...path, k]));
  return [];
}
