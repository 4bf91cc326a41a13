/**
 * The items of adv49's fixture site (adv49-site.ts): shapes none of held36's, held39's, held40's,
 * adv45's, adv47's or adv48's fixtures held —
 * - text copied from Word/WPS, a Mac or a phone: the object replacement character U+FFFC where an
 *   inline picture or an embedded file was (Chromium draws nothing there), U+2028 (a Word "manual
 *   line break" through some converters), full-width spaces as paragraph indents, a vertical tab (refused by validation, so not in the fixture);
 * - numeric references to 0x80–0x9F that old pages and Word's HTML hold (&#150; for –, &#146; for ’);
 * - numbers typed several ways: money (1,000.50万元 / 1000.5万元 / 壹仟元整), phone numbers with
 *   a full-width hyphen, a figure dash or an em dash, dates 2023-05-06 / 2023.5.6 / 2023年5月6日,
 *   ℃ / °C, Ⅲ / III, Braille blank U+2800 as a filler;
 * - scripts an Inner Mongolian or Xinjiang portal publishes: Mongolian with its vowel separator and
 *   narrow no-break space, Uyghur in Arabic presentation forms (from an old PDF or Word file);
 * - Markdown: 公文 containers (主送机关, 附件说明 with aligned lines, 落款), a link whose text is
 *   its URL, an autolink with a percent-encoded Chinese path, a task-list line, a footnote with a
 *   Chinese label, a table with a short row, a strikethrough, inline code with spaces, raw HTML an
 *   editor pastes (an open and a closed <details>, a comment inside a word, <sub>/<sup>, a styled
 *   span, a table with merged cells), shown as text when raw HTML is off;
 * - page kinds: an organ's 机构职能 page and its 年报 (the sample's 鹿鸣镇, with text appended), a
 *   letter and a guide whose fields hold the new kinds.
 */

const news = `---
title: 关于转发《公共数据开放管理办法（试行）》的通知（WPS复制版）
date: 2026-04-12 10:00
column: 通知公告
source: 市融媒体中心
department: 市生态环境局
---

::: 主送机关
各镇人民政府，各街道办事处，
市政府各部门：
:::

　　现将《公共数据开放管理办法（试行）》转发给你们，请结合实际认真贯彻执行。
　　一、开放范围。签字\uFFFC盖章后的申请表扫描件见下图\uFFFC所示，附件样式以\uFFFC原件为准。

　　二、资金安排。市级安排专项资金1,000.50万元（即1000.5万元，大写壹仟零伍拾万元整），较上年增长12.5％。

第一行文字\u2028第二行文字在同一段落内。

迁移自旧网站：电话0482&#150;7121251，Xi&#146;an&#133;，&#147;十四五&#148;。

咨询电话：0482－7121246，传真0482‒7121247，值班电话0482—7121248，或拨打（0482）7121249。

发布日期2023-05-06，实施日期2023.5.6，截止日期2023年5月6日。

最高气温25℃，最低气温零下3°C；第Ⅲ季度与第III季度；盲文空白⠀填充之后。

蒙古文：ᠮᠣᠩᠭᠣᠯ\u202Fᠤᠨ ᠬᠠᠭᠠᠨ\u180Eᠠ；维吾尔文：ﺋﯘﻳﻐﯘﺭ ﺗﯩﻠﻰ。

详见 [https://www.baihualing.gov.cn/zwgk/2026/t20260412_88.html](https://www.baihualing.gov.cn/zwgk/2026/t20260412_88.html)
与 <https://www.baihualing.gov.cn/%E6%94%BF%E5%8A%A1%E5%85%AC%E5%BC%80/> 及 <shuju@baihualing.gov.cn>。

- [x] 已完成数据目录编制
- [ ] 待完成接口改造

| 序号 | 数据集 | 开放方式 |
| --- | --- | --- |
| 1 | 公交线路 | 无条件开放 |
| 2 | 企业信用 |

~~原定于五月开放~~改为六月开放；使用 \`  gongkai build  \` 命令生成。

开放目录另有说明[^注一]。

[^注一]: 说明：数据每季度更新一次。

<details open><summary>展开的摘要</summary>展开后的正文</details>
<details><summary>收起的摘要</summary>收起后的正文</details>

水分子H<sub>2</sub>O，面积8m<sup>2</sup>，数据<!-- 编者注 -->开放，<span style="display:none">样式隐藏文字</span>。

<table><tr><td rowspan="2">合并单元格</td><td>上行</td></tr><tr><td>下行</td></tr></table>

::: 附件说明
附件：1. 公共数据开放目录
      2. 公共数据开放申请表
:::

::: 落款
白桦岭市生态环境局
2026年4月12日
:::
`;

const letter = `---
title: 关于\uFFFC公交线路数据开放的建议
kind: 建议
public: true
date: 2026-06-10 15:00
received: 2026-06-01
received_by: 市住房和城乡建设局
replied: 2026-06-10
replied_by: 市住房和城乡建设局
summary: 已纳入第二批开放目录。
---
您好！您反映的公交线路数据已纳入第二批开放目录，预计2026年第Ⅲ季度上线。
　　如有疑问请致电0482－7121350。
`;

const guide = `---
title: 公共数据开放申请（WPS复制版）
item_type: 公共服务
department: 市人力资源和社会保障局
date: 2025-05-07 09:00
basis:
  - 《公共数据开放管理办法（试行）》第十二条
conditions:
  - 申请人须签字\uFFFC盖章
materials:
  - { name: "数据使用承诺书", form: 原件, copies: 1, required: true, note: "金额单位：万元（保留两位小数，如1,000.50）" }
process:
  - 登录平台提交申请。
location: 白桦岭市政务服务中心　三楼　东侧
hours: 工作日 8:30－12:00
legal_days: 20
promised_days: 5
fee: { charged: false }
phone: "0482-7121246"
complaint_phone: "0482-7125646"
---

办理温度要求：机房温度18℃～25℃。
`;

/** Appended to the sample's 鹿鸣镇 (its 机构职能 page) and its 2025 年报: the organ and report pages with the new kinds. */
export const ADV49_APPENDS: Record<string, string> = {
  "organs/luming.md": `
镇政府驻地海拔1020m，年均气温零下1.8℃；签字\uFFFC盖章的文件以原件为准。蒙古文名称：ᠪᠤᠭᠤ\u202Fᠶᠢᠨ ᠰᠤᠮᠤ。
`,
  "reports/luming/2025.md": `
## 七、补充说明（WPS复制）

　　全年收取信息处理费1,200.00元（即1200元，大写壹仟贰佰元整）；申请表须签字\uFFFC盖章。
`,
};

export const ADV49_ITEMS: Record<string, string> = {
  "news/2026/adv49-n.md": news,
  "letters/2026/adv49-l.md": letter,
  "guides/adv49-g.md": guide,
};
