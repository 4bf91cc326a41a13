/** 网站地图: every section and column, for people and inspectors. */
import { html, type Html } from "../src/html/html.ts";
import { urls, VALIDITY_KEYS } from "../src/portal/urls.ts";
import { talliesUrls } from "../src/tallies/urls.ts";
import type { LayoutContext } from "../src/view/context.ts";
import { basePage } from "./base.ts";

export interface SitemapSection {
  title: string;
  url: string;
  children: { label: string; url: string }[];
}

export function sitemapSections(ctx: LayoutContext): SitemapSection[] {
  const { site, portal } = ctx;
  // The same lists the catalogue pages generate: departments appear once they have published something.
  const issuers = site.departments.filter((d) =>
    portal.byType.policy.some((p) => p.fields.issuer === d.name),
  );
  const guideDepartments = site.departments.filter((d) =>
    portal.byType.guide.some((g) => g.fields.department === d.name),
  );
  const validities = Object.keys(VALIDITY_KEYS) as (keyof typeof VALIDITY_KEYS)[];
  return [
    {
      title: "新闻中心",
      url: urls.news,
      children: site.columns.map((c) => ({ label: c.name, url: urls.column(c.key) })),
    },
    {
      title: "政府信息公开",
      url: urls.policies,
      children: [
        { label: "政府信息公开目录", url: urls.policies },
        { label: "政策解读", url: urls.interpretations },
        ...site.categories.map((c) => ({ label: c.name, url: urls.policyCategory(c.key) })),
        ...issuers.map((d) => ({ label: `发文机关：${d.name}`, url: urls.policyIssuer(d.key) })),
        ...validities.map((v) => ({ label: `${v}文件`, url: urls.policyValidity(v) })),
        ...portal.byType.page.map((p) => ({ label: p.fields.title, url: p.url })),
      ],
    },
    {
      title: "办事服务",
      url: urls.guides,
      children: [
        ...site.guideTypes.map((t) => ({ label: `${t.name}事项`, url: urls.guideType(t.key) })),
        ...guideDepartments.map((d) => ({ label: `实施主体：${d.name}`, url: urls.guideDepartment(d.key) })),
      ],
    },
    {
      title: "视频",
      url: urls.videos,
      children: site.videoKinds.map((k) => ({ label: k.name, url: urls.videoKind(k.key) })),
    },
    {
      title: "专题专栏",
      url: urls.topics,
      children: site.topics.map((t) => ({ label: t.name, url: urls.topic(t.key) })),
    },
    {
      title: "期刊",
      url: urls.periodicals,
      children: site.periodicals.map((p) => ({ label: `《${p.name}》`, url: urls.periodical(p.key) })),
    },
    {
      title: "政务公开统计",
      url: talliesUrls.statistics,
      children: [
        ...[...portal.years]
          .sort((a, b) => b - a)
          .map((year) => ({ label: `${year}年统计表`, url: talliesUrls.statisticsYear(year) })),
        ...[...portal.reports.keys()]
          .sort((a, b) => b - a)
          .map((year) => ({ label: `${year}年政府信息公开工作年度报告`, url: talliesUrls.report(year) })),
        { label: "开放数据（JSON）", url: talliesUrls.openDataJson },
      ],
    },
    {
      title: "互动与帮助",
      url: urls.contact,
      children: [
        { label: "联系我们", url: urls.contact },
        { label: "站内搜索", url: urls.search },
      ],
    },
  ];
}

function accessibilityHelp(): Html {
  return html`<section id="accessibility" aria-labelledby="a11y-h"><h2 id="a11y-h">无障碍与适老化使用说明</h2>
<p>页面顶部的“大字模式”和“高对比度”按钮可放大文字、提高对比度，“特大鼠标”按钮把鼠标指针放大，设置会被记住。未启用脚本时，请使用浏览器自带的缩放（Ctrl 和 + 键）、系统的高对比度设置和系统设置中的鼠标指针大小。</p>
<p>“语音阅读”按钮打开朗读工具条：“朗读正文”用浏览器自带的中文语音朗读本页正文（不经过任何第三方服务），“停止朗读”随时停止。浏览器没有中文语音时会给出提示，此时可在系统中安装中文语音，或使用系统自带的读屏软件（如 Windows“讲述人”、苹果“旁白”）。</p>
<p>全站可仅用键盘操作：Tab 键在链接和按钮间移动，Enter 键打开链接或按下按钮；每页开头的“跳到主要内容”链接可直接跳到正文。</p>
<p>文章、政策文件和办事指南可直接打印（“打印本页”按钮或浏览器的打印功能）：打印时不含导航，附本页网址；办事指南的办理材料打印为可逐项勾选的清单。</p></section>`;
}

export function sitemapPage(ctx: LayoutContext, sections: readonly SitemapSection[]): string {
  const main = html`<h1>网站地图</h1>
<div class="sitemap">${sections.map(
    (s, i) =>
      html`<section aria-labelledby="sm-${i}"><h2 id="sm-${i}"><a href="${ctx.href(s.url)}">${s.title}</a></h2><ul>${s.children.map((c) => html`<li><a href="${ctx.href(c.url)}">${c.label}</a></li>`)}</ul></section>`,
  )}</div>
${accessibilityHelp()}`;
  return basePage(
    ctx,
    {
      title: "网站地图",
      url: urls.sitemap,
      breadcrumbs: [{ label: "网站地图" }],
      column: { name: "网站地图", type: "网站地图" },
    },
    main,
  );
}
