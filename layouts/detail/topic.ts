/** A topic (专题): its page's introduction above the tagged items, and the topic cards of the home page. */
import { html, type Html } from "../../src/html/html.ts";
import type { RecordOf } from "../../src/content/types.ts";
import { urls } from "../../src/portal/urls.ts";
import type { LayoutContext } from "../../src/view/context.ts";
import { previewNotice } from "../parts/article.ts";
import { contentImage } from "../parts/image.ts";

export function topicIntro(ctx: LayoutContext, page: RecordOf<"topic">): Html {
  const f = page.fields;
  return html`${ctx.preview ? previewNotice(f.draft, page.publishedAt > ctx.preview.now) : ""}<div class="topic-intro" data-search-body>${f.banner ? contentImage(ctx, f.banner, { className: "topic-banner" }) : ""}${f.summary ? html`<p class="lead">${f.summary}</p>` : ""}<div class="article-body">${ctx.markdown(page.body)}</div><h2>相关信息</h2></div>`;
}

export function topicHomeBlock(ctx: LayoutContext): Html {
  const topics = ctx.site.topics.filter((t) => t.group === "专题");
  return html`<section class="home-block" aria-labelledby="home-topics">
<h2 id="home-topics">专题专栏</h2>
<ul class="topic-cards">${topics.map((t) => html`<li><a href="${ctx.href(urls.topic(t.key))}">${t.name}</a></li>`)}</ul>
<p class="more"><a href="${ctx.href(urls.topics)}">全部专题</a></p>
</section>`;
}
