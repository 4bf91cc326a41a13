/**
 * A news item's page. Its summary is shown (as on video, interview and guide pages): the home
 * page's 头条 shows it, and a reader who searches its words lands here.
 */
import { html, raw, type Html } from "../../src/html/html.ts";
import type { RecordOf } from "../../src/content/types.ts";
import type { LayoutContext } from "../../src/view/context.ts";
import { articleHeader, attachmentList, summaryLead, topicTags } from "../parts/article.ts";
import { contentImage } from "../parts/image.ts";

export function newsBody(ctx: LayoutContext, r: RecordOf<"news">, bodyHtml: string): Html {
  const f = r.fields;
  return html`<article class="article">
${articleHeader(f.title, f.source, r.dateText, f.author ? html`<span>编辑：${f.author}</span>` : "")}
${summaryLead(f.summary)}
${f.cover ? html`<figure class="cover">${contentImage(ctx, f.cover)}<figcaption>${f.cover.alt}</figcaption></figure>` : ""}
<div class="article-body">${raw(bodyHtml)}</div>
${attachmentList(ctx, f.attachments)}
${topicTags(ctx, f.topics)}
</article>`;
}
