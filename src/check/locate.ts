/** Naming front-matter fields and listing their strings, for problems found after a file validated. */
import type { ContentRecord } from "../content/types.ts";
import { formatPath, labelAt } from "../problems/schema-walk.ts";
import { schemaFor } from "../content/read-file.ts";
import type { Site } from "../config/schema.ts";
import { specOf, type AnyTypeSpec } from "../content-types/spec.ts";

/** A field path as problems show it: attachments[0].file（附件文件）. */
export function fieldName(
  site: Site,
  types: readonly AnyTypeSpec[],
  record: ContentRecord,
  path: readonly PropertyKey[],
): string {
  const schema = schemaFor(site, specOf(types, record.type));
  // A list item has no label of its own: name it by its list (basis[0]（设定依据）).
  const label =
    labelAt(schema, path) ??
    (typeof path[path.length - 1] === "number" ? labelAt(schema, path.slice(0, -1)) : undefined);
  return formatPath(path) + (label ? `（${label}）` : "");
}

/** Every string in a record's fields with its path (for placeholders and media references). */
export function stringsOf(value: unknown, path: PropertyKey[] = []): [PropertyKey[], string][] {
  if (typeof value === "string") return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringsOf(item, [...path, i]));
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => stringsOf(v, [...path, k]));
  return [];
}
