/**
 * Atom 1.0 (RFC 4287) documents. Small on purpose: each entry carries its title, dates, link and
 * summary, not the whole article. Dates come from the records, never from the build clock.
 */
import dateToRfc3339 from "@11ty/eleventy-plugin-rss/src/dateRfc3339.js";
import { escapeHtml } from "../html/html.ts";

export interface AtomEntry {
  /** Absolute URL of the item's page (also its id). */
  url: string;
  title: string;
  /** Epoch ms. */
  published: number;
  summary?: string;
  /** Column, document category …: shown by readers as a label. */
  category?: string;
}

export interface AtomFeed {
  /** Absolute URL of the feed document (also its id). */
  selfUrl: string;
  /** Absolute URL of the HTML page the feed mirrors. */
  pageUrl: string;
  title: string;
  subtitle?: string;
  /** Feed author: the site's sponsor (RFC 4287 wants an author for every entry). */
  author: string;
  /** Epoch ms used for <updated> when there is no entry. */
  emptyUpdated: number;
  entries: readonly AtomEntry[];
}

const esc = escapeHtml;
const rfc3339 = (ms: number) => dateToRfc3339(new Date(ms));

function entryXml(entry: AtomEntry): string {
  const lines = [
    "<entry>",
    `<id>${esc(entry.url)}</id>`,
    `<title>${esc(entry.title)}</title>`,
    `<published>${rfc3339(entry.published)}</published>`,
    `<updated>${rfc3339(entry.published)}</updated>`,
    `<link rel="alternate" type="text/html" href="${esc(entry.url)}"/>`,
  ];
  if (entry.category) lines.push(`<category term="${esc(entry.category)}"/>`);
  if (entry.summary) lines.push(`<summary>${esc(entry.summary)}</summary>`);
  lines.push("</entry>");
  return lines.join("\n");
}

export function renderAtom(feed: AtomFeed): string {
  const updated = feed.entries.reduce((newest, e) => Math.max(newest, e.published), 0) || feed.emptyUpdated;
  return (
    [
      `<?xml version="1.0" encoding="utf-8"?>`,
      `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">`,
      `<id>${esc(feed.selfUrl)}</id>`,
      `<title>${esc(feed.title)}</title>`,
      feed.subtitle ? `<subtitle>${esc(feed.subtitle)}</subtitle>` : "",
      `<updated>${rfc3339(updated)}</updated>`,
      `<link rel="self" type="application/atom+xml" href="${esc(feed.selfUrl)}"/>`,
      `<link rel="alternate" type="text/html" href="${esc(feed.pageUrl)}"/>`,
      `<author><name>${esc(feed.author)}</name></author>`,
      `<generator>Gongkai</generator>`,
      ...feed.entries.map(entryXml),
      `</feed>`,
      "",
    ]
      .filter((line) => line !== "")
      .join("\n") + "\n"
  );
}
