/**
 * What only the editor can put right in a body, warned where it is written (a11y50: bodies pasted
 * from Word, WPS, old CMSs and WeChat): an image with no text alternative (Markdown `![](…)`, a
 * pasted `<img>` without alt or with alt=""), an image whose text alternative is its file name
 * (IMG_0931.JPG, 微信图片_2026…), a link that says only 点击这里 (a screen reader's list of links
 * reads it without the sentence around it: WCAG 2.4.4), and, with raw HTML on, a pasted table
 * without a header row.
 * A screen reader says nothing useful for any of them (axe image-alt, link-name; the Nu Html
 * Checker's error for <img> without alt), and the generator cannot know what the picture shows.
 *
 * A scan of the text, not a parse: it runs on every build over every record, and only a body that
 * has `![`, `](`, or (raw HTML on) `<img`, `</a>` or `<table` is read further. A line is where the image or table starts.
 */
import type { Problem } from "../problems/problems.ts";
import type { ContentRecord } from "../content/types.ts";

const FILE_NAME =
  /^(?:.*\.(?:png|jpe?g|gif|bmp|webp|svg|tiff?)|(?:IMG|DSC|DSCN|image|微信图片|截图|屏幕截图)[_\s-]?[\d_-].*)$/i;

const MARKDOWN_IMAGE = /!\[([^\]]*)\]\(\s*<?([^)\s>]*)/g;
const HTML_IMAGE = /<img\b[^>]*>/gi;
/** Link text that names no target: 点击这里, 点此, 这里, 此处, 详情 … (brackets and spaces aside). */
const VAGUE_LINK = /^(?:请?点击|请?点)?(?:这里|此处|此|链接|详情|查看)$/;
const MARKDOWN_LINK = /(?<!!)\[([^\]]{1,12})\]\(/g;
const HTML_LINK = /<a\b[^>]*>([^<]{1,12})<\/a>/gi;
const HTML_TABLE = /<table\b[\s\S]*?<\/table>/gi;

const lineAt = (body: string, index: number) => body.slice(0, index).split("\n").length - 1;

function attr(tag: string, name: string): string | undefined {
  const m = tag.match(new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i"));
  return m ? (m[1] ?? m[2] ?? m[3] ?? "") : undefined;
}

function altProblem(src: string, alt: string | undefined): string | undefined {
  const name = src.split("/").pop() || src;
  if (alt === undefined || alt.trim() === "")
    return `图片“${name}”没有替代文字，读屏软件无法告诉视障读者图片内容；请写明图片内容，如 ![县政务服务中心办事大厅](${src})`;
  if (FILE_NAME.test(alt.trim()))
    return `图片“${name}”的替代文字“${alt.trim()}”是文件名，读屏软件会念出文件名；请改为图片内容的简短说明`;
  return undefined;
}

/** Warnings for the images (and, with raw HTML on, the tables) of each record's body. */
export function bodyA11yProblems(records: readonly ContentRecord[], allowHtml: boolean): Problem[] {
  const problems: Problem[] = [];
  for (const record of records) {
    const { body } = record;
    const hasImage = body.includes("![") || (allowHtml && /<img\b/i.test(body));
    const hasLink = body.includes("](") || (allowHtml && body.includes("</a>"));
    const hasTable = allowHtml && /<table\b/i.test(body);
    if (!hasImage && !hasTable && !hasLink) continue;
    const warn = (index: number, message: string) =>
      problems.push({
        severity: "warning",
        file: record.file,
        line: record.bodyLine + lineAt(body, index),
        field: "正文",
        message,
      });
    for (const m of body.matchAll(MARKDOWN_IMAGE)) {
      const message = altProblem(m[2], m[1]);
      if (message) warn(m.index, message);
    }
    if (allowHtml)
      for (const m of body.matchAll(HTML_IMAGE)) {
        const message = altProblem(attr(m[0], "src") ?? "", attr(m[0], "alt"));
        if (message) warn(m.index, message);
      }
    if (hasLink)
      for (const m of [...body.matchAll(MARKDOWN_LINK), ...(allowHtml ? body.matchAll(HTML_LINK) : [])])
        if (VAGUE_LINK.test(m[1].replace(/[\s【】[\]>»]/g, "")))
          warn(
            m.index,
            `链接文字“${m[1]}”说不出链接去向，读屏软件列出全部链接时只读出“${m[1]}”；请把链接放在说明去向的文字上，如“详见[2026年防火工作方案](…)”`,
          );
    if (hasTable)
      for (const m of body.matchAll(HTML_TABLE))
        if (!/<th\b/i.test(m[0]))
          warn(
            m.index,
            "粘贴的表格没有表头行（<th>），读屏软件读单元格时无法说明它属于哪一列；请把第一行改为表头（<th>），或改用 Markdown 表格（第一行即表头）；只为排版用的表格请改为普通段落",
          );
  }
  return problems;
}
