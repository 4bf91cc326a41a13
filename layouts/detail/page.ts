/** A plain page. */
import { html, raw, type Html } from "../../src/html/html.ts";
import type { RecordOf } from "../../src/content/types.ts";

export function plainBody(r: RecordOf<"page">, bodyHtml: string): Html {
  return html`<article class="article page">
<header class="article-header"><h1>${r.fields.title}</h1>${r.dateText ? html`<p class="article-info"><span>更新时间：<time>${r.dateText}</time></span><button type="button" class="print-button" data-print hidden>打印本页</button></p>` : ""}</header>
<div class="article-body">${raw(bodyHtml)}</div>
</article>`;
}
