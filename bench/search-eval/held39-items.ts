/**
 * The items of held39's fixture site (held39-site.ts; test/search/held39-kinds.test.ts builds them
 * too): text an independent tester may publish, with every invisible, space, mark and look-alike
 * kind written as an escape so the file shows what it holds.
 */
const ZWSP = "\u200b";
const ZWJ = "\u200d";
const ZWNJ = "\u200c";
const BOM = "\ufeff";
const WJ = "\u2060";
const SHY = "\u00ad";
const CGJ = "\u034f";
const FILLER = "\u3164";
const NBSP = "\u00a0";
const IDEO = "\u3000";
const THIN = "\u2009";
const NARROW = "\u202f";
const ACUTE = "\u0301";
const VS17 = "\u{e0100}";

const news = `---
title: "İstanbul友好城市 ﬁnance合作${NBSP}Ⅱ期"
date: 2026-03-06 10:00
column: 市级新闻
source: 市融媒体中心
department: 白桦岭市人民政府办公室
attachments:
  - { title: "合作${NBSP}协议（2023～2025年）.pdf", file: /media/attachments/gzf-sqb-2025.pdf }
---

## 友好${ZWJ}城市${SHY}签约仪式

乡${ZWSP}村${ZWNJ}振${BOM}兴${WJ}示${CGJ}范${FILLER}区建设。

空格一${NBSP}空格二${IDEO}空格三${THIN}空格四${NARROW}空格五。

代表团来自İSTANBUL和Izmir，另有ıspanak农场，咖啡馆名为cafe${ACUTE}与Café，另一家名为cafe${ZWSP}${ACUTE}馆。

面积120m²，第①项、第Ⅱ期、第ⅲ条，时间9:00〜12:00，温度3℃～5℃，ﬂow与ﬁle。

阿卜杜勒·阿齐兹、阿卜杜勒・阿齐兹、约翰‧史密斯、让•雅克。

GB/T 2260–2007，温度−3℃，编号A‐12，Xi’an与‘高效’。

兼容汉字\uf900\ufa10，异体字葛${VS17}藤，❤️与☎️。

1. [链接文字](https://example.com/held39-url-hidden)之后
2. ![图片替代文字](https://example.com/h.png)说明
3. 实体&amp;字符&nbsp;空格&#x4E00;&#19968;二

| 序号 | 项目${ZWSP}名称 |
| --- | --- |
| 一 | \`代码${NBSP}片段\` |

> 引用　全角空格

脚注引用[^1]。

注[^1]：脚注内容文字。
`;

const policy = `---
title: 白桦岭市人民政府关于印发《区域合作办法（2023—2025年）》的通知
index_no: 11152200MB0000009X/2023-00039
category: 综合政务
issuer: 白桦岭市人民政府
doc_no: 白政发〔2023〕12号
written: 2023-05-01
date: 2023-05-04 09:00
kind: 行政规范性文件
validity: 失效
validity_changed: 2025-06-30
department: 白桦岭市人民政府办公室
keywords: [区域${ZWSP}合作, İzmir友城]
summary: 只在列表中显示的摘要文字。
attachments:
  - { title: "区域合作项目表（第Ⅱ批）", file: /media/attachments/jttd-bcmxb-2026.pdf }
---

各镇人民政府、街道办事处：

现将《区域合作办法（2023—2025年）》印发给你们，请认真贯彻执行。
`;

const guide = `---
title: 外国人来华工作许可（Ⅱ类）
item_type: 行政许可
department: 市人力资源和社会保障局
date: 2025-04-02 09:00
basis:
  - 《外国人入境就业管理规定》第${"\u2009"}八条
conditions:
  - 申请人为约翰‧史密斯・类外籍人员
materials:
  - { name: "护照${ZWSP}复印件", form: 复印件, copies: 1, required: true, note: "验原件〜当场退回" }
process:
  - 网上申请${SHY}后到窗口核验。
location: 白桦岭市政务服务中心${NBSP}三楼
hours: 工作日 9:00〜12:00，13:30〜17:00
legal_days: 20
promised_days: 5
fee: { charged: false }
phone: "0482-7121234"
complaint_phone: "0482-7125678"
---

办理İzmir与ıspanak籍人员的许可时，cafe${ZWSP}${ACUTE}须知同上。
`;

const video = `---
title: 白桦岭市冬季冰雪旅游宣传片（第Ⅱ季）
date: 2026-03-21 10:00
kind: 宣传片
department: 市融媒体中心
source: 市融媒体中心
video: /media/video/sample-3.webm
poster: { src: /media/images/poster-business.svg, alt: "封面：冰雪${ZWJ}大世界・夜景" }
duration: "02:40"
captions: /media/captions/0320-business-environment-film.vtt
summary: 只在列表中显示的视频摘要。
topics: [优化营商环境]
---

解说：欢迎来到İstanbul友好城市的冰雪${NBSP}大世界，开放时间9:00〜21:00。
`;

export const HELD39_ITEMS: Record<string, string> = {
  "news/2026/held39-a.md": news,
  "policies/2025/held39-p.md": policy,
  "guides/held39-g.md": guide,
  "videos/2026/held39-v.md": video,
};
