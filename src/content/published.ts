/**
 * What of the valid records goes on the site at the build's clock: no drafts, no items dated
 * later (scheduled), and each record as its type's `asOf` shows it now. Preview builds take
 * every record whole: drafts and scheduled items (their pages mark them) and scheduled parts,
 * shown as they will be (unmarked).
 */
import type { AnyTypeSpec } from "../content-types/spec.ts";
import type { ContentRecord } from "./types.ts";
import { isDraft } from "./kept-flags.ts";

export function isDraftOrScheduled(record: ContentRecord, now: number): boolean {
  return record.publishedAt > now || isDraft(record);
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
    published.push(spec?.asOf ? keptCopy(r, spec.asOf(r, now) as ContentRecord) : r);
  }
  return published;
}

/**
 * The copies `asOf` made, by the record they were made from: an unchanged record shown the same
 * way is the same object build after build, as the dev server and the build cache tell changed
 * records by identity (a new copy each time was "a changed file" on every save).
 */
const copies = new WeakMap<ContentRecord, ContentRecord>();

function keptCopy(record: ContentRecord, shown: ContentRecord): ContentRecord {
  if (shown === record) return record;
  const kept = copies.get(record);
  if (kept && sameShallow(kept, shown) && sameShallow(kept.fields, shown.fields)) return kept;
  copies.set(record, shown);
  return shown;
}

function sameShallow(a: object, b: object): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((k) => k !== "fields" ? x[k] === y[k] : true);
}
