/** How one record appears in a list, by list style. */
import { html, type Html } from "../../src/html/html.ts";
import type { ContentRecord } from "../../src/content/types.ts";
import { specOf } from "../../src/content-types/spec.ts";
import type { LayoutContext } from "../../src/view/context.ts";
import type { ListStyle } from "../../src/view/list-data.ts";
import { previewBadge } from "./article.ts";
import { sharedRows } from "../../src/view/shared-parts.ts";

const plainRow = (ctx: LayoutContext, r: ContentRecord): Html =>
  html`<li><a href="${ctx.href(r.url)}">${r.fields.title}</a>${previewBadge(ctx, r)}<time>${r.day}</time></li>`;

const typedRow = (ctx: LayoutContext, r: ContentRecord): Html =>
  html`<li><a href="${ctx.href(r.url)}">${r.fields.title}</a>${previewBadge(ctx, r)}<span class="item-kind">${specOf(ctx.portal.types, r.type).label}</span><time>${r.day}</time></li>`;

// Each record's row made once per build (sharedRows): a record is in ~8 lists at 10k items.
function plainRows(ctx: LayoutContext, items: readonly ContentRecord[], showType: boolean): Html {
  const kind = showType ? "typed" : "plain";
  const row = showType ? typedRow : plainRow;
  return html`<ul class="item-list">${sharedRows(ctx, kind, items, row)}</ul>`;
}

export function rows(ctx: LayoutContext, style: ListStyle, items: readonly ContentRecord[]): Html {
  if (!items.length) return html`<p class="empty">本栏目暂无内容。</p>`;
  const spec = ctx.portal.types.find((t) => t.type === style);
  if (spec?.listRows) return spec.listRows(ctx, items);
  return plainRows(ctx, items, style === "mixed");
}
