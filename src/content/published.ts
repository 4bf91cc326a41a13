/**
 * What of the valid records goes on the site at the build's clock: no drafts, no items dated
 * later (scheduled), and each record as its type's `asOf` shows it now. Preview builds take
 * every record whole (drafts, scheduled items and parts included; their pages mark them).
 */
import type { AnyTypeSpec } from "../content-types/spec.ts";
import type { ContentRecord } from "./types.ts";

export function isDraftOrScheduled(record: ContentRecord, now: number): boolean {
  return record.fields.draft || record.publishedAt > now;
}

export function publishedRecords(
  all: readonly ContentRecord[],
  types: readonly AnyTypeSpec[],
  now: number,
  includeDrafts: boolean | undefined,
): ContentRecord[] {
  if (includeDrafts) return [...all];
  const withParts = new Map(types.flatMap((t) => (t.asOf ? [[t.type, t] as const] : [])));
  const published: ContentRecord[] = [];
  for (const r of all) {
    if (isDraftOrScheduled(r, now)) continue;
    const spec = withParts.get(r.type);
    published.push(spec?.asOf ? (spec.asOf(r, now) as ContentRecord) : r);
  }
  return published;
}
