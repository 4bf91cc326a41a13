/**
 * The items of held40's fixture site (held40-site.ts; test/search/held40-kinds.test.ts builds them
 * too): kinds neither held36's nor held39's lists held — NFKC's compatibility forms (⑴ ㈠ Ⅷ ㎡ ℃ ½,
 * Kangxi radicals, half-width katakana, enclosed and squared letters), characters outside the BMP in
 * a title and a name (CJK Extension B), emoji sequences (ZWJ, skin tone, flag, keycap, VS16),
 * variation selectors after CJK, what an editor writes in Markdown (entities, backslash escapes,
 * autolinks, inline HTML, `<br>` in a table cell, empty cells, nested lists, headings with trailing #,
 * hard breaks between CJK characters, numbers with separators) and a line wrapped next to Chinese
 * punctuation of ambiguous width (“” …… —— · ① ○ ● ℃), in a news body, a policy, a guide, an
 * organ page and a topic page.
 */
const ZWJ = "\u200d";
const VS16 = "\ufe0f";
const VS1 = "\ufe00";
const IVS = "\u{e0101}";
const THIN = "\u2009";
const NBSP = "\u00a0";

/** A body wrapped the way an editor hard-wraps Chinese text: each line break next to a punctuation mark. */
const WRAPPED = `他说：“我们一定按期完成”
然后离开会场。会议要求：
“抓紧落实”各项任务，等等……
后续再议。破折号——
后文继续，阿卜杜勒·
阿齐兹出席。详见第①
项和第⑵项，气温零下5℃
左右，○
圆圈项目，●
实心项目。`;

const news = `---
title: "王𠀀与张𡈽参加㈠号工程（第Ⅷ期）座谈 ⑴"
date: 2026-03-07 10:00
column: 市级新闻
source: 市融媒体中心
department: 白桦岭市人民政府办公室
attachments:
  - { title: "面积统计表（㎡）½版.pdf", file: /media/attachments/gzf-sqb-2025.pdf }
---

## 兼容字符一览 ##

第⑴条、第㈠项、第Ⅷ期，面积１２０㎡，温度２５℃，比例½与⅓，比例尺1∶500，商标™与№7，电话℡。

康熙部首⼀⼆⼈与统一字符，兼容汉字﨑与崎，半角ｺﾝﾋﾟｭｰﾀｰ与全角コンピューター。

圈字母Ⓐⓑ、方框字母🄰、圈汉字㊣、方框汉字🈶、单位㍿与㎏。

人名王𠀀、张𡈽与陈𠮷，地名鿰村。

表情：家庭👨${ZWJ}👩${ZWJ}👧，点赞👍🏽，国旗🇨🇳，按键1${VS16}⃣与#${VS16}⃣，爱心❤${VS16}，彩虹旗🏳${VS16}${ZWJ}🌈。

异体字葛${VS1}根与邉${IVS}家。

${WRAPPED}

实体&amp;符号&nbsp;空格&ensp;半角&emsp;全角&#x4E00;&#19968;二&copy;版权&#8203;零宽&#13;回车&NewLine;换行。

转义\\*星号\\*、\\_下划线\\_、\\#井号、\\[方括号\\]、1\\. 不是列表。

自动链接<https://example.com/held40?a=1&b=2>与邮件<held40@example.com>，裸网址https://example.org/x与邮箱contact@example.org。

数字1,234.5、1 234、1${THIN}234、1${NBSP}234、12.5%、１２.５％、-3.5、+86 0482-7121234。

行内代码\`白政发〔2023〕12号\`与\`cmd\`
执行。

硬换行一  
硬换行二\\
硬换行三

- 一级项目
  - 二级项目
    1. 三级有序
- 另一项目

| 序号 | 名称 | 备注 |
| --- | --- | --- |
| 一 |  | 空单元格 |
|  | 只有名称 |  |
| 三 | 单元格<br>换行 | 完 |

### 带井号的标题 ###

#### 标题#

脚注[^2]与上标<sup>2</sup>和行内<span>标签</span>。

注[^2]：脚注正文。
`;

const policy = `---
title: 白桦岭市人民政府关于印发《㈠号工程管理办法（第Ⅷ版）》的通知
index_no: 11152200MB0000009X/2023-00040
category: 综合政务
issuer: 白桦岭市人民政府
doc_no: 白政发〔2023〕13号
written: 2023-06-01
date: 2023-06-04 09:00
kind: 行政规范性文件
validity: 有效
department: 白桦岭市人民政府办公室
keywords: [㈠号工程, ㎡面积]
attachments:
  - { title: "㈠号工程面积表（单位：㎡）", file: /media/attachments/jttd-bcmxb-2026.pdf }
---

各镇人民政府、街道办事处：

现将《㈠号工程管理办法（第Ⅷ版）》印发给你们，
“请认真贯彻执行”。

一、适用范围⑴本市行政区域；⑵相邻区域的½。
`;

const guide = `---
title: 公共场地⑴号厅预约（㈠类）
item_type: 公共服务
department: 市人力资源和社会保障局
date: 2025-04-03 09:00
basis:
  - 《公共场地管理规定》第⑴条
conditions:
  - 申请人为王𠀀等本市居民
materials:
  - { name: "场地平面图（㎡）", form: 原件, copies: 1, required: true, note: "比例½" }
process:
  - 网上预约后到⑴号窗口核验。
location: 白桦岭市政务服务中心 ⑵楼
hours: 工作日 9:00—12:00
legal_days: 20
promised_days: 5
fee: { charged: false }
phone: "0482-7121240"
complaint_phone: "0482-7125640"
---

场地面积１２０㎡，室温２５℃。
`;

export const HELD40_ITEMS: Record<string, string> = {
  "news/2026/held40-a.md": news,
  "policies/2025/held40-p.md": policy,
  "guides/held40-g.md": guide,
};

/** Appended to the sample topic's introduction (content/topics/business.md): wrapped lines again. */
export const HELD40_TOPIC_TAIL = `

专题说明：“营商环境”
评价结果见第①
项，面积１２０㎡，负责人王𠀀。
`;
