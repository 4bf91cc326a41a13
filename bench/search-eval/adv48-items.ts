/**
 * The items of adv48's fixture site (adv48-site.ts): shapes neither held36's, held39's, held40's,
 * adv45's nor adv47's fixtures held —
 * - text pasted from a PDF's text layer, where common characters come out as CJK radicals: the
 *   Kangxi block (⼯ U+2F2F, which NFKC folds) and the CJK Radicals Supplement (⻓ U+2ED3 for 长,
 *   ⻔ for 门, ⻅ for 见 …, which NFKC leaves alone), in a title, a body, a guide's fields and a letter;
 * - lines hard-wrapped right after a character carrying a variation selector: an ideographic
 *   variation sequence in a name (葛 + U+E0100), an emoji in emoji presentation (👍️ ❤️), a flag;
 * - years typed with a Latin O or a digit 0 for 〇 (二O二三年, 二0二三年);
 * - 〝〞 quotation marks, ❶ ➀ ⓵, primes ′ ″ in coordinates, Ⅻ, ㎡ next to
 *   m², superscript and fullwidth digits in a 发文字号, NBSP and ideographic space inside a phrase;
 * - Markdown: reference-style links and images with titles, `1)` lists, backslash escapes, an HTML
 *   comment, entities in a heading, a 140-character title with the term at its end;
 * - a periodical issue and a single page (单页), which no earlier fixture held.
 */

const news = `---
title: 白桦岭市建⽴⻓效机制　推进⻋辆⻔前“三包”——⼆〇⼆六年⼯作⽅案发布
date: 2026-03-12 10:00
column: 市级新闻
source: 市融媒体中心
department: 市生态环境局
---

本文从PDF版本复制：全市将建⽴健全⻓效机制，做好⻋辆停放、⻔前三包和⻛险排查⼯作，
⻅⾏⻅效。⻢路保洁由⻩⾊⻢甲环卫⼯负责，⻥塘、⻜⻦栖息地纳⼊保护，⻚⾯⻆落不留死⻆。

负责同志葛\u{E0100}
村委会主任、
优秀党员点赞👍\uFE0F
继续评选，爱心❤\uFE0F
传递不停，国旗🇨🇳
飘扬在广场。

〝十四五〞规划明确，到二O二三年底完成一期，二0二三年同期相比增长❶个百分点；第➀批、第⓵批名单另行公布。

坐标：东经120°30′15″，北纬48°05′；面积500㎡与500m²相同，第Ⅻ期。

文号：白政发〔２０２６〕³号与白政发〔2026〕3号；会议在温泉街\u00A0８８号\u3000三楼召开。

参见[白桦岭市政府门户][portal]和![示意图][img]。

[portal]: https://www.baihualing.gov.cn/ "白桦岭市 hidden 门户"
[img]: /media/images/banner.svg "横幅 aria-hidden 标题"

1) 第一项：\\*不是强调\\*，\\_也不是\\_，\\# 不是标题
2) 第二项：<!-- 不是注释 -->
3) 第三项：使用 \`&lt;b&gt;\` 代码

## 第&#x4E09;部分 &amp; 附则

本办法自二〇二六年三月一日起施行。
`;

const longTitle =
  "白桦岭市人民政府办公室关于转发市发展和改革委员会、市财政局、市自然资源局、市生态环境局、市住房和城乡建设局、市交通运输局、市水利局、市农牧局联合制定的《白桦岭市桦溪河流域⼭⽔林⽥湖草沙一体化保护和修复⼯程实施方案（2026—2030年）》的通知";

const policy = `---
title: ${longTitle}
index_no: 11152200MB0000009X/2026-00288
category: 综合政务
issuer: 白桦岭市人民政府办公室
doc_no: 白政办发〔2026〕88号
written: 2026-03-01
date: 2026-03-05 09:00
kind: 其他文件
validity: 有效
department: 白桦岭市人民政府办公室
keywords: [⼭⽔林⽥, ⻓效机制]
---

各镇人民政府，各街道办事处，市政府各部门：

现将方案转发给你们，请认真贯彻执行。方案中“⼭⽔林⽥湖草沙”一词与“山水林田湖草沙”相同。
`;

const guide = `---
title: ⻋辆⻔前停放许可（PDF复制版）
item_type: 行政许可
department: 市人力资源和社会保障局
date: 2025-05-06 09:00
basis:
  - 《⻋辆停放管理条例》第⼗条
conditions:
  - 申请⼈为本市⻓期居民
materials:
  - { name: "⻋辆⾏驶证", form: 原件, copies: 1, required: true, note: "⻅原件后退回" }
process:
  - 到⻔⼝窗⼝提交材料。
location: 白桦岭市政务服务中心 ⻔厅西侧
hours: 工作日 9:00—17:00
legal_days: 20
promised_days: 5
fee: { charged: false }
phone: "0482-7121246"
complaint_phone: "0482-7125646"
---

办理⻓度以⻚⾯公布为准。
`;

const letter = `---
title: 关于⻔前⻋辆乱停的投诉
kind: 投诉
public: true
date: 2026-05-29 15:00
received: 2026-05-13
received_by: 市住房和城乡建设局
replied: 2026-05-29
replied_by: 市住房和城乡建设局
summary: 已安排执法人员处理。
---
您好！经核查，⻔前⻋辆已清理，⻓期停放的⻋辆已通知⻋主葛\u{E0100}
先生移走。感谢您的监督👍\uFE0F
欢迎继续反映。
`;

const periodical = `---
title: 《白桦岭讯》2026年第6期（总第𠀾期·⻓效机制专刊）
periodical: 白桦岭讯
issue: 6
date: 2026-11-15 09:00
pdf: /media/periodicals/bhlx-2026-05.pdf
summary: 本期要目：⻓效机制专刊。
---

本期要目：

- ⻓效机制建设情况通报
- 𠀾村“〝三包〞”经验
- 二O二六年工作要点

全文请下载PDF版本阅读。
`;

const page = `---
title: 白桦岭市⻔户⽹站使⽤说明
date: 2025-01-07 09:00
summary: 门户网站使用说明。
---

本站⽂字可能从PDF复制而来，⻓、⻔、⻅等字与常⽤字外形相同。

> 提示：检索时输入常用字即可。
`;

/** A title with the characters HTML escapes, quotation marks of three kinds and 《》: as the page shows it, in a result too. */
const escaped = `---
title: '关于《A&B<试点>项目》“第1批”"名单"的公示 & 说明'
date: 2026-03-13 10:00
column: 通知公告
source: 市融媒体中心
department: 市生态环境局
---

试点项目名单见附件，公示期为５个工作日（A&B<试点>）。
`;

export const ADV48_ITEMS: Record<string, string> = {
  "news/2026/adv48-n.md": news,
  "policies/2026/adv48-p.md": policy,
  "guides/adv48-g.md": guide,
  "letters/2026/adv48-l.md": letter,
  "periodicals/bhlx/2026-06.md": periodical,
  "pages/adv48-page.md": page,
  "news/2026/adv48-t.md": escaped,
};
