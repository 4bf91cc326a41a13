/**
 * Characters an editor cannot see but outputs and checks stumble on.
 *
 * Control characters (C0 but tab, newline and carriage return; DEL; C1) and the noncharacters
 * U+FFFE/U+FFFF are not allowed in XML 1.0: one in a title makes the feeds and the sitemap
 * unreadable. They are errors anywhere in a file.
 *
 * Format characters (zero-width space and joiners, word joiner, a byte-order mark inside text,
 * bidi embeddings, overrides and isolates) are invisible: in a title, 发文字号 or 索引号 they make
 * two equal numbers look different to a program, or reorder what a reader sees (U+202E), so there
 * they are errors; elsewhere they are allowed, and duplicate checks ignore them (`comparable`).
 */
import type { Problem } from "../problems/problems.ts";
import { lineLocator } from "./front-matter.ts";
import { formatPath } from "../problems/schema-walk.ts";

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uFFFE\uFFFF]/g;
/** Zero-width and bidi format characters (ALM, LRM/RLM, embeddings/overrides, isolates). */
const FORMAT = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
/** What a title needs at least one of: not whitespace, not a format character, not a blank filler. */
const VISIBLE = /[^\s\p{Cf}\u115F\u1160\u3164\uFFA0\u2800]/u;
/** Fields where an invisible character is an error: titles (any depth), 发文字号, 索引号. */
const STRICT_FIELDS: Record<string, string> = { title: "标题", doc_no: "发文字号", index_no: "索引号" };

const codePoint = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

/** The text with format characters removed, for comparing values (duplicate checks). */
export function comparable(text: string): string {
  return text.replace(FORMAT, "");
}

/**
 * Control characters in a whole file (front matter and body), one problem per line, named by the
 * front-matter field the line belongs to, or 正文. Checked before the YAML is parsed (js-yaml would
 * refuse some of them with a message no editor understands).
 */
export function controlCharProblems(text: string, file: string): Problem[] {
  CONTROL.lastIndex = 0;
  if (!CONTROL.test(text)) return [];
  const lines = text.split("\n");
  const problems: Problem[] = [];
  // Front matter runs from line 2 to the closing ---; its fields start at column 0.
  const closing = lines.findIndex((l, i) => i > 0 && /^---[ \t]*\r?$/.test(l));
  let field: string | undefined;
  lines.forEach((line, i) => {
    const inMatter = i > 0 && (closing < 0 || i < closing);
    if (inMatter) field = line.match(/^([A-Za-z_][\w-]*)\s*:/)?.[1] ?? field;
    const found = [...new Set(line.replace(/\r$/, "").match(CONTROL) ?? [])];
    if (!found.length) return;
    problems.push({
      severity: "error",
      file,
      line: i + 1,
      field: inMatter ? field : i === 0 || i === closing ? undefined : "正文",
      message: `含有不可见的控制字符 ${found.map(codePoint).join("、")}；请删除（它们会使 RSS、网站地图等 XML 文件无法读取）`,
    });
  });
  return problems;
}

function* strictStrings(
  value: unknown,
  path: PropertyKey[] = [],
): Generator<[PropertyKey[], string, string]> {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) yield* strictStrings(item, [...path, i]);
  } else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const label = STRICT_FIELDS[key];
      // 发文字号 and 索引号 are top-level fields; a title is a title at any depth (附件名称 too).
      if (typeof item === "string" && label && (key === "title" || path.length === 0))
        yield [[...path, key], item, label];
      else yield* strictStrings(item, [...path, key]);
    }
  }
}

function* allStrings(value: unknown, path: PropertyKey[] = []): Generator<[PropertyKey[], string]> {
  if (typeof value === "string") yield [path, value];
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* allStrings(item, [...path, i]);
  else if (value && typeof value === "object")
    for (const [key, item] of Object.entries(value)) yield* allStrings(item, [...path, key]);
}

/** Non-global twins of CONTROL and FORMAT, for testing without `lastIndex`. */
const HAS_CONTROL = new RegExp(CONTROL.source);
const HAS_FORMAT = new RegExp(FORMAT.source);

/**
 * Whether `fieldTextProblems` finds nothing: the same strings under the same conditions, walked
 * without making a path per string (nearly every file is clean, and the walk ran for each).
 */
function clean(value: unknown, top: boolean): boolean {
  if (typeof value === "string") return !HAS_CONTROL.test(value);
  if (Array.isArray(value)) {
    for (const item of value) if (!clean(item, false)) return false;
  } else if (value && typeof value === "object") {
    for (const key of Object.keys(value)) {
      const item = (value as Record<string, unknown>)[key];
      if (typeof item === "string" && STRICT_FIELDS[key] && (key === "title" || top)) {
        if (HAS_CONTROL.test(item) || HAS_FORMAT.test(item)) return false;
        if (key === "title" && item.trim() !== "" && !VISIBLE.test(item)) return false;
      } else if (!clean(item, false)) return false;
    }
  }
  return true;
}

/**
 * Problems with the parsed front matter: control characters that YAML escapes produced
 * (`title: "通知\b"`), format characters in titles, 发文字号 and 索引号, titles without visible text.
 */
export function fieldTextProblems(data: unknown, file: string, matter: string): Problem[] {
  if (clean(data, true)) return [];
  // Lines are looked up only for a problem: it parses the front matter again (yaml's CST).
  const lineOf = lineLocator(matter);
  const problems: Problem[] = [];
  for (const [path, value] of allStrings(data)) {
    const found = [...new Set(value.match(CONTROL) ?? [])];
    if (found.length)
      problems.push({
        severity: "error",
        file,
        line: lineOf(path),
        field: formatPath(path),
        message: `含有不可见的控制字符 ${found.map(codePoint).join("、")}（可能来自引号中的 \\b、\\x01 等转义）；请删除`,
      });
  }
  for (const [path, value, label] of strictStrings(data)) {
    const at = () => ({ severity: "error" as const, file, line: lineOf(path), field: `${formatPath(path)}（${label}）` });
    const found = [...new Set(value.match(FORMAT) ?? [])];
    if (found.length)
      problems.push({
        ...at(),
        message: `含有不可见的格式字符 ${found.map(codePoint).join("、")}（零宽字符或文字方向控制符）；请删除后重新输入${label}`,
      });
    else if (path[path.length - 1] === "title" && value.trim() !== "" && !VISIBLE.test(value))
      problems.push({ ...at(), message: "标题没有可见的文字" });
  }
  return problems;
}
