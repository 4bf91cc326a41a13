/**
 * The portal's Atom feeds, from the same sorted records as the pages: all news, each column,
 * policy documents and videos. The URLs are the ones the list pages announce with
 * <link rel="alternate"> (src/pages/*-lists.ts).
 */
import type { Site } from "../config/schema.ts";
import type { ContentRecord } from "../content/types.ts";
import type { Portal } from "../portal/portal.ts";
import { absoluteUrl, urls } from "../portal/urls.ts";
import type { AtomEntry, AtomFeed } from "./atom.ts";

/** Entries per feed: readers only need what is new, and the files stay small. */
export const FEED_SIZE = 50;

export const feedUrls = {
  news: "/feeds/news.xml",
  column: (key: string) => `/feeds/news-${key}.xml`,
  policies: "/feeds/policies.xml",
  videos: "/feeds/videos.xml",
};

/** One feed file: its site URL and the Atom document it holds. */
export interface FeedFile {
  url: string;
  feed: AtomFeed;
}

function categoryOf(record: ContentRecord): string | undefined {
  if (record.type === "news") return record.fields.column;
  if (record.type === "policy") return record.fields.category;
  if (record.type === "video") return record.fields.kind;
  return undefined;
}

function entryOf(site: Site, record: ContentRecord): AtomEntry {
  return {
    url: absoluteUrl(site, record.url),
    title: record.fields.title,
    published: record.publishedAt,
    summary: record.fields.summary,
    category: categoryOf(record),
  };
}

export function feedsOf(portal: Portal): FeedFile[] {
  const { site } = portal;
  // An empty feed still needs a fixed <updated>: the newest item of the portal (never the build clock).
  const emptyUpdated = portal.records.reduce((newest, r) => Math.max(newest, r.publishedAt), 0);
  const feed = (
    url: string,
    title: string,
    pageUrl: string,
    records: readonly ContentRecord[],
    subtitle?: string,
  ): FeedFile => ({
    url,
    feed: {
      selfUrl: absoluteUrl(site, url),
      pageUrl: absoluteUrl(site, pageUrl),
      title: `${site.name} - ${title}`,
      subtitle,
      author: site.sponsor,
      emptyUpdated,
      entries: records.slice(0, FEED_SIZE).map((r) => entryOf(site, r)),
    },
  });
  return [
    feed(feedUrls.news, "全部新闻", urls.news, portal.byType.news),
    ...site.columns.map((c) =>
      feed(
        feedUrls.column(c.key),
        c.name,
        urls.column(c.key),
        portal.newsByColumn.get(c.name) ?? [],
        c.description || undefined,
      ),
    ),
    feed(feedUrls.policies, "政策文件", urls.policies, portal.byType.policy),
    feed(feedUrls.videos, "视频", urls.videos, portal.byType.video),
  ];
}
