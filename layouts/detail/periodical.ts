/** A periodical issue: its contents and the PDF. */
import { html, raw, type Html } from "../../src/html/html.ts";
import type { RecordOf } from "../../src/content/types.ts";
import type { LayoutContext } from "../../src/view/context.ts";
import { articleHeader } from "../parts/article.ts";
import { contentImage } from "../parts/image.ts";

export function periodicalBody(ctx: LayoutContext, r: RecordOf<"periodical">, bodyHtml: string): Html {
  const f = r.fields;
  return html`<article class="article periodical">
${articleHeader(f.title, f.periodical, r.dateText, html`<span>第 ${f.issue} 期</span>`)}
${f.cover ? contentImage(ctx, f.cover, { className: "periodical-cover" }) : ""}
<p class="download"><a class="button" href="${ctx.href(f.pdf)}" download>下载本期 PDF</a></p>
${f.summary ? html`<section aria-labelledby="toc-h"><h2 id="toc-h">本期要目</h2><p>${f.summary}</p></section>` : ""}
<div class="article-body">${raw(bodyHtml)}</div>
</article>`;
}
