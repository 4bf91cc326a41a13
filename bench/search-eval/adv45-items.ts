/**
 * The items of adv45's fixture site (adv45-site.ts): what adv45's independent check (issue 14,
 * 2026-12-07) wrote that no list held — Latin, digits and Han in one term (GB/T 2260-2007,
 * 第3季度, ¥1,200元, 50%), 〇/○/零 years inside a 发文字号, traditional characters, Latin acronyms in
 * three widths and cases, text split by emphasis, code and links, a soft break beside emphasis and
 * between a digit and Han, entities, a link's and an image's Markdown title holding the word
 * "hidden", a body that mentions data-search-body, unbalanced and nested quotation marks, and a
 * hard-wrapped paragraph of ~800 characters pasted as a query — in a news body, a policy with
 * attachments, a guide and the sample topic's introduction.
 */

/** A hard-wrapped paragraph (each line ends with 。, so every break vanishes on the page). */
export const ADV45_PARAGRAPH = `强化改革数字落实营商保障智慧政策深化推进振兴优化，2023年完成。
农机政策战略政府全面水平安全政策强化全面补贴农机，第3季度。
数字民生环境乡村强化落实智慧保障环境生态扩大有效，PPP模式。
数字消费补贴改革改善水平民生全面智慧建设改革安全优化水平，占比50%。
生态全面消费监管投资落实投资生态补贴开放智慧有效扩大，投资¥1,200万元。
营商提升公共推进政府补贴质量乡村推进促进改善政府，占比50%。
服务保障政府建设扩大加快改革智慧全面智慧增长数字深化，2023年完成。
水平政策落实政策战略质量增长提升落实生产生态，PPP模式。
生态质量生态提升扩大智慧政策环境消费强化加快环境，投资¥1,200万元。
促进水平质量扩大有效推进强化消费农机监管消费补贴加快，按GB/T 2260-2007。
加快补贴补贴落实改善促进优化环境生产扩大生态，按GB/T 2260-2007。
质量监管生态促进农机生态建设生态补贴落实，投资¥1,200万元。
落实投资全面生态环境加快推进强化环境战略政策消费，按GB/T 2260-2007。
增长消费乡村有效战略建设落实推进战略营商政府投资全面，按GB/T 2260-2007。
保障质量促进数字生态加快智慧水平振兴乡村有效农机改革补贴，按GB/T 2260-2007。
投资保障保障生产开放数字政府政府推进强化改善战略深化，按GB/T 2260-2007。
建设乡村提升增长监管扩大监管乡村落实促进开放强化，投资¥1,200万元。
扩大保障全面强化振兴扩大改革全面强化服务质量，第3季度。
智慧民生农机乡村建设消费改革扩大生产民生战略改善，2023年完成。
优化促进服务提升有效营商农机优化深化扩大有效增长，第3季度。
消费优化安全乡村公共提升乡村质量生态政府优化乡村，第3季度。
改善全面生产生产生态开放生态全面改革乡村政府振兴政府，2023年完成。`;

const news = `---
title: "PPP项目第3季度推进会召开（GB/T 2260-2007）𠀀村"
date: 2026-03-08 10:00
column: 市级新闻
source: 市融媒体中心
department: 白桦岭市人民政府办公室
---

截至2023年12月31日，累计完成投资¥1,200元，占比50%；全角写法￥１，２００元、５０％，第３季度。

PPP模式、ppp项目与Ｐｐｐ合作并存；ＣＯＶＩＤ与Covid混写。

**加粗**中间文字，前*斜体*后，~~删除线~~文字，\`代码\`文字，[链接文字](https://example.com)后缀。

推进**智慧**
农机补贴，落实智慧
**农业**规划，第3
季度完成，GB/T
2260-2007标准。

请查看[排查 hidden danger 清单](https://example.com "安全生产 hidden danger 排查")和后文。

![安全 hidden 隐患示意图](/media/images/banner.svg "示意 hidden 图")

页面属性 data-search-body 的说明，以及正文其他内容。

实体A&amp;B公司、R&D中心、&lt;规划&gt;、空&nbsp;格、版权&copy;所有、&#x20000;字。

繁体臺灣發展與简体台湾发展，生僻字𡈼与𪚥，麻将🀄与🈚️。

他说“开始筹备，「嵌套『内层』外层」，以及"半角引号"与"未闭合。

引用白政办发〔二〇二三〕45号与白政办发【二零二三】45号、白政办发（二○二三）45号。

${ADV45_PARAGRAPH}

| 序号 | 项目（单位：万元） | 金额 |
| --- | --- | --- |
| 1 | PPP污水处理 | ¥1,200 |
| 2 | 第3季度**追加** | 50% |
`;

const policy = `---
title: 白桦岭市人民政府办公室关于推广PPP模式的通知
index_no: 11152200MB0000009X/2023-00045
category: 综合政务
issuer: 白桦岭市人民政府办公室
doc_no: 白政办发〔2023〕45号
written: 2023-06-01
date: 2023-06-05 09:00
kind: 行政规范性文件
validity: 有效
department: 白桦岭市人民政府办公室
keywords: [PPP模式, 第3季度]
attachments:
  - { title: "Ｐｐｐ项目合同（样本）&附表2023年12月31日版.pdf", file: /media/attachments/jttd-bcmxb-2026.pdf }
  - { title: "GB/T 2260-2007行政区划代码表.pdf", file: /media/attachments/gzf-sqb-2025.pdf }
---

各镇人民政府、街道办事处：

现将PPP模式推广要求通知如下，
请于第3季度前报送。
`;

const guide = `---
title: PPP项目备案（第3类）
item_type: 公共服务
department: 市人力资源和社会保障局
date: 2025-04-04 09:00
basis:
  - 《GB/T 2260-2007》第3条
conditions:
  - 申请人为Ｐｐｐ项目公司
materials:
  - { name: "项目合同（¥1,200元以上）", form: 原件, copies: 1, required: true, note: "占比50%" }
process:
  - 网上申报后到3号窗口核验。
location: 白桦岭市政务服务中心 B区
hours: 工作日 9:00—12:00
legal_days: 20
promised_days: 5
fee: { charged: true, standard: "每件¥1,200元", basis: "发改价格规〔二〇一六〕2559号" }
phone: "0482-7121245"
complaint_phone: "0482-7125645"
---

备案费用￥１，２００元。
`;

/**
 * A title longer than the stream's title span (63 code points): the words at its end are a title
 * match to the reader, and a newer page with them in its first paragraph only is a body match.
 */
const longTitle = `---
title: "白桦岭市人民政府办公室关于转发市发展和改革委员会市财政局市自然资源局市住房和城乡建设局市农业农村局联合制定的湿地公园栈道维护专项方案的通知"
date: 2026-02-01 10:00
column: 市级新闻
source: 市融媒体中心
department: 白桦岭市人民政府办公室
---

现将有关方案转发给你们，请认真贯彻执行。
`;

const bodyOnly = `---
title: 市政府召开专题会议部署冬季工作
date: 2026-03-09 10:00
column: 市级新闻
source: 市融媒体中心
department: 白桦岭市人民政府办公室
---

会议研究了湿地公园栈道维护专项方案，并部署冬季各项工作。
`;

export const ADV45_ITEMS: Record<string, string> = {
  "news/2026/adv45-a.md": news,
  "policies/2025/adv45-p.md": policy,
  "guides/adv45-g.md": guide,
  "news/2026/adv45-long-title.md": longTitle,
  "news/2026/adv45-body-only.md": bodyOnly,
};

/** Appended to the sample topic's introduction (content/topics/business.md). */
export const ADV45_TOPIC_TAIL = `

专题说明：PPP模式第3季度进展，详见[清单](https://example.com "hidden 清单")与“营商
环境”评价。
`;
