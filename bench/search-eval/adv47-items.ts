/**
 * The items of adv47's fixture site (adv47-site.ts): shapes an editor writes that neither the
 * held-out corpus, held36's lists nor adv45's fixture held — footnotes (referenced, inline `^[…]`,
 * a `^[` in prose), nested lists in blockquotes, tables with escaped pipes and inline code,
 * entities (`&#x4E00;` `&ensp;` `&emsp;` `&#12288;` `&lrm;` `&shy;` `&#65296;`), raw HTML blocks
 * (escaped as text without allowHtml), headings closed with #, hard breaks (two spaces, backslash),
 * autolinks and bare URLs, emphasis between CJK characters and beside Chinese punctuation, ideographic
 * and zero-width spaces, combining marks, full-width digits inside a 发文字号, Ⅱ/ⅱ, ①, m²/㎡, dates in
 * three forms — in a news body, a policy, its 解读, a guide, a video, a periodical, a letter (互动交流),
 * an interview and a consultation, each with its front-matter fields written the same ways.
 */

const news = `---
title: "白桦岭市Ⅱ类水体达标率提升至９８．５％（2023年5月）"
date: 2026-03-10 10:00
column: 市级新闻
source: 市融媒体中心
department: 市生态环境局
---

## 一、总体情况 ##

二〇二三年五月，全市Ⅱ类以上水体占比达到９８．５％，较2023-05同期提高①个百分点[^1]。
城区新增绿地１２万㎡，人均公园绿地面积达15m²^[数据来源：市园林中心统计年报。]。

## 二、监测指标 #号标注

### 三、责任分工 ###

1. 市生态环境局
   - 负责ⅱ类断面监测
     > 引用：断面监测数据按月发布，
     > 并报上级主管部门。
   - 负责水质通报
2. 各镇（街道）
   > - 嵌套在引用中的列表项
   > - 第二项：河长制巡河

| 指标 | 单位 | 数值 |
| :--- | :---: | ---: |
| 化学需氧量（COD\\|高锰酸盐） | mg/L | 15 |
| 氨氮 \`NH3-N|总磷\` | mg/L | 0.5 |
| 空值 | &nbsp; | — |

第一行末尾两个空格换行  
第二行紧接着，反斜杠换行\\
第三行结束。

详见<https://www.baihualing.gov.cn/hj/2023?a=1&b=2>或访问 https://www.baihualing.gov.cn/sthj 了解，邮箱<sthj@baihualing.gov.cn>。

重点**“水十条”**落实，中*重点*文，强调__下划线__强调，**粗体。**后文，全角＊星号＊不是强调。

实体：一字&#x4E00;号、半角&ensp;空格、全角&emsp;空格、表意&#12288;空格、方向&lrm;标记、软&shy;连字符、全角零&#65296;号、版权&copy;二〇二三。

零宽空格：河​长​制（中间有零宽空格），组合字符：café与cafe\u0301，Ａｂｃ与ＡＢＣ。

温度２５℃，降水量１２０㎜，面积３㎞²，浓度５‰，编号№１２３，第Ⅲ期第ⅳ批。

价格：¥1,234.50元／吨，折合￥１２３４．５０元/吨；比例尺１∶５０００。

<div align="center">原始HTML块：居中标题</div>

<img src="/media/images/banner.svg" alt="原始图片替代文字">

文中提到^[号位是普通文字吗]与指数^2的写法，以及 a^[b 未闭合。

脚注续写[^note]。

[^1]: 与上年同期相比，按可比口径计算。
[^note]: 第二条脚注，
    含有缩进的续行。
`;

const policy = `---
title: 白桦岭市人民政府关于印发《白桦岭市河长制工作方案（第Ⅱ版）》的通知
index_no: 11152200MB0000009X/2023-00147
category: 综合政务
issuer: 白桦岭市人民政府
doc_no: 白政发〔2023〕147号
written: 2023-05-08
date: 2023-05-10 09:00
kind: 行政规范性文件
validity: 有效
department: 白桦岭市人民政府办公室
keywords: [河长制, Ⅱ类水体, ＣＯＤ＆ＢＯＤ]
attachments:
  - { title: "附件①：河长名单（2023年5月版）.xlsx", file: /media/attachments/jttd-bcmxb-2026.pdf }
  - { title: "附件②：巡河记录表｜样表.docx", file: /media/attachments/gzf-sqb-2025.pdf }
---

::: 主送机关
各镇人民政府，各街道办事处，市政府各部门：
:::

现将《白桦岭市河长制工作方案（第Ⅱ版）》印发给你们，请结合实际认真贯彻执行。此前印发的白政发［2022］８号同时废止。

::: 附件说明
附件：1. 河长名单
      2. 巡河记录表
:::

::: 落款
白桦岭市人民政府
2023年5月8日
:::
`;

const interpretation = `---
title: 《白桦岭市河长制工作方案（第Ⅱ版）》政策解读
index_no: 11152200MB0000009X/2023-00148
category: 综合政务
issuer: 市生态环境局
written: 2023-05-09
date: 2023-05-11 09:00
kind: 政策解读
validity: 有效
department: 市生态环境局
keywords: [河长制, 政策解读]
summary: 解读第Ⅱ版方案的变化。
interprets: 11152200MB0000009X/2023-00147
---

## 一、修订背景

2023年5月起施行的第Ⅱ版方案，将“一河一策”细化为①②③三类。

## 二、主要变化（Q&A）

**问：**巡河频次有何变化？\\
**答：**县级河长每季度不少于１次，乡级每月不少于２次。
`;

const guide = `---
title: 河道管理范围内建设项目审批（Ⅱ类）
item_type: 行政许可
department: 市人力资源和社会保障局
date: 2025-05-04 09:00
basis:
  - 《中华人民共和国水法》第三十八条
  - "《河道管理条例》第十一条｜第十二条"
conditions:
  - 项目占用河道面积不超过５００㎡
  - 申请人为本市
    户籍居民或在本市
    注册的企业
  - "双引号内的
    续行文字"
  - >
    折叠块中的
    续行文字
materials:
  - { name: "建设方案（含１∶５００地形图）", form: 原件, copies: 2, required: true, note: "A4纸&nbsp;双面打印" }
  - { name: "流式映射中
      跨行的材料名称", form: 复印件, copies: 1, required: false, note: 流式映射
      备注续行 }
process:
  - 网上申报后到Ⅱ号窗口核验。
location: 白桦岭市政务服务中心 Ｃ区２０３室
hours: 工作日 ９:００－１２:００
legal_days: 20
promised_days: 5
fee: { charged: false }
phone: "0482-7121245"
complaint_phone: "0482-7125645"
---

办理时限以２０２３年５月修订版为准。
`;

const video = `---
title: 河长巡河纪实（第②集）
date: 2026-05-20 10:00
kind: 宣传片
department: 市融媒体中心
source: 市融媒体中心
video: /media/video/sample-3.webm
poster: { src: /media/images/poster-business.svg, alt: 巡河纪实封面：Ⅱ号断面 }
duration: "12:30"
captions: /media/captions/0320-business-environment-film.vtt
summary: 记录河长巡河的一天。
topics: [优化营商环境]
---

镜头一：清晨６点，河长沿桦溪河巡查，水温１８℃。

镜头二：“河长制”实施以来，Ⅱ类水体占比逐年上升。
`;

const letter = `---
title: 关于桦溪河Ⅱ号断面附近异味的咨询（编号：ＸＸ２０２３０５１２）
kind: 咨询
public: true
date: 2026-05-28 15:00
received: 2026-05-12
received_by: 市住房和城乡建设局
replied: 2026-05-28
replied_by: 市住房和城乡建设局
summary: 异味来自上游临时排污口，已封堵。
---
您好！经现场核查，异味来自上游临时排污口，已于５月２０日封堵。

- 核查时间：2023年5月15日
- 监测结果：氨氮０．３mg/L，达到Ⅲ类标准

如有疑问请拨打１２３４５。
`;

const interview = `---
title: 河长制五周年——市生态环境局负责同志做客在线访谈
date: 2026-05-25 09:00
department: 市住房和城乡建设局
time: 2026-05-20 15:00
topic: 河长制实施五周年：从“有名”到“有实”
guests:
  - { name: 李·明, title: 市生态环境局副局长（Ⅱ级） }
host: 市融媒体中心主持人 陈静
place: 市融媒体中心演播室
summary: 访谈回顾河长制五年成效。
topics: []
---

**主持人：**各位网友大家好！

**李·明：**五年来，全市Ⅱ类以上水体占比从７６％提高到９８．５％。
`;

const consultation = `---
title: 关于《白桦岭市河道采砂管理办法（征求意见稿）》公开征求意见的公告
date: 2026-05-03 09:00
department: 市民政局
start: 2026-11-03
end: 2026-12-03
channels:
  - { kind: 电子邮件, value: "sthj@baihualing.gov.cn" }
  - { kind: 信函, value: "白桦岭市温泉街８８号（邮编１３７９００）" }
summary: 征求河道采砂管理办法意见。
topics: []
---

征求意见稿共Ⅴ章２８条，主要内容：

1. 采砂许可
2. 监督管理
`;

/**
 * Text pasted from Word or WPS into the body as raw HTML (kept, sanitised, with allowHtml; shown as
 * text without it): upper-case and unclosed tags, Office namespaces and conditional comments, `<center>`,
 * `<font>`, a table without `<tbody>` and with `<p>` in cells, a definition list, `<pre>` indents.
 */
const pasted = `---
title: 关于转发河长制工作简报（2023年第５期）的通知
date: 2026-03-11 10:00
column: 市级新闻
source: 市融媒体中心
department: 市生态环境局
---

<P align="center"><B>河长制工作简报</B></P>
<p class=MsoNormal style="text-indent:2em">　　第一段正文，含<span lang=EN-US>Word</span>文字<o:p></o:p></p>
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]-->
<p>前文<center>居中文字</center>后文</p>
<p>红色<font color="red">警示</font>文字，上标m<sup>2</sup>，下标H<sub>2</sub>O</p>
<table border="1" cellspacing="0"><tr><td><p>河段</p></td><td><p>河长</p></td></tr><tr><td>桦溪河<br>上游段</td><td>李&nbsp;明</td></tr></table>
<ul><li>未闭合一<li>未闭合二</ul>
<p>段落一<p>段落二
<dl><dt>术语</dt><dd>定义内容</dd></dl>
<pre>  缩进代码
    第二行</pre>
<p>属性<a href="https://example.com" title="a&gt;b">带尖括号标题</a>链接</p>
<p>图片<img src="/media/images/banner.svg" alt="示意图&gt;箭头">之后</p>
<p>换行<BR>大写<br/>自闭合</p>
<p><b>上<br>下</b>加粗换行</p>
<address>地址：温泉街８８号</address>
<p>&nbsp;&nbsp;&nbsp;全是空格前缀</p>
<p>&#8203;</p>
<p>尾部</p>
`;

export const ADV47_ITEMS: Record<string, string> = {
  "news/2026/adv47-n.md": news,
  "news/2026/adv47-w.md": pasted,
  "policies/2025/adv47-p.md": policy,
  "policies/2025/adv47-jd.md": interpretation,
  "guides/adv47-g.md": guide,
  "videos/2026/adv47-v.md": video,
  "letters/2026/adv47-l.md": letter,
  "interviews/2026/adv47-i.md": interview,
  "consultations/2026/adv47-c.md": consultation,
};
