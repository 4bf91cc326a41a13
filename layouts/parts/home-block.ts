/** A home-page block: a heading, the newest items as a list, and a link to all of them. */
import { html, type Html } from "../../src/html/html.ts";
import type { AnyRecord } from "../../src/content-types/spec.ts";
import type { LayoutContext } from "../../src/view/context.ts";
import { previewBadge } from "./article.ts";

export function homeBlock(
  ctx: LayoutContext,
  id: string,
  title: string,
  more: string,
  items: readonly AnyRecord[],
): Html {
  return html`<section class="home-block" aria-labelledby="${id}">
<h2 id="${id}">${title}</h2>
${items.length ? html`<ul class="item-list">${items.map((r) => html`<li><a href="${ctx.href(r.url)}">${r.fields.title}</a>${previewBadge(ctx, r)}<time>${r.day}</time></li>`)}</ul>` : html`<p class="empty">暂无内容。</p>`}
<p class="more"><a href="${ctx.href(more)}">更多${title}</a></p>
</section>`;
}
