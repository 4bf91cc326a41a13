/** 网站地图: every section and column, for people and inspectors. */
import { html, type Html } from "../src/html/html.ts";
import { urls } from "../src/portal/urls.ts";
import { inNavOrder, type SitemapSection } from "../src/content-types/spec.ts";
import { talliesUrls } from "../src/tallies/urls.ts";
import type { LayoutContext } from "../src/view/context.ts";
import { basePage } from "./base.ts";

/** Each content type's section (in navigation order) with the links other types add to it, then 统计 and help. */
export function sitemapSections(ctx: LayoutContext): SitemapSection[] {
  const { portal } = ctx;
  const types = inNavOrder(portal.types);
  const added = portal.types.flatMap((t) => (t.sitemapLinks ? [t.sitemapLinks(ctx)] : []));
  return [
    ...types.flatMap((t) => {
      if (!t.sitemap) return [];
      const section = t.sitemap(ctx);
      const more = added.filter((a) => a.into === t.section).flatMap((a) => a.links);
      return [{ ...section, children: [...section.children, ...more] }];
    }),
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
        // Links added into a section no type of this build has (意见征集 into "interaction") are not lost.
        ...added.filter((a) => !types.some((t) => t.sitemap && t.section === a.into)).flatMap((a) => a.links),
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
