/**
 * The file `npm run new` writes for each content type: every required field present, dated now in
 * the site's zone, `draft: true`, and 【待填写】 placeholders where only the editor knows the value.
 * The result validates (it can be previewed at once); `npm run check` then lists every placeholder
 * left — as a warning while the item is a draft, as an error once it would be published.
 * Choices from the site config are listed in a comment beside the field; optional fields follow
 * as comments to uncomment. The lines and the folder come from the type's spec (its `scaffold`).
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { shownPath } from "../problems/placed.ts";
import { DateTime } from "luxon";
import type { Site } from "../config/schema.ts";
import { PLACEHOLDER as TODO } from "../content/placeholders.ts";
import { DEFAULT_TYPES } from "../content-types/index.ts";
import { specOf, type AnyTypeSpec } from "../content-types/spec.ts";
import { q, ScaffoldError } from "./scaffold-lines.ts";

export { ScaffoldError };

export interface ScaffoldOptions {
  site: Site;
  /** Key of the content type: news, policy … */
  type: string;
  title: string;
  /** ASCII file name without .md; a date-based one when absent. */
  name?: string;
  /** The clock (epoch ms): the item's date. */
  now: number;
  /** Absolute path of content/, to avoid existing files and to number things. */
  contentDir: string;
  /** What the type's `scaffold.used` found in the content (索引号 already used, for the next one). */
  used?: readonly string[];
  /** The content types (default: src/content-types/index.ts). */
  types?: readonly AnyTypeSpec[];
}

const SEGMENT = /^[a-z0-9][a-z0-9-]*$/;

/** Where the file goes, under content/. */
function relPath(o: ScaffoldOptions, spec: AnyTypeSpec, stamp: DateTime): string {
  const input = { site: o.site, stamp, name: o.name, contentDir: o.contentDir, used: o.used ?? [] };
  if (spec.scaffold.path) return spec.scaffold.path(input);
  if (o.name !== undefined && !SEGMENT.test(o.name)) {
    throw new ScaffoldError(
      `文件名“${o.name}”不能用作网址：只能使用小写英文字母、数字和连字符（不要用中文或空格）`,
    );
  }
  const sub = spec.scaffold.folder(input);
  const dir = sub ? `${spec.folder}/${sub}` : spec.folder;
  // Like the sample portal's files (news/2025/0312-spring-ploughing.md): the year is already the folder.
  const base = o.name ?? stamp.toFormat(dir.endsWith(`/${stamp.year}`) ? "MMdd-HHmm" : "yyyyMMdd-HHmm");
  for (let n = 1; ; n++) {
    const rel = `${dir}/${n === 1 ? base : `${base}-${n}`}.md`;
    if (!existsSync(path.join(o.contentDir, rel))) return rel;
    if (o.name !== undefined)
      throw new ScaffoldError(`${shownPath(path.resolve(o.contentDir, rel))} 已存在；请换一个 --name`);
  }
}

export function scaffold(o: ScaffoldOptions): { rel: string; text: string } {
  if (!o.title.trim()) throw new ScaffoldError("请给出标题：npm run new -- <类型> <标题>");
  const spec = specOf(o.types ?? DEFAULT_TYPES, o.type);
  const stamp = DateTime.fromMillis(o.now, { zone: o.site.timeZone });
  const rel = relPath(o, spec, stamp);
  const input = { site: o.site, stamp, name: o.name, contentDir: o.contentDir, used: o.used ?? [] };
  const lines = [
    "---",
    `title: ${q(o.title.trim())}`,
    ...spec.scaffold.lines(input),
    "draft: true  # 草稿：检查无误后删除此行或改为 false 才会发布",
    "---",
    "",
    spec.scaffold.body ?? `${TODO}正文。\n`,
  ];
  return { rel, text: lines.join("\n") };
}
