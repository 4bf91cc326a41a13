/** 专题专栏: the special topics with pages, and the topic tags with their item counts. */
import { html } from "../src/html/html.ts";
import { urls } from "../src/portal/urls.ts";
import type { LayoutContext } from "../src/view/context.ts";
import { basePage } from "./base.ts";

export function topicsIndexPage(ctx: LayoutContext): string {
  const { site, portal } = ctx;
  const groups = ["专题", "重大民生", "热点"] as const;
  const main = html`<h1>专题专栏</h1>
${groups.map((group) => {
  const topics = site.topics.filter((t) => t.group === group);
  if (!topics.length) return "";
  return html`<section aria-labelledby="tg-${group}"><h2 id="tg-${group}">${group === "专题" ? "专题" : `${group}信息`}</h2><ul class="topic-cards">${topics.map(
    (t) =>
      html`<li><a href="${ctx.href(urls.topic(t.key))}">${t.name} <span class="count">(${portal.byTopic.get(t.name)?.length ?? 0})</span></a></li>`,
  )}</ul></section>`;
})}`;
  return basePage(
    ctx,
    {
      title: "专题专栏",
      url: urls.topics,
      section: "topics",
      breadcrumbs: [{ label: "专题专栏" }],
      column: { name: "专题专栏", type: "专题" },
    },
    main,
  );
}
