/**
 * Links and images in Markdown bodies must point somewhere: to a page or file the build writes
 * (pages, statistics, reports, open data, feeds, media, assets: the build's own enumeration,
 * src/eleventy/site-outputs.ts).
 * External addresses are not fetched. The bodies' parse is src/check/body-parse.ts.
 */
import type { Problem } from "../problems/problems.ts";
import type { ContentRecord } from "../content/types.ts";
import { escapesSite } from "../content/fields.ts";
import type { SiteOutputs } from "../eleventy/site-outputs.ts";
import { missingMedia, type MediaIndex } from "./media-index.ts";
import { severityFor } from "./record-checks.ts";
import { bodyLinks, type NoteSlip } from "./body-parse.ts";

export interface LinkTargets {
  /** What the build writes (site URLs without the path prefix): /news/2025/a/, /feeds/news.xml. */
  outputs: Pick<SiteOutputs, "has">;
  /** URLs of valid records that are not published in this build (drafts, scheduled). */
  unpublished: Pick<ReadonlyMap<string, ContentRecord>, "get" | "has">;
  /** content/media, to say why a /media/ link does not resolve. */
  media: MediaIndex;
}

/** The decoded site path a relative or root-relative link names, or undefined when it cannot be decoded. */
function sitePath(record: ContentRecord, target: string): string | undefined {
  // A link to a .md file is relative to the Markdown file's folder, as the editor's editor shows it.
  const base = /\.md([?#]|$)/.test(target) ? `/${record.id.split("/").slice(0, -1).join("/")}/` : record.url;
  try {
    return decodeURI(new URL(target, `http://site${base}`).pathname);
  } catch {
    return undefined;
  }
}

/** The /media/ paths a record's body links to or shows (src/media/embargo.ts). */
export function bodyMediaPaths(record: ContentRecord, allowHtml: boolean): string[] {
  const paths: string[] = [];
  for (const { target } of bodyLinks(record, allowHtml).links) {
    if (
      target === "" ||
      target.startsWith("#") ||
      target.startsWith("//") ||
      /^[a-z][a-z0-9+.-]*:/i.test(target)
    )
      continue;
    if (escapesSite(target)) continue;
    const pathname = sitePath(record, target);
    if (pathname?.startsWith("/media/")) paths.push(pathname);
  }
  return paths;
}

/** The http(s) links and images of a record's body, with their file lines (npm run inspect fetches them). */
export function bodyExternalLinks(
  record: ContentRecord,
  allowHtml: boolean,
): { kind: "链接" | "图片"; url: string; line: number }[] {
  return bodyLinks(record, allowHtml)
    .links.filter((l) => /^https?:\/\//i.test(l.target))
    .map((l) => ({ kind: l.kind, url: l.target, line: record.bodyLine + l.line }));
}

/** The problem with one target, or undefined when it resolves. */
function resolve(
  record: ContentRecord,
  target: string,
  to: LinkTargets,
): { message: string; soft?: boolean } | undefined {
  if (target === "" || target.startsWith("#") || /^(https?|mailto|tel):/i.test(target)) return undefined;
  if (target.startsWith("//")) return { message: `“${target}”缺少 https:，请写完整网址` };
  // Harmless once rendered (markdown-it and the sanitiser drop script URLs), but surely not what was meant.
  if (/^[a-z][a-z0-9+.-]*:/i.test(target))
    return {
      message: "不是网页地址，发布时会被删除或无法打开；站内链接以 / 开头，站外链接以 https:// 开头",
      soft: true,
    };
  if (escapesSite(target))
    return { message: "包含 ..、反斜杠或 %2e 等编码，不能指向站点目录之外；请写以 / 开头的完整站内路径" };
  const pathname = sitePath(record, target);
  if (pathname === undefined) return { message: `“${target}”不是有效的网址` };
  if (to.outputs.has(pathname)) return undefined;
  if (pathname.startsWith("/media/")) {
    const missing = missingMedia(to.media, pathname);
    return missing ? { message: missing } : undefined;
  }
  if (pathname.startsWith("/assets/")) return { message: `站点资源 ${pathname} 不存在` };
  const page = pathname.replace(/\/index\.html$/, "/");
  const draft = to.unpublished.get(page);
  if (draft)
    return { message: `指向的 ${draft.file} 尚未发布（草稿或定时发布），发布前此链接无法打开`, soft: true };
  if (page.endsWith(".md")) {
    const url = `/${page.replace(/^\/+/, "").replace(/\.md$/, "")}/`;
    if (to.outputs.has(url) || to.unpublished.has(url))
      return { message: `指向的是源文件；请链接它的网址 ${url}` };
  }
  if (!page.endsWith("/") && to.outputs.has(`${page}/`))
    return { message: `页面 ${page} 不存在；是否想写 ${page}/（网址以 / 结尾）？` };
  return { message: `页面 ${page} 不存在（站内链接应为本站生成的网址，如 /news/2025/example/）` };
}

function noteProblem(record: ContentRecord, { line, label, kind }: NoteSlip): Problem {
  const at = { file: record.file, line: record.bodyLine + line, field: "正文" };
  return kind === "unused"
    ? {
        ...at,
        severity: severityFor(record),
        message: `注释“[^${label}]:”没有在正文中引用，页面上不会显示；请在正文相应位置写“[^${label}]”，或删除这条注释`,
      }
    : {
        ...at,
        severity: "warning",
        message: `脚注“[^${label}]”没有对应的注释，页面上会原样显示；请在正文末尾另起一行写“[^${label}]: 注释内容”`,
      };
}

export function bodyLinkProblems(
  records: readonly ContentRecord[],
  to: LinkTargets,
  allowHtml: boolean,
): Problem[] {
  const problems: Problem[] = [];
  for (const record of records) {
    const { links, html, notes } = bodyLinks(record, allowHtml);
    for (const found of links) {
      const bad = resolve(record, found.target, to);
      if (!bad) continue;
      problems.push({
        severity: bad.soft ? "warning" : severityFor(record),
        file: record.file,
        line: record.bodyLine + found.line,
        field: "正文",
        message: `${found.kind}“${found.target}”无效：${bad.message}`,
      });
    }
    for (const note of notes) problems.push(noteProblem(record, note));
    if (!allowHtml && html.length) {
      problems.push({
        severity: "warning",
        file: record.file,
        line: record.bodyLine + html[0],
        field: "正文",
        message: "正文含有 HTML 标签；本站未开启 allowHtml，这些标签会按原样显示为文字。请改用 Markdown 写法",
      });
    }
  }
  return problems;
}
