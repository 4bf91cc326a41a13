/**
 * The bad-input corpus, continued (corpus-cases.ts): body links and images, attachments and media
 * fields, paths that would leave the output folder, and other mistakes.
 */
import { md, news } from "../helpers/fixture.ts";
import { DEFAULT_TYPES } from "../../src/content-types/index.ts";
import { N, V, type BrokenCase } from "./corpus-cases.ts";

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

const withBody = (body: string) => news("正文有链接", "2025-03-05 09:00").replace("正文。", body);

export const LINK_CASES: BrokenCase[] = [
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
