/**
 * The bad-input corpus: one broken file (or one broken pair) per case, each with the one error it
 * must produce, exactly as an editor reads it. Every case is added to the same good fixture.
 * YAML, fields, encoding, config values and cross-file cases here; body links, attachments, paths
 * and other mistakes in corpus-cases-links.ts.
 */
import { md, news } from "../helpers/fixture.ts";

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

export const guide = (extra: Record<string, string | number>) =>
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

export const N = "content/news/2025/bad.md";
export const P = "content/policies/2025/bad.md";
export const V = "content/videos/2025/bad.md";

export const FILE_CASES: BrokenCase[] = [
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
];
