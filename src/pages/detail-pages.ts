/**
 * One page per published record of a type with a detail page (src/content-types/: its layout,
 * breadcrumbs and article meta). A single paginated template, so Eleventy's work stays linear in
 * the number of items.
 */
import type { ContentRecord } from "../content/types.ts";
import type { LayoutContext, PageMeta } from "../view/context.ts";
import { basePage } from "../../layouts/base.ts";
import { previewNotice } from "../../layouts/parts/article.ts";
import { overridesOf } from "../../layouts/overrides.ts";
import { specOf } from "../content-types/spec.ts";
import { html } from "../html/html.ts";
import type { StateRef } from "../eleventy/state.ts";
import { onePagePer } from "./paginated.ts";

/**
 * The detail pages' name among the portal's page sources (src/build/default-pages.ts): the render
 * workers (src/build/parallel/) write these pages, and know them by it without the source list.
 */
export const DETAIL_SOURCE = "details";

/**
 * The meta description of an item without a summary (search engines and shared links show it):
 * what its type declares, otherwise the start of its text, about 120 characters.
 */
function describe(bodyHtml: string, title: string): string {
  const text = bodyHtml
    .replace(/<[^>]+>/g, " ")
    .replace(/&[a-z#0-9]+;/gi, " ")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > 120 ? `${text.slice(0, 120)}…` : text || title;
}

export function renderDetail(ctx: LayoutContext, r: ContentRecord, now: number): string {
  const spec = specOf(ctx.portal.types, r.type);
  const detail = spec.detail;
  if (!detail) throw new Error(`${r.type} records have no detail page`);
  const f = r.fields;
  const article = detail.article?.(r);
  const bodyHtml = ctx.markdown(r.body).value;
  const meta: PageMeta = {
    title: f.title,
    url: r.url,
    section: detail.section?.(r) ?? spec.section,
    description: f.summary ?? detail.description?.(r) ?? describe(bodyHtml, f.title),
    breadcrumbs: [...detail.crumbs(ctx, r), { label: f.title }],
    article: article && { title: f.title, pubDate: r.dateText, ...article },
    bodyClass: `detail-page ${r.type}-page`,
    canonical: r.canonical,
  };
  const notice = previewNotice(f.draft, r.publishedAt > now);
  const own = overridesOf(ctx).detail?.[r.type];
  const main = own
    ? own(ctx, r, bodyHtml, () => detail.layout(ctx, r, bodyHtml))
    : detail.layout(ctx, r, bodyHtml);
  return basePage(ctx, meta, html`${notice}${main}`);
}

/** A record's detail page as the build writes it (a render worker calls this too: src/build/parallel/). */
export function renderDetailPage(ctx: LayoutContext, record: ContentRecord): string {
  // Only a preview publishes scheduled items, so only a preview's pages depend on the clock
  // (which keeps production pages reusable by the build cache, src/build/cache/).
  return renderDetail(ctx, record, ctx.preview ? ctx.preview.now : Number.POSITIVE_INFINITY);
}

export class DetailPages {
  constructor(private readonly state: StateRef) {}

  data() {
    return onePagePer("gongkai.details", "record");
  }

  render(data: { record: ContentRecord }): string {
    return renderDetailPage(this.state.current.ctx, data.record);
  }
}
