/**
 * The pages the search index holds, and where their text comes from: every detail page, every
 * topic page (专题) and the documents readers look for by name though no record is theirs (the
 * annual reports 年度报告 of the site and of each organ, each organ's 公开指南, the 政府网站工作年度
 * 报表, 联系我们, 互动交流's channels), each with the visible text of its rendered HTML (visible-text.mjs).
 *
 * The full build has just written the pages, so the text is read back from them. Elsewhere (the
 * dev server writes its index beside the served folder) a page missing from `pagesDir` is
 * rendered in memory by the same template, so the text is still the page's own.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { ContentRecord } from "../content/types.ts";
import type { BuildState } from "../eleventy/state.ts";
import { outputFileOf } from "../eleventy/virtual-pages.ts";
import { renderDetail } from "../pages/detail-pages.ts";
import { urls } from "../portal/urls.ts";
import { ListPages } from "../pages/list-pages.ts";
import { visibleText } from "./visible-text.mjs";
import { annualReportDocuments } from "../pages/statistics-pages.ts";
import { typePagesOf } from "../pages/type-pages.ts";
import { websiteReportPageData } from "../pages/website-report-pages.ts";
import { contactDocument } from "../pages/contact-document.ts";
import { interactionDocument } from "../pages/interaction-document.ts";

export interface SearchPage {
  /** Without the path prefix (Pagefind adds the folder above the bundle). */
  url: string;
  title: string;
  /** A detail page's record, or a topic page's own record when it has one. */
  record?: ContentRecord;
  /** The topic a topic page lists. */
  topic?: string;
  /** A page no record is the page of (a 年报, a 公开指南): the filters it is counted under. */
  filters?: Readonly<Record<string, string>>;
  /** Sort key: "2025-03-12 09:30", or "" when undated. */
  date: string;
  /** Renders the page's HTML when it is not on disk. */
  render: () => string;
}

/**
 * A detail page: its fields are its record's, its HTML rendered by the detail template on demand.
 * A class, not an object with a closure per page: ~50k pages every build, where the closures
 * (and tsx's naming of each) were most of this function's time.
 */
class DetailSearchPage implements SearchPage {
  readonly url: string;
  readonly date: string;
  constructor(
    private readonly state: BuildState,
    readonly record: ContentRecord,
  ) {
    this.url = record.url;
    this.date = record.dateText;
  }
  /**
   * Read from its record when asked: after one edit only the pages of the shards keyed again
   * are asked, so the other ~50k records' `fields` stay unread (src/build/cache/search-proof.ts).
   */
  get title(): string {
    return this.record.fields.title;
  }
  /** Its title is its record's by construction (search-proof.ts `ownPage` reads neither). */
  get titleOfRecord(): true {
    return true;
  }
  render(): string {
    return renderDetail(this.state.ctx, this.record, this.state.now);
  }
}

/** Every indexed page, newest first (shards are cut from this order). */
export function searchPagesOf(state: BuildState): SearchPage[] {
  const pages: SearchPage[] = state.details.map((r) => new DetailSearchPage(state, r));
  const topicRecords = new Map(state.portal.byType.topic.map((t) => [t.fields.topic, t]));
  for (const topic of state.portal.site.topics) {
    const list = state.lists.find((l) => l.url === urls.topic(topic.key));
    if (!list) continue;
    const record = topicRecords.get(topic.name);
    pages.push({
      url: list.url,
      title: list.title,
      record,
      topic: topic.name,
      date: record?.dateText ?? "",
      render: () => new ListPages({ current: state }).render({ list }),
    });
  }
  pages.push(...documentPages(state));
  // Stable: records keep their order among equal dates.
  return pages.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

/**
 * The site's annual reports, the organs' 年报 and 指南, the 年度报表, 联系我们, 互动交流: pages with a
 * `search` entry.
 * Undated, even a report with a 发布日期: an undated page sorts last, so they share the last shard
 * with the topic pages, and the shards of detail pages stay provable from their records' digests
 * (search-proof.ts) instead of being keyed in every build.
 */
function documentPages(state: BuildState): SearchPage[] {
  const { ctx } = state;
  const pages: SearchPage[] = [];
  // Walked in place: the types' pages are thousands at 50k items (the organs' lists), a few are documents.
  for (const source of [
    annualReportDocuments(state),
    typePagesOf(state),
    websiteReportPageData(state).reports,
    [contactDocument(), interactionDocument(state)],
  ])
    for (const page of source)
      if (page.search) pages.push({ url: page.url, ...page.search, render: () => page.render(ctx) });
  return pages;
}

/** The page's visible text, from the written page in `pagesDir` or else rendered now. */
export function searchTextOf(page: SearchPage, pagesDir: string): string {
  const file = path.join(pagesDir, outputFileOf(page.url));
  return visibleText(existsSync(file) ? readFileSync(file, "utf8") : page.render());
}
