/**
 * The parts a content type's spec (spec.ts) is made of: what it adds to 网站地图, its feeds, search
 * filters, extra pages, navigation entries and `npm run new` scaffold. Kept apart so spec.ts reads
 * as the one declaration of a type.
 */
import type { DateTime } from "luxon";
import type { Site } from "../config/schema.ts";
import type { LayoutContext } from "../view/context.ts";

/** A section of 网站地图: a heading linking to the section, and its links. */
export interface SitemapSection {
  title: string;
  url: string;
  children: { label: string; url: string }[];
}

/** A link to an Atom feed, as list pages announce it. */
export interface FeedLink {
  title: string;
  url: string;
}

/** One feed file of a type: src/feeds/feeds.ts turns it into Atom. */
export interface FeedSource<R> {
  /** Site URL of the feed file: /feeds/news.xml. */
  url: string;
  /** Feed title after the site name. */
  title: string;
  /** The list page the feed mirrors. */
  pageUrl: string;
  /** Newest first; the first FEED_SIZE become entries. */
  records: readonly R[];
  subtitle?: string;
}

/** A filter of the search page, with the value one record carries. */
export interface SearchFacet<R> {
  /** Filter key in the index and the page's <select name>. */
  key: string;
  /** The filter's label on the search page: 栏目. */
  label: string;
  /** Place among the search page's filters (类型 10, 年份 30, 发布机构 40). */
  order: number;
  value(record: R): string | undefined;
}

/**
 * A function that says what it closes over besides what it reads from its `ctx` (a list page's
 * `intro`): the build cache compares it between builds by these inputs (src/build/cache/digest.ts)
 * instead of rendering its page on every build.
 */
export function withInputs<F extends (...args: never[]) => unknown>(
  fn: F,
  inputs: readonly unknown[],
): F & { inputs: readonly unknown[] } {
  return Object.assign(fn, { inputs });
}

/** A page a type adds besides its detail and list pages (an organ's 公开平台, the 机构 index). */
export interface TypePage {
  /** Site URL of the page, without the path prefix. */
  url: string;
  /** The whole page (shell included: layouts/base.ts). */
  render(ctx: LayoutContext): string;
  /**
   * Everything `render` uses besides what it reads from `ctx` (the organ, the list … it closes
   * over). With it the build cache can compare the page between builds by these values' digest
   * (src/build/cache/digest.ts); without it the page is rendered on every build.
   */
  inputs?: readonly unknown[];
  /** Found by search as well (a 年报, a 公开指南: documents readers look for by name). */
  search?: SearchEntry;
}

/**
 * What the search index keeps of a page that is no record's own (src/search/search-pages.ts):
 * the title it shows as its heading, its date and the filters it is counted under.
 */
export interface SearchEntry {
  title: string;
  /** "2026-01-20 09:30", or "" when undated (it sorts last, with the topic pages). */
  date: string;
  /** Filter key → value: `type` (类型) always; `year`, `department` when it has one. */
  filters: Readonly<Record<string, string>>;
}

/** An entry of the main navigation. */
export interface NavEntry {
  label: string;
  url: string;
  /** Place among the entries (the types' `nav.order`). */
  order: number;
  /** The `section` of the pages on which the entry is marked current. */
  section: string;
}

/** What `npm run new <type>` needs to know. */
export interface ScaffoldSpec<R> {
  /** Front-matter lines after `title:` (and before `draft: true`). */
  lines(input: ScaffoldInput): string[];
  /** Sub-folder of the type's folder for a new file ("" for the folder itself): "2026". */
  folder(input: ScaffoldInput): string;
  /**
   * The whole file path under content/, for types whose file name is fixed by something else (a
   * topic's key, a report's year); throws ScaffoldError when it cannot be made.
   */
  path?(input: ScaffoldInput): string;
  /** Markdown body of the new file (default: one placeholder line). */
  body?: string;
  /** Values already used in the content, read by `npm run new` before it scaffolds (索引号). */
  used?(records: readonly R[]): string[];
}

export interface ScaffoldInput {
  site: Site;
  /** The clock in the site's zone: the new item's date. */
  stamp: DateTime;
  /** ASCII file name the editor asked for, without .md. */
  name?: string;
  /** Absolute path of content/. */
  contentDir: string;
  /** What `used` returned for the content as it is. */
  used: readonly string[];
}
