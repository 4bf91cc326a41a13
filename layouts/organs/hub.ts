/**
 * 政府信息公开 (the hub in the main navigation): the portal's 指南, 制度, 法定主动公开内容, 目录,
 * 年报 and 依申请公开, then every organ's 公开平台; and 机构, the list of organs.
 */
import { html, type Html } from "../../src/html/html.ts";
import type { LayoutContext } from "../../src/view/context.ts";
import { organsInOrder, type Organ } from "../../src/organs/platform.ts";
import { organUrls } from "../../src/organs/urls.ts";
import { urls } from "../../src/portal/urls.ts";
import { talliesUrls } from "../../src/tallies/urls.ts";
import { ORGAN_KINDS } from "../../src/content/organ.ts";
import { basePage } from "../base.ts";
import { SECTION } from "./platform.ts";

type Link = { label: string; url: string; download?: boolean };

/**
 * These pages show the organs, not their items: taken from the organ records alone
 * (`organsInOrder`), a page the build cache traces reads no other record.
 */
type OrganEntry = Omit<Organ, "items">;

function linkList(ctx: LayoutContext, links: readonly Link[]): Html {
  return html`<ul class="entry-list">${links.map(
    (l) => html`<li><a href="${ctx.href(l.url)}"${l.download ? html` download` : ""}>${l.label}</a></li>`,
  )}</ul>`;
}

function block(id: string, title: string, body: Html): Html {
  return html`<section class="hub-block" aria-labelledby="${id}"><h2 id="${id}">${title}</h2>${body}</section>`;
}

/** The government's own organ: its platform is the portal's 指南, 制度 and 法定主动公开内容. */
export const governmentOf = <O extends OrganEntry>(organs: readonly O[]): O | undefined =>
  organs.find((o) => o.record.fields.kind === "人民政府");

export function hubPage(ctx: LayoutContext, summaryYears: readonly number[]): string {
  const { portal } = ctx;
  const organs = organsInOrder(portal);
  const gov = governmentOf(organs);
  const requests = gov?.record.fields.requests;
  const reportYears = [...portal.reports.keys()].sort((a, b) => b - a);
  const main = html`<h1>政府信息公开</h1>
<div class="hub">
${gov ? block("hub-guide", "政府信息公开指南", linkList(ctx, [{ label: `${gov.record.fields.title}政府信息公开指南`, url: organUrls.guide(gov.key) }])) : ""}
${gov ? block("hub-rules", "政府信息公开制度", linkList(ctx, [{ label: "政府信息公开制度", url: organUrls.rules(gov.key) }])) : ""}
${gov ? block("hub-statutory", "法定主动公开内容", linkList(ctx, [{ label: "法定主动公开内容", url: organUrls.statutory(gov.key) }])) : ""}
${block(
  "hub-catalogue",
  "政府信息公开目录",
  linkList(ctx, [
    { label: "政府信息公开目录（政策文件）", url: urls.policies },
    { label: "政策解读", url: urls.interpretations },
  ]),
)}
${block(
  "hub-reports",
  "政府信息公开年报",
  linkList(ctx, [
    ...reportYears.map((y) => ({ label: `${y}年政府信息公开工作年度报告`, url: talliesUrls.report(y) })),
    ...[...summaryYears]
      .reverse()
      .map((y) => ({ label: `${y}年各机关政府信息公开数据汇总`, url: organUrls.summary(y) })),
    { label: "政务公开统计", url: talliesUrls.statistics },
  ]),
)}
${
  requests
    ? block(
        "hub-requests",
        "依申请公开",
        linkList(ctx, [
          ...(requests.guide ? [{ label: "依申请公开办事指南", url: requests.guide }] : []),
          ...(requests.form
            ? [
                {
                  label: `政府信息公开申请表（${requests.form.split(".").pop()?.toUpperCase()}，下载）`,
                  url: requests.form,
                  download: true,
                },
              ]
            : []),
          ...(requests.channel ? [{ label: "网上申请", url: requests.channel }] : []),
        ]),
      )
    : ""
}
</div>
${block("hub-platforms", "各机关政府信息公开平台", platformList(ctx, organs))}`;
  return basePage(
    ctx,
    {
      title: "政府信息公开",
      url: organUrls.hub,
      section: SECTION,
      breadcrumbs: [{ label: "政府信息公开" }],
      column: { name: "政府信息公开", type: "政府信息公开" },
      bodyClass: "hub-page",
    },
    main,
  );
}

/** The organs grouped by 机构类型, each linking to `url(organ)`. */
function grouped(
  ctx: LayoutContext,
  organs: readonly OrganEntry[],
  item: (o: OrganEntry) => Html,
  level: 2 | 3,
): Html {
  return html`${ORGAN_KINDS.map((kind) => {
    const ofKind = organs.filter((o) => o.record.fields.kind === kind);
    return ofKind.length
      ? html`${level === 2 ? html`<h2>${kind}</h2>` : html`<h3>${kind}</h3>`}<ul class="entry-list organ-list">${ofKind.map((o) => html`<li>${item(o)}</li>`)}</ul>`
      : "";
  })}`;
}

function platformList(ctx: LayoutContext, organs: readonly OrganEntry[]): Html {
  return grouped(
    ctx,
    organs,
    (o) => html`<a href="${ctx.href(organUrls.platform(o.key))}">${o.record.fields.title}</a>`,
    3,
  );
}

export function organsIndexPage(ctx: LayoutContext): string {
  const organs = organsInOrder(ctx.portal);
  const main = html`<h1>机构</h1>
<p class="lead">本级人民政府、政府部门和乡镇（街道）的机构职能、联系方式和领导信息。</p>
${grouped(ctx, organs, (o) => html`<a href="${ctx.href(organUrls.organ(o.key))}">${o.record.fields.title}</a>${o.record.fields.summary ? html`<span class="note">${o.record.fields.summary}</span>` : ""}`, 2)}`;
  return basePage(
    ctx,
    {
      title: "机构",
      url: organUrls.organs,
      section: "organs",
      breadcrumbs: [{ label: "机构" }],
      column: { name: "机构", type: "机构职能" },
      bodyClass: "organs-page",
    },
    main,
  );
}
