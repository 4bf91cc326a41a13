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
 * A video whose body is empty gets a warning too: its page promises 文字实录见下文 under that
 * heading, and a reader who cannot hear the video is left nothing (the captions the schema requires).
 *
 * A scan of the text, not a parse, and only a body that has `![`, `](`, or (raw HTML on) `<img`,
 * `</a>` or `<table` is read further. A line is where the image or table starts. What a body gives
 * is kept with its record by the build cache's record store (src/build/cache/record-facts.ts), as
 * its links are: a one-edit build scans the edited body only and decodes no other.
 */
import type { Problem } from "../problems/problems.ts";
import type { ContentRecord } from "../content/types.ts";
import { keptWith } from "../content/kept.ts";

/** One warning in a body: its line counted from the body's first line. */
export interface A11ySlip {
  line: number;
  message: string;
}

/** A body's warnings, as scanned with `allowHtml` (plain data: the record store keeps it). */
export interface BodyA11y {
  allowHtml: boolean;
  slips: A11ySlip[];
}

const EMPTY_TRANSCRIPT =
  "视频没有文字实录：页面上“文字实录”下为空；请在正文中写出视频中的讲话和画面要点，供听不到声音的读者阅读";

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

/** The scan of each record object, or what the record store kept with it. */
const scanned = new WeakMap<object, BodyA11y>();

/** The warnings of `record`'s body this process has or the record store kept with it, if any. */
export const bodyA11yKnown = (record: object): BodyA11y | undefined =>
  scanned.get(record) ?? (keptWith(record)?.a11y as BodyA11y | undefined);

function slipsOf(record: ContentRecord, allowHtml: boolean): A11ySlip[] {
  const { body } = record;
  const slips: A11ySlip[] = [];
  if (record.type === "video" && body.trim() === "") slips.push({ line: 0, message: EMPTY_TRANSCRIPT });
  const hasImage = body.includes("![") || (allowHtml && /<img\b/i.test(body));
  const hasLink = body.includes("](") || (allowHtml && body.includes("</a>"));
  const hasTable = allowHtml && /<table\b/i.test(body);
  if (!hasImage && !hasTable && !hasLink) return slips;
  const warn = (index: number, message: string) => slips.push({ line: lineAt(body, index), message });
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
  return slips;
}

/** `record`'s body warnings, scanned once per record object and kept by the record store. */
export function bodyA11y(record: ContentRecord, allowHtml: boolean): A11ySlip[] {
  const known = bodyA11yKnown(record);
  if (known?.allowHtml === allowHtml) return known.slips;
  const slips = slipsOf(record, allowHtml);
  scanned.set(record, { allowHtml, slips });
  return slips;
}

/** Warnings for the images, vague links, (raw HTML on) tables of each record's body, and empty 文字实录. */
export function bodyA11yProblems(records: readonly ContentRecord[], allowHtml: boolean): Problem[] {
  const problems: Problem[] = [];
  for (const record of records)
    for (const slip of bodyA11y(record, allowHtml))
      problems.push({
        severity: "warning",
        file: record.file,
        line: record.bodyLine + slip.line,
        field: "正文",
        message: slip.message,
      });
  return problems;
}
