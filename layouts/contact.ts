/** 联系我们, from the site settings. */
import { html } from "../src/html/html.ts";
import { urls } from "../src/portal/urls.ts";
import type { LayoutContext } from "../src/view/context.ts";
import { basePage } from "./base.ts";

export function contactPage(ctx: LayoutContext): string {
  const { site, portal } = ctx;
  const guide = portal.byType.page.find((p) => p.id === "pages/open-government-guide");
  const main = html`<h1>联系我们</h1>
<dl class="contact">
  <dt>主办单位</dt><dd>${site.sponsor}</dd>
  <dt>通信地址</dt><dd>${site.address}</dd>
  <dt>邮政编码</dt><dd>${site.postcode}</dd>
  <dt>电子邮箱</dt><dd><a href="mailto:${site.email}">${site.email}</a></dd>
  <dt>市民服务热线</dt><dd>${site.hotline}</dd>
  <dt>技术维护</dt><dd>${site.maintainer}</dd>
</dl>
${guide ? html`<p>申请政府信息公开，请阅读<a href="${ctx.href(guide.url)}">${guide.fields.title}</a>。</p>` : ""}`;
  return basePage(
    ctx,
    {
      title: "联系我们",
      url: urls.contact,
      breadcrumbs: [{ label: "联系我们" }],
      column: { name: "联系我们", type: "联系我们" },
    },
    main,
  );
}
