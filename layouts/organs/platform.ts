/**
 * An organ's 公开平台 (国办公开办函〔2019〕61号): the four first-level columns 政府信息公开指南,
 * 政府信息公开制度, 法定主动公开内容 and 政府信息公开年报, with its own 目录; and the pages of the
 * first three.
 */
import { html, type Html } from "../../src/html/html.ts";
import type { LayoutContext, Crumb } from "../../src/view/context.ts";
import type { Organ } from "../../src/organs/platform.ts";
import { categoryItems } from "../../src/organs/category-items.ts";
import { article20 } from "../../src/organs/article-20.ts";
import { organUrls } from "../../src/organs/urls.ts";
import { basePage } from "../base.ts";

export const SECTION = "policies";

export const hubCrumb: Crumb = { label: "政府信息公开", url: organUrls.hub };

export const platformCrumbs = (organ: Organ): Crumb[] => [
  hubCrumb,
  { label: `${organ.record.fields.title}公开平台`, url: organUrls.platform(organ.key) },
];

/** The four columns of 61号, in its order, with the organ's 目录 alongside. */
export function platformColumns(organ: Organ): { label: string; url: string; note: string }[] {
  return [
    { label: "政府信息公开指南", url: organUrls.guide(organ.key), note: "分类与编排、获取方式、工作机构" },
    { label: "政府信息公开制度", url: organUrls.rules(organ.key), note: "本机关政府信息公开工作制度" },
    { label: "法定主动公开内容", url: organUrls.statutory(organ.key), note: "《条例》第二十条规定的内容" },
    { label: "政府信息公开年报", url: organUrls.reports(organ.key), note: "年度报告及统计数据" },
  ];
}

function page(
  ctx: LayoutContext,
  organ: Organ,
  title: string,
  url: string,
  crumbs: Crumb[],
  main: Html,
): string {
  return basePage(
    ctx,
    {
      title,
      url,
      section: SECTION,
      breadcrumbs: crumbs,
      column: { name: title, type: "政府信息公开平台" },
      bodyClass: "platform-page",
    },
    main,
  );
}

export function platformIndexPage(ctx: LayoutContext, organ: Organ): string {
  const f = organ.record.fields;
  const title = `${f.title}政府信息公开平台`;
  const main = html`<h1>${title}</h1>
<ul class="entry-list platform-columns">${platformColumns(organ).map(
    (c) => html`<li><a href="${ctx.href(c.url)}">${c.label}</a><span class="note">${c.note}</span></li>`,
  )}</ul>
<p class="platform-more"><a href="${ctx.href(organUrls.catalogue(organ.key))}">${f.title}政府信息公开目录</a> · <a href="${ctx.href(organUrls.organ(organ.key))}">机构职能和领导信息</a></p>`;
  return page(ctx, organ, title, organUrls.platform(organ.key), [hubCrumb, { label: title }], main);
}

/** The 指南's heading, as its page and its search result show it. */
export const guideTitle = (organ: Organ): string => `${organ.record.fields.title}政府信息公开指南`;

/** 指南: the 第十二条 elements, in the order the article lists them. */
export function guidePage(ctx: LayoutContext, organ: Organ): string {
  const f = organ.record.fields;
  const g = f.open_guide ?? {};
  const office = g.office ?? {};
  const title = guideTitle(organ);
  const main = html`<article class="article open-guide">
<h1>${title}</h1>
<section aria-labelledby="g-class"><h2 id="g-class">一、政府信息的分类与编排</h2><div class="article-body">${ctx.markdown(g.classification ?? "")}</div>
<p>本机关主动公开的政府信息见<a href="${ctx.href(organUrls.statutory(organ.key))}">法定主动公开内容</a>和<a href="${ctx.href(organUrls.catalogue(organ.key))}">政府信息公开目录</a>。</p></section>
<section aria-labelledby="g-access"><h2 id="g-access">二、获取方式</h2><div class="article-body">${ctx.markdown(g.access ?? "")}</div></section>
<section aria-labelledby="g-office"><h2 id="g-office">三、政府信息公开工作机构</h2>
<dl class="contact">
<dt>名称</dt><dd>${office.name ?? ""}</dd>
<dt>办公地址</dt><dd>${office.address ?? ""}</dd>
<dt>办公时间</dt><dd>${office.hours ?? ""}</dd>
<dt>联系电话</dt><dd>${office.phone ?? ""}</dd>
<dt>传真号码</dt><dd>${office.fax ?? ""}</dd>
<dt>互联网联系方式</dt><dd>${office.online ?? ""}</dd>
</dl></section>
</article>`;
  return page(
    ctx,
    organ,
    title,
    organUrls.guide(organ.key),
    [...platformCrumbs(organ), { label: "政府信息公开指南" }],
    main,
  );
}

export function rulesPage(ctx: LayoutContext, organ: Organ): string {
  const f = organ.record.fields;
  const title = `${f.title}政府信息公开制度`;
  const main = html`<h1>${title}</h1>
${f.rules.length ? html`<ul class="entry-list">${f.rules.map((r) => html`<li>${r.url ? html`<a href="${ctx.href(r.url)}">${r.title}</a>` : r.title}</li>`)}</ul>` : html`<p>暂无信息。</p>`}`;
  return page(
    ctx,
    organ,
    title,
    organUrls.rules(organ.key),
    [...platformCrumbs(organ), { label: "政府信息公开制度" }],
    main,
  );
}

/** 法定主动公开内容: each configured 第二十条 category with how many items fill it. */
export function statutoryPage(ctx: LayoutContext, organ: Organ): string {
  const f = organ.record.fields;
  const title = `${f.title}法定主动公开内容`;
  const main = html`<h1>${title}</h1>
<p class="lead">按《中华人民共和国政府信息公开条例》第二十条分类。</p>
${
  f.statutory.length
    ? html`<ul class="entry-list statutory">${f.statutory.map((c) => {
        const count = categoryItems(organ, c).length + (c.organ_page ? 1 : 0) + (c.links?.length ?? 0);
        const a = article20(c.name);
        return html`<li><a href="${ctx.href(organUrls.category(organ.key, a.key))}">${a.item}${c.name}</a> <span class="count">（${count}）</span></li>`;
      })}</ul>`
    : html`<p>暂无信息。</p>`
}`;
  return page(
    ctx,
    organ,
    title,
    organUrls.statutory(organ.key),
    [...platformCrumbs(organ), { label: "法定主动公开内容" }],
    main,
  );
}

/** A category's fixed links above its items: the organ's own 机构职能 page, the editor's links. */
export function categoryIntro(
  ctx: LayoutContext,
  organ: Organ,
  category: Organ["record"]["fields"]["statutory"][number],
): Html {
  const links = [
    ...(category.organ_page
      ? [{ title: `${organ.record.fields.title}机构职能和领导信息`, url: organUrls.organ(organ.key) }]
      : []),
    ...(category.links ?? []),
  ];
  return links.length
    ? html`<ul class="entry-list category-links">${links.map((l) => html`<li><a href="${ctx.href(l.url)}">${l.title}</a></li>`)}</ul>`
    : html``;
}
