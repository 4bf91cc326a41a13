/**
 * Checks that span files, declared by each content type (its spec's `checks`: unique 索引号, 解读
 * that point to a real document, topic and periodical files in the folder their key names).
 */
import type { Site } from "../config/schema.ts";
import type { Problem } from "../problems/problems.ts";
import type { ContentRecord } from "./types.ts";
import type { AnyTypeSpec } from "../content-types/spec.ts";

/** `isPublished` tells whether a record will be on the site (not a draft, not scheduled). */
export function crossCheck(
  site: Site,
  types: readonly AnyTypeSpec[],
  records: readonly ContentRecord[],
  isPublished: (r: ContentRecord) => boolean,
): Problem[] {
  // Grouped in one pass, in the records' order (a filter per type was a pass over every record per type).
  const byType = new Map<string, ContentRecord[]>(types.flatMap((t) => (t.checks === undefined ? [] : [[t.type, []]])));
  for (const r of records) byType.get(r.type)?.push(r);
  return types.flatMap((spec) =>
    spec.checks
      ? spec.checks(
          site,
          byType.get(spec.type)!,
          // Every record the spec gets is one of `records`: the narrower parameter is safe.
          isPublished as (r: unknown) => boolean,
        )
      : [],
  );
}
