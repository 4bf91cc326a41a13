/**
 * The home page, in order of importance: the 头条 (the latest news marked `headline`), then the rows
 * of blocks of `home.rows` in site.config.ts (by default: 焦点图 beside the news columns as tabs,
 * 办事服务 beside 政府信息公开, policies, 互动交流 and videos, 专题). Blocks keep their own height
 * (no stretched empty boxes); on a phone the rows become one column and tabbed blocks stay short.
 */
import { html, type Html } from "../src/html/html.ts";
import type { RecordOf } from "../src/content/types.ts";
import { defaultRows, type HomeBlock } from "../src/config/home.ts";
import type { LayoutContext } from "../src/view/context.ts";
import { basePage } from "./base.ts";
import { overridesOf } from "./overrides.ts";
import { inNavOrder } from "../src/content-types/spec.ts";
import { isHeadline } from "../src/content/kept-flags.ts";
import { focusBlock, focusItems, newsBlock, policiesBlock, topicsBlock, videosBlock } from "./home/lists.ts";
import { interactionBlock, openGovernmentBlock, servicesBlock } from "./home/entries.ts";

interface Published {
  total: number;
  year?: { year: number; count: number };
}

function headline(ctx: LayoutContext, item: RecordOf<"news"> | undefined): Html | string {
  if (!item) return "";
  return html`<section class="headline" aria-labelledby="h-headline">
<h2 id="h-headline" class="visually-hidden">头条</h2>
<p class="headline-title"><a href="${ctx.href(item.url)}">${item.fields.title}</a></p>
${item.fields.summary ? html`<p class="headline-summary">${item.fields.summary}<time datetime="${item.day}">${item.day}</time></p>` : ""}
</section>`;
}

function ourBlock(
  ctx: LayoutContext,
  block: HomeBlock,
  n: number,
  published: Published,
  top: RecordOf<"news"> | undefined,
): Html {
  switch (block.type) {
    case "focus":
      return focusBlock(ctx, focusItems(ctx, top));
    case "news":
      return newsBlock(ctx, block, n);
    case "policies":
      return policiesBlock(ctx, block, n);
    case "open-government":
      return openGovernmentBlock(ctx, published);
    case "services":
      return servicesBlock(ctx);
    case "interaction":
      return interactionBlock(ctx);
    case "videos":
      return videosBlock(ctx, block);
    case "topics":
      return topicsBlock(ctx);
    case "custom":
      throw new Error(
        `site.config.ts home.rows：自定义区块“${block.name}”需要在 theme.overrides.homeBlocks 中提供`,
      );
  }
}

/**
 * The content types our home blocks show: `home.rows` decides whether they appear. Any other type
 * (one added to the build's list) brings its spec's own block, after the rows.
 */
const SHOWN_BY_BLOCK: Partial<Record<HomeBlock["type"], string>> = {
  focus: "news",
  news: "news",
  policies: "policy",
  services: "guide",
  videos: "video",
  topics: "topic",
};

/** Home blocks of the types none of our blocks can show. */
function otherTypesRow(ctx: LayoutContext): Html | string {
  const shown = new Set(Object.values(SHOWN_BY_BLOCK));
  const blocks = inNavOrder(ctx.portal.types).flatMap((t) => (t.home && !shown.has(t.type) ? [t.home] : []));
  if (!blocks.length) return "";
  return html`<div class="home-row">${blocks.map((home) => html`<div class="cell">${home.blocks(ctx)}</div>`)}</div>`;
}

export function homePage(
  ctx: LayoutContext,
  publishedCount: number,
  thisYear: Published["year"],
  /** Shown under the 头条 (the 政府网站工作年度报表 in January). */
  notice: Html | string = "",
): string {
  const { site, portal } = ctx;
  const published = { total: publishedCount, year: thisYear };
  // The kept flag (kept-flags.ts): the news before the 头条 are not made to read their fields.
  const top = portal.byType.news.find(isHeadline);
  const own = overridesOf(ctx).homeBlocks ?? {};
  const rows = site.home.rows ?? defaultRows(site.columns.map((c) => c.key));
  let n = 0;
  const main = html`<h1 class="visually-hidden">${site.name}门户网站</h1>
${headline(ctx, top)}
${notice}
${rows.map(
  (row) =>
    html`<div class="home-row">${row.map((block) => {
      const index = n++;
      const replacement = own[block.type === "custom" ? block.name : block.type];
      const original = () => ourBlock(ctx, block, index, published, top);
      const inner = replacement ? replacement(ctx, block, original) : original();
      return html`<div class="cell ${block.span}">${inner}</div>`;
    })}</div>`,
)}
${otherTypesRow(ctx)}`;
  return basePage(
    ctx,
    {
      title: site.name,
      url: "/",
      section: "home",
      description: `${site.name}门户网站`,
      column: { name: "首页", type: "首页" },
      feeds: inNavOrder(portal.types).flatMap((t) => t.home?.feeds ?? []),
      bodyClass: "home-page",
      styles: ["/assets/home.css"],
    },
    main,
  );
}
