/**
 * What a dev rebuild renders again: list pages compared by their data's fingerprint, the pages that
 * show a changed record, and the order in which the affected pages are written.
 */
import type { ContentRecord } from "../content/types.ts";
import { specOf } from "../content-types/spec.ts";
import type { Portal } from "../portal/portal.ts";
import type { VirtualPage } from "../eleventy/site-outputs.ts";

export class Fingerprints {
  private readonly ids = new WeakMap<object, number>();
  private next = 0;
  /** The current state's records (unchanged records keep their objects, and so their ids). */
  records = new Set<unknown>();

  of(data: unknown): string {
    return JSON.stringify(data, (_key, value: unknown) => {
      if (typeof value === "function") return `ƒ${this.next++}`;
      if (typeof value === "object" && value !== null && this.records.has(value)) {
        let id = this.ids.get(value);
        if (id === undefined) this.ids.set(value, (id = this.next++));
        return `#${id}`;
      }
      return value;
    });
  }
}

/** Records whose detail page shows `record` (besides its own page). */
export function pagesShowing(portal: Portal, record: ContentRecord): ContentRecord[] {
  return (specOf(portal.types, record.type).shownOn?.(portal, record) ?? []) as ContentRecord[];
}

/** Affected records' pages and the pages listing them go first: what the editor looks at updates soonest. */
export function firstWhatShows(pages: readonly VirtualPage[], affected: Set<ContentRecord>): VirtualPage[] {
  const shows = (page: VirtualPage) => {
    if (affected.has(page.item as ContentRecord)) return true;
    const items = (page.item as { items?: unknown } | undefined)?.items;
    return Array.isArray(items) && items.some((item) => affected.has(item as ContentRecord));
  };
  return [...pages.filter(shows), ...pages.filter((page) => !shows(page))];
}
