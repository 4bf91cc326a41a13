/**
 * The bad-input corpus: one broken file (or one broken pair) per case, each with the one error it
 * must produce, exactly as an editor reads it. Every case is added to the same good fixture.
 */
import { md, news } from "../helpers/fixture.ts";
import { DEFAULT_TYPES } from "../../src/content-types/index.ts";

export interface BrokenCase {
  name: string;
  /** Files to add under content/ (removed again after the case). */
  files: Record<string, string | Buffer>;
  /** The single error expected, as formatProblem prints it. */
  error: string;
}

export const policy = (extra: Record<string, string | undefined> = {}) =>
  md({
    title: "关于做好2025年春耕生产的通知",
    index_no: "11150000MB00000001/2025-00001",
    category: "综合政务",
    issuer: "测试市人民政府",
    doc_no: "测政发〔2025〕1号",
    written: "2025-03-01",
    date: "2025-03-02 09:00",
    kind: "行政规范性文件",
    department: "市政府办公室",
    ...extra,
  });

const video = (extra: Record<string, string>) =>
  md({
    title: "视频",
    date: "2025-03-13 10:00",
    kind: "视频新闻",
    department: "市政府办公室",
    source: "市融媒体中心",
    video: "/media/v.webm",
    poster: "{ src: /media/p.svg, alt: 画面 }",
    duration: '"02:15"',
    captions: "/media/c.vtt",
    ...extra,
  });

const guide = (extra: Record<string, string | number>) =>
  md({
    title: "食品经营许可",
    item_type: "行政许可",
    department: "市市场监督管理局",
    date: "2025-04-01 09:00",
    basis: "[《食品安全法》]",
    conditions: "[有场所]",
    materials: "\n  - { name: 申请书, form: 原件 }",
    process: "[申请, 受理]",
    location: "政务服务中心",
    hours: "工作日",
    legal_days: 20,
    promised_days: 5,
    fee: "{ charged: false }",
    phone: "0482-7121234",
    complaint_phone: "0482-7125678",
    ...extra,
  });

const withBody = (body: string) => news("正文有链接", "2025-03-05 09:00").replace("正文。", body);
const N = "content/news/2025/bad.md";
const P = "content/policies/2025/bad.md";
const V = "content/videos/2025/bad.md";

export const BROKEN: BrokenCase[] = [
  // Malformed YAML
  {
    name: "unclosed bracket",
    files: { "news/2025/bad.md": "---\ntitle: [未闭合\ndate: 2025-03-01\n---\n" },
    error: `${N}:4:1 错误：YAML 格式错误：方括号 [ ] 或花括号 { } 未闭合，或其中缺少逗号（missed comma between flow collection entries）`,
  },
  {
    name: "full-width colon",
    files: { "news/2025/bad.md": news("标题", "2025-03-01 09:00").replace("source: ", "source：") },
    error: `${N}:5 错误：YAML 格式错误：字段名 source 后面用了中文冒号“：”；应使用英文冒号加空格“: ”`,
  },
  {
    name: "no space after colon",
    files: { "news/2025/bad.md": news("标题", "2025-03-01 09:00").replace("source: ", "source:") },
    error: `${N}:5 错误：YAML 格式错误：字段名 source 的冒号后面缺少空格；应写成“source: 值”`,
  },
  {
    name: "unquoted colon in a value",
    files: { "news/2025/bad.md": news("关于: 春耕", "2025-03-01 09:00") },
    error: `${N}:2 错误：YAML 格式错误：字段 title 的值中含有“: ”（冒号加空格）；请用引号把整个值括起来，例如 title: "关于: 通知"`,
  },
  {
    name: "duplicated key",
    files: {
      "news/2025/bad.md": news("标题", "2025-03-01 09:00").replace("column:", "title: 又一个标题\ncolumn:"),
    },
    error: `${N}:4 错误：YAML 格式错误：同一个字段写了两次（duplicated mapping key）`,
  },
  {
    name: "unclosed quote",
    files: { "news/2025/bad.md": news('"标题', "2025-03-01 09:00") },
    error: `${N}:2 错误：YAML 格式错误：引号未闭合（unexpected end of the stream within a double quoted scalar）`,
  },
  {
    name: "tab indentation",
    files: { "news/2025/bad.md": news("标题", "2025-03-01 09:00", { topics: "\n\t- 食品安全" }) },
    error: `${N}:8 错误：YAML 格式错误：缩进中不能使用 Tab 键，请改用空格（tab characters must not be used in indentation）`,
  },
  {
    name: "no closing ---",
    files: { "news/2025/bad.md": "---\ntitle: 标题\ndate: 2025-03-01 09:00\n\n正文\n" },
    error: `${N}:1 错误：前言缺少结尾的 --- 行；字段写完后应单独一行写 ---，再写正文`,
  },
  {
    name: "no front matter",
    files: { "news/2025/bad.md": "# 标题\n\n正文\n" },
    error: `${N}:1 错误：文件应以 --- 开头的 YAML 前言（front matter）开始`,
  },
  {
    name: "list dash without space",
    files: { "news/2025/bad.md": news("标题", "2025-03-01 09:00", { topics: "\n  -食品安全" }) },
    error: `${N}:7 错误 字段「topics（专题/主题）」：应为列表，实际是“-食品安全”；列表写成 [甲, 乙]，或每项一行“  - 甲”（短横线后加空格）`,
  },
  // Fields
  {
    name: "missing required field",
    files: { "news/2025/bad.md": news("标题", "2025-03-01 09:00").replace(/source: .*\n/, "") },
    error: `${N}:2 错误 字段「source（来源）」：缺少必填字段`,
  },
  {
    name: "unknown field with a near miss",
    files: { "news/2025/bad.md": news("标题", "2025-03-01 09:00", { sumary: "摘要" }) },
    error: `${N}:7 错误 字段「sumary」：未知字段，是否想写「summary」（摘要）？`,
  },
  {
    name: "wrong type: boolean",
    files: { "news/2025/bad.md": news("标题", "2025-03-01 09:00", { draft: "是" }) },
    error: `${N}:7 错误 字段「draft（草稿）」：应为true 或 false，实际是“是”`,
  },
  {
    name: "wrong type: list",
    files: { "news/2025/bad.md": news("标题", "2025-03-01 09:00", { topics: "食品安全" }) },
    error: `${N}:7 错误 字段「topics（专题/主题）」：应为列表，实际是“食品安全”；列表写成 [甲, 乙]，或每项一行“  - 甲”（短横线后加空格）`,
  },
  {
    name: "empty value (a # comment)",
    files: { "news/2025/bad.md": news("#标题", "2025-03-01 09:00") },
    error: `${N}:2 错误 字段「title（标题）」：应为文字，实际是空值（冒号后没有内容；值以 # 开头时须加引号，否则 # 后面是注释）`,
  },
  {
    name: "impossible date",
    files: { "news/2025/bad.md": news("标题", "2025-02-30 09:00") },
    error: `${N}:3 错误 字段「date（发布时间）」：日期“2025-02-30 09:00”不存在`,
  },
  {
    name: "date in the wrong format",
    files: { "news/2025/bad.md": news("标题", "2025/03/01") },
    error: `${N}:3 错误 字段「date（发布时间）」：日期“2025/03/01”格式不对，应为 YYYY-MM-DD 或 YYYY-MM-DD HH:mm`,
  },
  {
    name: "promised days longer than legal days",
    files: { "guides/bad.md": guide({ promised_days: 30 }) },
    error:
      "content/guides/bad.md:14 错误 字段「promised_days（承诺办结时限）」：承诺办结时限（30 天）不能长于法定办结时限（20 天）",
  },
  // Encoding
  {
    name: "GBK file",
    files: {
      "news/2025/bad.md": Buffer.concat([
        Buffer.from("---\ntitle: "),
        Buffer.from([0xb2, 0xe2, 0xca, 0xd4]),
        Buffer.from("\n---\n"),
      ]),
    },
    error: `${N}:1 错误：文件不是 UTF-8 编码（看起来是 GBK/GB18030）；请在编辑器中用“UTF-8”编码另存`,
  },
  {
    name: "UTF-16 file",
    files: {
      "news/2025/bad.md": Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(news("标题", "2025-03-01 09:00"), "utf16le"),
      ]),
    },
    error: `${N}:1 错误：文件不是 UTF-8 编码（看起来是 UTF-16（记事本中的“Unicode”））；请在编辑器中用“UTF-8”编码另存`,
  },
  // Config values
  {
    name: "column not declared",
    files: { "news/2025/bad.md": news("标题", "2025-03-01 09:00", { column: "要闻" }) },
    error: `${N}:4 错误 字段「column（栏目）」：“要闻”未在站点配置中声明；应为：市级新闻、部门动态、转载、发布会、通知公告`,
  },
  {
    name: "column with a slip of one character",
    files: { "news/2025/bad.md": news("标题", "2025-03-01 09:00", { column: "市级新问" }) },
    error: `${N}:4 错误 字段「column（栏目）」：“市级新问”未在站点配置中声明；是否想写“市级新闻”？应为：市级新闻、部门动态、转载、发布会、通知公告`,
  },
  {
    name: "department not declared",
    files: { "news/2025/bad.md": news("标题", "2025-03-01 09:00", { department: "市政府" }) },
    error: `${N}:6 错误 字段「department（发布机构）」：“市政府”未在站点配置中声明；应为：测试市人民政府、市政府办公室、市市场监督管理局`,
  },
  {
    name: "topic not declared",
    files: { "news/2025/bad.md": news("标题", "2025-03-01 09:00", { topics: ["食品卫生"] }) },
    error: `${N}:7 错误 字段「topics[0]（专题或主题）」：“食品卫生”未在站点配置中声明；应为：生态文明、保障性住房、食品安全、环境保护、征地拆迁、安全事故、价格收费、惠农惠牧`,
  },
  {
    name: "事项类型 not declared",
    files: { "guides/bad.md": guide({ item_type: "行政审批" }) },
    error:
      "content/guides/bad.md:3 错误 字段「item_type（事项类型）」：“行政审批”未在站点配置中声明；应为：行政许可、非许可、服务",
  },
  // Across files
  {
    name: "duplicate 索引号",
    files: { "policies/2025/bad.md": policy({ doc_no: "测政发〔2025〕9号" }) },
    error:
      "content/policies/2025/good.md:3 错误 字段「index_no（索引号）」：索引号“11150000MB00000001/2025-00001”与 content/policies/2025/bad.md 重复；索引号必须全站唯一",
  },
  {
    name: "duplicate 发文字号",
    files: { "policies/2025/bad.md": policy({ index_no: "11150000MB00000001/2025-00009" }) },
    error:
      "content/policies/2025/good.md:6 错误 字段「doc_no（发文字号）」：发文字号“测政发〔2025〕1号”与 content/policies/2025/bad.md 重复；发文字号必须全站唯一",
  },
  {
    name: "解读 of a document that does not exist",
    files: {
      "policies/2025/bad.md": policy({
        index_no: "11150000MB00000001/2025-00009",
        doc_no: undefined,
        kind: "政策解读",
        interprets: "11150000MB00000001/2025-00099",
      }),
    },
    error: `${P}:10 错误 字段「interprets（所解读文件的索引号）」：找不到索引号为“11150000MB00000001/2025-00099”的政策文件；请填写被解读文件的索引号`,
  },
  // Body links and images
  {
    name: "link to a page that does not exist",
    files: { "news/2025/bad.md": withBody("第一行\n见[通知](/news/2025/nothing/)。") },
    error: `${N}:9 错误 字段「正文」：链接“/news/2025/nothing/”无效：页面 /news/2025/nothing/ 不存在（站内链接应为本站生成的网址，如 /news/2025/example/）`,
  },
  {
    name: "image that does not exist",
    files: { "news/2025/bad.md": withBody("![图](/media/none.jpg)") },
    error: `${N}:8 错误 字段「正文」：图片“/media/none.jpg”无效：文件 content/media/none.jpg 不存在；请把文件放到 content/media/ 中，或改正路径`,
  },
  {
    name: "image with the wrong case",
    files: { "news/2025/bad.md": withBody("![图](/media/Photo.jpg)") },
    error: `${N}:8 错误 字段「正文」：图片“/media/Photo.jpg”无效：文件 content/media/Photo.jpg 不存在；大小写不一致，实际文件为 content/media/photo.jpg（网站区分大小写）`,
  },
  {
    name: "link to a .md source file",
    files: { "news/2025/bad.md": withBody("见[上一条](good.md)") },
    error: `${N}:8 错误 字段「正文」：链接“good.md”无效：指向的是源文件；请链接它的网址 /news/2025/good/`,
  },
  {
    name: "link without the trailing slash",
    files: { "news/2025/bad.md": withBody("见[上一条](/news/2025/good)") },
    error: `${N}:8 错误 字段「正文」：链接“/news/2025/good”无效：页面 /news/2025/good 不存在；是否想写 /news/2025/good/（网址以 / 结尾）？`,
  },
  {
    name: "link that climbs out of the site",
    files: { "news/2025/bad.md": withBody("见[文件](/media/..%2f..%2fetc/passwd)") },
    error: `${N}:8 错误 字段「正文」：链接“/media/..%2f..%2fetc/passwd”无效：包含 ..、反斜杠或 %2e 等编码，不能指向站点目录之外；请写以 / 开头的完整站内路径`,
  },
  // Attachments and media fields
  {
    name: "missing attachment",
    files: {
      "news/2025/bad.md": news("标题", "2025-03-01 09:00", {
        attachments: "\n  - { title: 附件, file: /media/none.pdf }",
      }),
    },
    error: `${N}:8 错误 字段「attachments[0].file（附件文件）」：文件 content/media/none.pdf 不存在；请把文件放到 content/media/ 中，或改正路径`,
  },
  {
    name: "missing poster",
    files: { "videos/2025/bad.md": video({ poster: "{ src: /media/none.svg, alt: 画面 }" }) },
    error: `${V}:8 错误 字段「poster.src（图片地址）」：文件 content/media/none.svg 不存在；请把文件放到 content/media/ 中，或改正路径`,
  },
  {
    name: "missing captions",
    files: { "videos/2025/bad.md": video({ captions: "/media/none.vtt" }) },
    error: `${V}:10 错误 字段「captions（字幕）」：文件 content/media/none.vtt 不存在；请把文件放到 content/media/ 中，或改正路径`,
  },
  {
    name: "missing periodical PDF",
    files: {
      "periodicals/xun/bad.md": md({
        title: "第2期",
        periodical: "测试讯",
        issue: 2,
        date: "2025-02-15 09:00",
        pdf: "/media/none.pdf",
      }),
    },
    error:
      "content/periodicals/xun/bad.md:6 错误 字段「pdf（PDF 文件）」：文件 content/media/none.pdf 不存在；请把文件放到 content/media/ 中，或改正路径",
  },
  {
    name: "missing cover",
    files: {
      "news/2025/bad.md": news("标题", "2025-03-01 09:00", { cover: "{ src: /media/none.jpg, alt: 封面 }" }),
    },
    error: `${N}:7 错误 字段「cover.src（图片地址）」：文件 content/media/none.jpg 不存在；请把文件放到 content/media/ 中，或改正路径`,
  },
  // Paths that would leave the output folder
  {
    name: "media path with ..",
    files: {
      "news/2025/bad.md": news("标题", "2025-03-01 09:00", {
        cover: "{ src: /media/../secret.jpg, alt: 封面 }",
      }),
    },
    error: `${N}:7 错误 字段「cover.src（图片地址）」：路径不能包含 ..、反斜杠 \\ 或 %2e、%2f 等编码（不能指向站点目录之外）`,
  },
  {
    name: "video path with %2e%2e",
    files: { "videos/2025/bad.md": video({ video: "/media/%2e%2e/%2e%2e/x.webm" }) },
    error: `${V}:7 错误 字段「video（视频文件）」：路径不能包含 ..、反斜杠 \\ 或 %2e、%2f 等编码（不能指向站点目录之外）`,
  },
  {
    name: "video path with backslashes",
    files: { "videos/2025/bad.md": video({ video: "'/media\\..\\x.webm'" }) },
    error: `${V}:7 错误 字段「video（视频文件）」：路径不能包含 ..、反斜杠 \\ 或 %2e、%2f 等编码（不能指向站点目录之外）`,
  },
  {
    name: "absolute Windows path",
    files: { "videos/2025/bad.md": video({ video: "C:/videos/x.webm" }) },
    error: `${V}:7 错误 字段「video（视频文件）」：应为以 / 开头的站内路径（如 /media/a.pdf）或 http(s):// 开头的网址`,
  },
  {
    name: "Chinese file name",
    files: { "news/2025/春耕.md": news("标题", "2025-03-01 09:00") },
    error:
      "content/news/2025/春耕.md 错误：文件名或目录名“春耕”不能用作网址：只能使用小写英文字母、数字和连字符（不要用中文或空格）",
  },
  {
    name: "upper-case file name",
    files: { "news/2025/Good.md": news("标题", "2025-03-01 09:00") },
    error:
      "content/news/2025/Good.md 错误：文件名或目录名“Good”不能用作网址：只能使用小写英文字母、数字和连字符（不要用中文或空格）",
  },
  {
    name: "file name that is a generated list's URL",
    files: { "news/city-news.md": news("标题", "2025-03-01 09:00") },
    error: "content/news/city-news.md 错误：网址 /news/city-news/ 与系统生成的列表页冲突；请给文件换一个名字",
  },
  {
    name: "media names differing only in case",
    files: { "media/PHOTO.jpg": "x" },
    error:
      "content/media/photo.jpg 错误：与 content/media/PHOTO.jpg 只有大小写不同；在 Windows 和 macOS 上两者是同一个文件，请改名",
  },
  // Other mistakes
  {
    name: "placeholder left in a published item",
    files: { "news/2025/bad.md": news("标题", "2025-03-01 09:00", { source: "【待填写】来源" }) },
    error: `${N}:5 错误 字段「source（来源）」：仍是占位内容“【待填写】来源”，请填写实际内容`,
  },
  {
    name: "picture saved next to the Markdown",
    files: { "news/2025/photo.jpg": "x" },
    error:
      "content/news/2025/photo.jpg 错误：内容目录中只能放 .md 文件；图片、PDF 等附件请放在 content/media/ 中",
  },
  {
    name: "unknown content folder",
    files: { "articles/a.md": news("标题", "2025-03-01 09:00") },
    error:
      "content/articles/a.md 错误：不认识的内容目录“articles”；内容文件应放在以下目录中：" +
      DEFAULT_TYPES.map((t) => t.folder).join("、"),
  },
];
