/**
 * A small site for query kinds the generated corpora do not hold (session 36, held36): the sample
 * portal with two items an adversarial tester would write — Markdown inline markup, soft breaks
 * between CJK and Latin, headings, quotes, a table, raw tags (kept or, without `allowHtml`, shown as
 * text), entities, invisible characters, Greek, ligatures, half-width katakana, characters outside
 * the BMP, every bracket of a 发文字号, and runs of 4,000+ characters without a line break (cut into
 * text pieces inside the run). Built under /portal/, for `npm run search:eval -- --site`.
 *
 *   npx tsx bench/search-eval/adversarial-site.ts DIR [--html]
 *   npm run search:eval -- --site DIR/_site --queries bench/search-eval/adversarial-site-queries.txt --truth-check 200
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { buildFixtureSite } from "./fixture-site.ts";

const body = `## 五G网络**建设**提速

全市新建**５Ｇ**基站[一百二十座](https://example.com/a)，覆盖率达到*百分之九十*。
智慧
农机作业监测平台上线，5G
网络覆盖全部乡镇，
Wi-Fi
热点同步开放。

<b>加粗标签</b>原样显示，\`行内代码\`与文字相连，~~删除线~~文本，<span hidden>隐藏文字</span>之后。

> 引用中的**强调**文字
> 第二行引用

1. 第一项
   继续第一项
2. 第二项

- 无序项一
  - 嵌套项

| 表头一 | 表头二 |
| --- | --- |
| 单元格**加粗**内容 | [链接单元格](https://example.com)之后 |

标题下划线
---------

### 三级标题中的*强调*与\`代码\`

电话：0532-1234567，邮箱：abc@example.com，网址：https://www.example.gov.cn/a?b=1&c=2。

金额1,000元，增长1.5万元，占比12.5%，温度-3℃～5℃，增幅１２．５％。

二〇二三年 二○二三年 二零二三年 ２０２３年

青政发〔2023〕5号 青政发[2023]5号 青政发【2023】5号 青政发（2023）5号 青政发(2023)5号 青政发 〔2023〕 5 号

ΑΒΓ αβγ ΟΔΟΣ Σίσυφος ǅemal İstanbul straße STRASSE ﬁnance café cafe\u0301

𠮷野家 👍🏽 🇨🇳 1️⃣ ❤️ ㈱ ㍻ ½

臺灣 台湾 ｶﾀｶﾅ ｶﾞｲﾄﾞ

行末有两个空格  
硬换行后的文字\\
反斜杠换行

转义字符 \\*不是强调\\* 与 &copy; &amp; &lt;标签&gt; &#x4E2D;&#25991; &nbsp;&nbsp;缩进 乡村&nbsp;振兴 乡村\u3000振兴 乡村\u200b振兴 乡村&shy;振兴 乡村&lrm;振兴

<q>引号元素</q>内容 <abbr title="全称">缩写</abbr>文字 <dl><dt>术语</dt><dd>释义</dd></dl> <kbd>Ctrl</kbd>+<kbd>C</kbd>

<p>段落<img src="https://example.com/x.png" alt="行内图片">之后</p>

<a href="https://example.com/y"><img src="https://example.com/y.png" alt="链接图片"></a>说明

脚注引用[^1]与[方括号]文字

使用<Tab>键切换，价格<100元>，R&D 与 AT&T。
`;
await buildFixtureSite("adversarial-site.ts", (contentDir) => {
  writeFileSync(
    path.join(contentDir, "news/2026/adversarial-a.md"),
    `---\ntitle: "«特殊» 标题 &amp; <b>粗</b>　全角空格 ΟΔΟΣ ５Ｇ"\ndate: 2026-03-04 10:00\ncolumn: 市级新闻\nsource: 市融媒体中心\ndepartment: 白桦岭市人民政府办公室\n---\n\n${body}`,
  );
  writeFileSync(
    path.join(contentDir, "news/2026/adversarial-b.md"),
    `---\ntitle: 行政区划代码GB/T 2260—2007与ＧＢ／Ｔ　２２６０的对照\ndate: 2026-03-05 10:00\ncolumn: 市级新闻\nsource: 市融媒体中心\ndepartment: 白桦岭市人民政府办公室\n---\n\n${"长段落无换行".repeat(900)}结尾。\n\n${"ΣΑΣ".repeat(1500)}\n\n${"ｶﾞ".repeat(2100)}\n`,
  );
});
