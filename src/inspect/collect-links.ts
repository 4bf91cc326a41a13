/**
 * The external addresses a published site points to, for `npm run inspect` (issue 16; the
 * inspection's 链接可用性, 附件下载 and 在线系统 reachable, domain.md §6): every http(s) link and
 * image of a body, and every http(s) value of a front-matter field (a guide's 办事 `online_url`, a
 * video hosted elsewhere, any field a type adds). Attachments kept in content/media are checked
 * by `npm run check` already; an attachment on another host is an external link whose path ends
 * in a document extension. Each address is fetched once, however many pages name it.
 */
import type { ContentRecord } from "../content/types.ts";
import { bodyExternalLinks } from "../check/body-links.ts";
import { lineOfRecordPath } from "../content/line-of-field.ts";

export type LinkKind = "办事入口" | "附件" | "外部链接" | "外部图片";

export interface LinkUse {
  file: string;
  line?: number;
  /** 正文 or the front-matter path (online_url, video). */
  field: string;
}

export interface ExternalLink {
  url: string;
  kind: LinkKind;
  uses: LinkUse[];
}

/** File types an attachment is published in (GB/T 33190 OFD, office formats, archives). */
const ATTACHMENT = /\.(pdf|ofd|docx?|xlsx?|et|wps|pptx?|zip|rar|7z|txt|csv)$/i;

function kindOf(url: string, field: string, image: boolean): LinkKind {
  if (/(^|\.)online_url$/.test(field)) return "办事入口";
  let pathname = "";
  try {
    pathname = new URL(url).pathname;
  } catch {
    // An address that does not parse is fetched anyway and reported broken.
  }
  if (ATTACHMENT.test(pathname)) return "附件";
  return image ? "外部图片" : "外部链接";
}

function walk(value: unknown, path: PropertyKey[], out: [PropertyKey[], string][]): void {
  if (typeof value === "string") {
    if (/^https?:\/\//i.test(value.trim())) out.push([path, value.trim()]);
  } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i], out));
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) walk(v, [...path, k], out);
}

/** Every external address of the records, in the order first met (deterministic: records are sorted). */
export function collectExternalLinks(records: readonly ContentRecord[], allowHtml: boolean): ExternalLink[] {
  const byUrl = new Map<string, ExternalLink>();
  const add = (url: string, kind: LinkKind, use: LinkUse) => {
    const known = byUrl.get(url);
    if (known) known.uses.push(use);
    else byUrl.set(url, { url, kind, uses: [use] });
  };
  for (const record of records) {
    const found: [PropertyKey[], string][] = [];
    walk(record.fields, [], found);
    for (const [path, url] of found) {
      const field = path.map(String).join(".");
      add(url, kindOf(url, field, false), { file: record.file, line: lineOfRecordPath(record, path), field });
    }
    for (const link of bodyExternalLinks(record, allowHtml))
      add(link.url, kindOf(link.url, "正文", link.kind === "图片"), {
        file: record.file,
        line: link.line,
        field: "正文",
      });
  }
  return [...byUrl.values()];
}
