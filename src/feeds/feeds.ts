/**
 * The portal's Atom feeds, from the same sorted records as the pages: the feeds each content type
 * declares (src/content-types/), at the URLs its list pages announce with <link rel="alternate">.
 */
import type { Site } from "../config/schema.ts";
import type { ContentRecord } from "../content/types.ts";
import type { Portal } from "../portal/portal.ts";
import { absoluteUrl } from "../portal/urls.ts";
import type { AnyTypeSpec } from "../content-types/spec.ts";
import type { AtomEntry, AtomFeed } from "./atom.ts";

/** Entries per feed: readers only need what is new, and the files stay small. */
export const FEED_SIZE = 50;

/** One feed file: its site URL and the Atom document it holds. */
export interface FeedFile {
  url: string;
  feed: AtomFeed;
}

function entryOf(site: Site, spec: AnyTypeSpec, record: ContentRecord): AtomEntry {
  return {
    url: absoluteUrl(site, record.url),
    title: record.fields.title,
    published: record.publishedAt,
    summary: record.fields.summary,
    category: spec.feedCategory?.(record),
  };
}

export function feedsOf(portal: Portal): FeedFile[] {
  const { site } = portal;
  // An empty feed still needs a fixed <updated>: the newest item of the portal (never the build clock).
  // The records are newest first (src/portal/portal.ts): the first is the newest, no pass over all.
  const emptyUpdated = Math.max(0, portal.records[0]?.publishedAt ?? 0);
  return portal.types.flatMap((spec) =>
    (spec.feeds?.(portal) ?? []).map((source) => ({
      url: source.url,
      feed: {
        selfUrl: absoluteUrl(site, source.url),
        pageUrl: absoluteUrl(site, source.pageUrl),
        title: `${site.name} - ${source.title}`,
        subtitle: source.subtitle,
        author: site.sponsor,
        emptyUpdated,
        entries: source.records.slice(0, FEED_SIZE).map((r) => entryOf(site, spec, r as ContentRecord)),
      },
    })),
  );
}
