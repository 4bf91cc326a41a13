/**
 * 机构 page of one organ: 机构职能 (主要职责, 内设机构, 联系方式), its current 负责人, and 历任领导
 * (former leaders with their terms, names only: no photo, 分工 or 简历, which belong to the office).
 */
import { html, raw, type Html } from "../../src/html/html.ts";
import type { LayoutContext } from "../../src/view/context.ts";
import type { Leader } from "../../src/content/organ.ts";
import {
  currentLeaders,
  formerLeaders,
  organKeyOf,
  organNamed,
  type OrganRecord,
} from "../../src/organs/platform.ts";
import { organUrls } from "../../src/organs/urls.ts";
import { formatDay } from "../../src/portal/dates.ts";
import { contentImage } from "../parts/image.ts";
import { summaryLead } from "../parts/article.ts";

/** 办公地址, 办公时间, 电话, 传真, 邮箱, 网址: the ones the organ has. */
export function contactList(ctx: LayoutContext, f: OrganRecord["fields"]): Html {
  const rows: [string, Html | string | undefined][] = [
    ["办公地址", f.address],
    ["办公时间", f.hours],
    ["电话", f.phone],
    ["传真", f.fax],
    ["邮箱", f.email && html`<a href="mailto:${f.email}">${f.email}</a>`],
    ["网址", f.website && html`<a href="${ctx.href(f.website)}">${f.website}</a>`],
  ];
  return html`<dl class="contact organ-contact">${rows
    .filter(([, v]) => v !== undefined && v !== "")
    .map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>`;
}

function leaderCard(ctx: LayoutContext, leader: Leader, n: number): Html {
  const id = `leader-${n}`;
  return html`<li class="leader" aria-labelledby="${id}">
${contentImage(ctx, leader.photo, { className: "leader-photo", lazy: true })}
<div class="leader-text">
<h3 id="${id}">${leader.name}</h3>
<p class="leader-position">${leader.position}</p>
${leader.duties ? html`<p><span class="label">分工：</span>${leader.duties}</p>` : ""}
<p><span class="label">任职时间：</span><time>${formatDay(leader.from, ctx.site.timeZone)}</time>起</p>
${leader.resume ? html`<div class="leader-resume"><span class="label">简历：</span>${ctx.markdown(leader.resume)}</div>` : ""}
</div></li>`;
}

/** The current leaders (a former leader, one with `to`, is on no current page). */
export function leaderList(ctx: LayoutContext, record: OrganRecord): Html {
  const leaders = currentLeaders(record);
  return html`<section class="leaders" aria-labelledby="leaders-h"><h2 id="leaders-h">领导信息</h2>
${leaders.length ? html`<ul class="leader-list">${leaders.map((l, i) => leaderCard(ctx, l, i + 1))}</ul>` : html`<p>暂无负责人信息。</p>`}
</section>`;
}

/** 历任领导: a former leader is here only, never in 领导信息 or on any other page. */
export function formerLeaderList(ctx: LayoutContext, record: OrganRecord): Html {
  const former = formerLeaders(record);
  if (!former.length) return html``;
  const day = (ms: number) => formatDay(ms, ctx.site.timeZone);
  return html`<section class="former-leaders" aria-labelledby="former-h"><h2 id="former-h">历任领导</h2>
<ul class="former-leader-list">${former.map(
    (l) =>
      html`<li><span class="former-name">${l.name}</span> ${l.position}（<time>${day(l.from)}</time> 至 <time>${day(l.to)}</time>）</li>`,
  )}</ul>
</section>`;
}

export function organBody(ctx: LayoutContext, r: OrganRecord, bodyHtml: string): Html {
  const f = r.fields;
  const key = organKeyOf(r);
  const parent = f.parent ? organNamed(ctx.portal, f.parent) : undefined;
  return html`<article class="article organ">
<header class="article-header"><h1>${f.title}</h1>
<p class="article-info"><span>机构类型：${f.kind}</span>${parent ? html` <span>上级机关：<a href="${ctx.href(organUrls.organ(parent.key))}">${parent.record.fields.title}</a></span>` : ""}</p></header>
${summaryLead(f.summary)}
<p class="organ-platform-link"><a href="${ctx.href(organUrls.platform(key))}">${f.title}政府信息公开平台</a></p>
<section aria-labelledby="duties-h"><h2 id="duties-h">主要职责</h2><div class="article-body">${raw(bodyHtml)}</div></section>
${f.units.length ? html`<section aria-labelledby="units-h"><h2 id="units-h">内设机构</h2><dl class="organ-units">${f.units.map((u) => html`<dt>${u.name}</dt><dd>${u.duties ?? ""}</dd>`)}</dl></section>` : ""}
<section aria-labelledby="contact-h"><h2 id="contact-h">联系方式</h2>${contactList(ctx, f)}</section>
${leaderList(ctx, r)}
${formerLeaderList(ctx, r)}
</article>`;
}
