/**
 * A fixture portal whose items carry what county editors paste from Word, WPS, old CMSs and WeChat
 * articles: tables without a header row or with merged cells, layout tables, images without alt
 * text, 点击这里 and bare-URL links, skipped and empty headings, &nbsp; spacing, `1、` lists, <br>
 * runs, <font>/<center>/<u>, repeated ids, footnotes, a long unbroken URL and number, long Chinese
 * attachment names. Built with raw HTML on or off (pasted-bodies.test.ts).
 */
import { createFixture, md, news, type Fixture } from "../helpers/fixture.ts";

const LONG_URL =
  "https://mp.weixin.qq.com/s?__biz=MzA3NjQ4NjE2MQ==&mid=2651234567&idx=1&sn=0123456789abcdef0123456789abcdef&chksm=84a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90&scene=21#wechat_redirect";
const LONG_NUMBER = "6222020200112233445566778899001122334455667788990011223344556677";

/** A body pasted from Word / WeChat / an old CMS (HTML is kept only with raw HTML on). */
export const PASTED_BODY = [
  '<p><font face="宋体" size="4"><center><u>关于做好秋冬季防火工作的通知</u></center></font></p>',
  "",
  "<p>&nbsp;</p>",
  "",
  "<p></p>",
  "",
  "各乡镇人民政府：<br><br><br>现将有关事项通知如下。",
  "",
  "## 一、工作要求",
  "",
  "#### （一）加强巡查",
  "",
  "##",
  "",
  "<h3></h3>",
  "",
  "1、加强组织领导",
  "2、落实巡查责任",
  "3、做好宣传引导",
  "",
  "&nbsp;",
  "",
  '<table border="1" width="100%"><tr><td>乡镇</td><td>巡查次数</td><td>发现隐患</td></tr><tr><td>青松镇</td><td>12</td><td>3</td></tr></table>',
  "",
  '<table border="1"><tr><th colspan="2">地区</th><th rowspan="2">合计</th></tr><tr><th>东片</th><th>西片</th></tr><tr><td>5</td><td>7</td><td>12</td></tr></table>',
  "",
  '<table width="100%"><tr><td><img src="/media/a.png"></td><td>图文排版用的表格</td></tr></table>',
  "",
  "| 乡镇 | 人数 |",
  "| --- | --- |",
  "| 青松镇 | 12 |",
  "",
  "![](/media/a.png)",
  "",
  "![IMG_20260312_0931.png](/media/a.png)",
  "",
  '<a href="/news/"><img src="/media/a.png" alt=""></a>',
  "",
  '<img src="/media/a.png">',
  "",
  '<a href="/media/a.png"><img src="/media/a.png" alt="IMG_0001.JPG"></a>',
  "",
  "详情[点击这里](/news/)。",
  "",
  '<a href="/policies/">点击这里</a>查看。',
  "",
  `原文链接：${LONG_URL}`,
  "",
  `原文链接：<${LONG_URL}>`,
  "",
  `[${LONG_URL}](${LONG_URL})`,
  "",
  `收款账号：${LONG_NUMBER}`,
  "",
  '<a id="a1"></a>第一部分<a name="a1"></a>',
  "",
  '<p id="a1">重复的锚点</p>',
  "",
  '<a href="#a1">回到第一部分</a>',
  "",
  '<div id="top"><span id="top">重复</span></div>',
  "",
  "依据相关规定[^1]办理，另见说明[^2]。",
  "",
  "[^1]: 《中华人民共和国森林法》第三十四条。",
  "[^2]: 见附件。",
  "",
  "<ul><li>一<ul></ul></li><p>列表里的段落</p></ul>",
  "",
  "<p><div>段落里的块</div></p>",
  "",
  "<table><tr><td><table><tr><td>表中表</td></tr></table></td></tr></table>",
  "",
  '<p style="text-align:center" align="center" class="MsoNormal"><span lang="EN-US" style="font-size:16pt">Word 段落</span><o:p></o:p></p>',
  "",
  "<section><section><p>微信图文</p></section></section>",
  "",
  "<strong></strong><b></b>",
  "",
  "<table><tr><td>序号</td><td>单位</td><td>金额</td></tr><tr><td>1</td><td>青松镇</td><td>12</td></tr><tr><td>2</td><td>林海街道</td><td>7</td></tr><tr><td>3</td><td>桦溪镇</td><td>9</td></tr></table>",
  "",
  `<table border="1"><tr>${Array.from({ length: 12 }, (_, i) => `<th>2026年${i + 1}月森林草原防灭火巡查次数</th>`).join("")}</tr><tr>${Array.from({ length: 12 }, () => "<td>123456789012</td>").join("")}</tr></table>`,
  "",
  `| ${Array.from({ length: 10 }, (_, i) => `第${i + 1}季度巡查次数合计`).join(" | ")} |`,
  `|${" --- |".repeat(10)}`,
  `| ${Array.from({ length: 10 }, () => "1234567890123").join(" | ")} |`,
  "",
  "[![](/media/a.png)](/news/)",
  "",
  '<a id="fnref1" href="#fn1">[1]</a>和<a id="fnref1" href="#fn1">[1]</a>',
  "",
  '<ol><li id="fn1">旧系统的注释</li><li id="fn1">重复的注释</li></ol>',
].join("\n");

const ATTACHMENTS =
  "\n  - { title: 附件1：测试市2026年秋冬季森林草原防灭火工作实施方案及各乡镇人民政府责任分工明细表（征求意见稿）, file: /media/attachment.pdf }\n  - { title: 附件2, file: /media/attachment.pdf }";

const VIDEO = {
  title: "视频新闻：秋冬季防火",
  date: "2026-03-13 10:00",
  kind: "视频新闻",
  department: "市政府办公室",
  source: "市融媒体中心",
  video: "/media/v.webm",
  poster: "{ src: /media/a.png, alt: 防火宣传画面 }",
  duration: '"02:15"',
  captions: "/media/c.vtt",
};

/** The pasted body on an item of every type that renders a body. */
export function pastedFixture(allowHtml: boolean): Fixture {
  return createFixture(
    {
      "news/2026/pasted.md": news("秋冬季防火工作通知（粘贴稿）", "2026-03-01 09:00", {
        attachments: ATTACHMENTS,
      }).replace("正文。", PASTED_BODY),
      "policies/2026/pasted.md": md(
        {
          title: "测试市人民政府关于做好秋冬季防火工作的通知",
          index_no: "11150000MB0000001X/2026-00001",
          category: "综合政务",
          issuer: "测试市人民政府",
          doc_no: "测政发〔2026〕3号",
          written: "2026-02-20",
          date: "2026-02-25 10:00",
          kind: "行政规范性文件",
          department: "市政府办公室",
          keywords: ["防火"],
          attachments: ATTACHMENTS,
        },
        PASTED_BODY,
      ),
      "videos/2026/pasted.md": md(VIDEO, PASTED_BODY),
      // Captions (required) but no 文字实录: the body left empty.
      "videos/2026/silent.md": md({ ...VIDEO, title: "视频新闻：无文字实录" }, ""),
      "guides/pasted.md": md(
        {
          title: "林区野外用火审批",
          item_type: "行政许可",
          department: "市市场监督管理局",
          date: "2026-04-01 09:00",
          basis: ["《森林防火条例》第二十五条"],
          conditions: [`申请表见 ${LONG_URL}`],
          materials: `\n  - { name: 野外用火申请表（含用火地点四至范围示意图、现场安全防范措施及扑救预案）, form: 原件, copies: 1, required: true, note: 账号${LONG_NUMBER} }`,
          process: ["申请", "受理", "决定"],
          location: "政务服务中心二楼",
          hours: "工作日 8:30—17:30",
          legal_days: 20,
          promised_days: 5,
          fee: "{ charged: false }",
          phone: "0482-7121234",
          complaint_phone: "0482-7125678",
        },
        PASTED_BODY,
      ),
      "periodicals/xun/2026-01.md": md(
        {
          title: "《测试讯》2026年第1期",
          periodical: "测试讯",
          issue: 1,
          date: "2026-01-15 09:00",
          pdf: "/media/attachment.pdf",
        },
        PASTED_BODY,
      ),
      "consultations/2026/pasted.md": md(
        {
          title: "关于《测试市森林防火办法（征求意见稿）》公开征求意见的公告",
          date: "2026-06-01 09:00",
          department: "市政府办公室",
          start: "2026-06-01",
          end: "2026-07-31",
          channels: "\n  - { kind: 电子邮件, value: fh@test.gov.cn }",
        },
        PASTED_BODY,
      ),
      "letters/2026/pasted.md": md(
        {
          title: "关于山林防火巡查的建议",
          kind: "建议",
          public: true,
          date: "2026-03-20 15:00",
          received: "2026-03-12",
          received_by: "市政府办公室",
          replied: "2026-03-20",
          replied_by: "市政府办公室",
        },
        PASTED_BODY,
      ),
      "pages/pasted.md": md({ title: "粘贴的页面" }, PASTED_BODY),
      ...Object.fromEntries(["v.webm", "c.vtt", "attachment.pdf"].map((f) => [`media/${f}`, "x"])),
      // A 1×1 PNG: images are measured at build time.
      "media/a.png": Buffer.from(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
        "base64",
      ),
    },
    { allowHtml },
  );
}

export const PASTED_PAGES = [
  "/news/2026/pasted/",
  "/policies/2026/pasted/",
  "/videos/2026/pasted/",
  "/guides/pasted/",
  "/periodicals/xun/2026-01/",
  "/pages/pasted/",
  "/consultations/2026/pasted/",
  "/letters/2026/pasted/",
];
