/**
 * The items of adv50's fixture site (adv50-site.ts): shapes no earlier fixture (held36, held39,
 * held40, adv45, adv47, adv48, adv49) held —
 * - look-alikes NFKC leaves apart: the midline ellipsis ⋯ (U+22EF, what Big5-era text, some fonts'
 *   pickers and PDFs give for ……), the two- and three-em dashes ⸺ ⸻ (U+2E3A/2E3B, one character
 *   drawn as —— / ———), box-drawing ── used as a 破折号, vertical presentation forms (︙ ︰ ︱ ︵︶);
 * - Markdown an editor writes: a paragraph indented four spaces (a code block), setext headings,
 *   a line followed by `---` (a setext heading, not a rule), a block quote and a code block inside
 *   a nested list, a table with inline code holding an escaped pipe and a footnote reference, a
 *   reference-style link with a Chinese label and one with no definition, hard breaks (two spaces
 *   and a backslash) inside Chinese text, `&#12288;` indents, `&ensp;`;
 * - raw HTML an editor pastes from Word/WPS/old pages (kept only with allowHtml): `<p align=center>`,
 *   `<center>`, `<font>`, `<span style>`, `<ruby>` with `<rp>`, `<bdo>`, `<address>`, `<pre>` with
 *   `<br>`, `<hr>`, `<h1>` in a body, a `<main>` inside the body;
 * - a policy 解读 news item linking its policy, a video, a letter with a reply, and text appended to a
 *   topic's introduction and a periodical issue.
 */

const news = `---
title: 关于《白桦岭市公共数据开放办法》的解读⋯⋯答记者问
index_no: 11152200MB0000001X/2026-00950
category: 国土资源、能源
issuer: 市自然资源局
written: 2026-05-18
date: 2026-05-18 10:00
kind: 政策解读
form: 文字
validity: 有效
department: 市自然资源局
keywords: [数据开放, 答记者问]
summary: 解读公共数据开放的范围和方式。
interprets: 11152200MB0000001X/2026-00041
---

本文解读[《白桦岭市教育局关于印发招生入学管理办法的通知》][招生办法]，另见[附件一]。

[招生办法]: /policies/2026/bzg-2026-3/

问：开放范围包括哪些⋯⋯哪些数据暂不开放？
答：开放范围⸺包括交通、气象、环境三类；暂不开放的⸻涉及个人隐私的数据。
旧版文件写作──破折号──的样子，竖排引文︙省略︙之后，时间︰九时︱十时，︵括注︶在此。

各镇街要做好数据归集⋯⋯
确保按期完成；平台由市大数据中心建设⸺
市政务服务局负责运营。申请表勾选：☑
同意公开☐
不同意公开。

    一、总体要求（编辑粘贴时带了四个空格的缩进）

工作目标
========

分项任务
--------

全市公共数据开放平台
---

1. 第一层任务
   - 第二层任务
     > 引用在列表中的说明文字
   - 第二层另一项

         缩进代码在列表中

| 字段 | 格式 | 说明 |
| --- | --- | --- |
| 编码 | \`a\\|b\` | 竖线分隔[^表注] |
| 单位 | m²／‰ | 千分比 |

[^表注]: 表注：竖线为英文半角。

全年开放数据1,286万条，GDP核算数据、PM2.5监测数据按月更新，本办法自2026-5-1起施行。

第一行换行两个空格  
第二行紧接，反斜杠\\
第三行结束。

&#12288;&#12288;全角缩进段落，&ensp;半角空格之后。

<p align=center>居中标题文字</p>

<center>老式居中文字</center>

<font color=red>红色字体文字</font>与<span style="color:red">样式文字</span>相连。

<ruby>白<rp>（</rp><rt>bái</rt><rp>）</rp></ruby>桦岭注音。

<bdo dir="rtl">反向文字</bdo>之后。

<address>联系地址：白桦岭市文化路1号</address>

<pre>预排版第一行<br>预排版第二行
预排版　第三行</pre>

<hr>

<h1>正文中的一级标题</h1>

<main>正文中的main元素文字</main>
`;

const video = `---
title: 视频：公共数据开放平台⋯⋯上线演示
date: 2026-05-20 10:00
kind: 视频新闻
department: 市融媒体中心
source: 市融媒体中心
video: /media/video/sample-3.webm
poster: { src: /media/images/poster-business.svg, alt: 平台演示封面⸺数据大厅 }
duration: "01:20"
captions: /media/captions/0320-business-environment-film.vtt
summary: 演示平台的检索、下载和申请功能。
topics: [优化营商环境]
---

解说：打开平台首页⋯⋯点击“数据目录”，即可看到⸺全部开放数据集。
`;

const letter = `---
title: 关于开放数据接口⸺能否提供下载的咨询
kind: 咨询
public: true
date: 2026-06-12 09:30
received: 2026-06-08
received_by: 市政务服务局
replied: 2026-06-12
replied_by: 市政务服务局
---
您好！平台已提供接口下载⋯⋯请登录后在“个人中心──我的申请”中查看。
`;

/** Appended to the sample's 生态文明建设 topic (its introduction) and a periodical issue. */
export const ADV50_APPENDS: Record<string, string> = {
  "topics/ecology.md": `
专题补充：生态保护红线⸺不可逾越⋯⋯
`,
  "periodicals/bhlx/2026-01.md": `
本期补白：数据开放⋯⋯专栏下期刊出⸺敬请关注。编辑部地址︰文化路1号，投稿请注明⸻
“数据开放”专栏⋯⋯
谢谢。
`,
};

export const ADV50_ITEMS: Record<string, string> = {
  "policies/2026/adv50-jd.md": news,
  "videos/2026/adv50-v.md": video,
  "letters/2026/adv50-l.md": letter,
};
