/**
 * Which files of content/media this build publishes. The embargo of an item holds for its files:
 * a file that only drafts and scheduled items refer to is not published (not copied, so not in
 * manifest.json) until one of them is; preview builds publish it with its items. Files nothing
 * refers to are published as before (other sites may link to them) with a warning, so an editor
 * sees an upload that no item uses yet.
 */
import type { Site } from "../config/schema.ts";
import type { Problem } from "../problems/problems.ts";
import type { ContentRecord } from "../content/types.ts";
import type { MediaIndex } from "../check/media-index.ts";
import { stringsOf } from "../check/locate.ts";
import { notableStrings } from "../check/notable-strings.ts";

/** Who refers to each /media/ path. */
export class MediaReferences {
  private readonly byUrl = new Map<string, Set<ContentRecord>>();
  /** Referred to by site config (a logo …): always published. */
  private readonly fromConfig = new Set<string>();

  add(url: string, record: ContentRecord): void {
    let records = this.byUrl.get(url);
    if (!records) this.byUrl.set(url, (records = new Set()));
    records.add(record);
  }

  /** Every /media/ path in the records' fields and in site config (bodies come from the link check). */
  addFields(site: Site, records: readonly ContentRecord[]): void {
    const media = (value: string) => (value.startsWith("/media/") ? value.split(/[?#]/)[0] : undefined);
    for (const record of records)
      for (const [, value] of notableStrings(record)) {
        const url = media(value);
        if (url) this.add(url, record);
      }
    for (const [, value] of stringsOf(site)) {
      const url = media(value);
      if (url) this.fromConfig.add(url);
    }
  }

  referrers(url: string): { config: boolean; records: ReadonlySet<ContentRecord> } {
    return { config: this.fromConfig.has(url), records: this.byUrl.get(url) ?? new Set() };
  }
}

export interface MediaPlan {
  /** /media/ paths to publish, sorted. */
  publish: string[];
  warnings: Problem[];
}

export function planMedia(
  media: MediaIndex,
  references: MediaReferences,
  published: ReadonlySet<ContentRecord>,
): MediaPlan {
  const publish: string[] = [];
  const warnings: Problem[] = [];
  for (const url of [...media.files].sort()) {
    const { config, records } = references.referrers(url);
    if (config || [...records].some((r) => published.has(r))) publish.push(url);
    else if (records.size === 0) {
      publish.push(url);
      warnings.push({
        severity: "warning",
        file: `${media.folder}${url}`,
        message: `没有任何内容引用此文件；它仍会发布在 ${url}。如果是为尚未写好的草稿准备的，请先写好草稿再放入，以免提前公开`,
      });
    }
  }
  return { publish, warnings };
}
