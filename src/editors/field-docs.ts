/**
 * docs/fields.md: the field reference per content type, written from the JSON Schemas (and so
 * from the zod descriptions) — one source of truth for validation, editor tooling and documentation.
 */
import type { Site } from "../config/schema.ts";
import { DEFAULT_TYPES } from "../content-types/index.ts";
import type { AnyTypeSpec } from "../content-types/spec.ts";
import { jsonSchemaFor, type JsonSchema } from "./json-schema.ts";

const TYPE_NAMES: Record<string, string> = {
  string: "文字",
  integer: "整数",
  number: "数字",
  boolean: "true/false",
  array: "列表",
  object: "映射",
};

function typeOf(s: JsonSchema): string {
  if (s.anyOf) return s.anyOf.map(typeOf).join(" 或 ");
  if (s.type === "array" && s.items) return `${typeOf(s.items)}的列表`;
  return TYPE_NAMES[s.type ?? ""] ?? "任意";
}

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

function notes(s: JsonSchema): string {
  const parts: string[] = [];
  const values = s.enum ?? (s.type === "array" ? s.items?.enum : undefined);
  if (values)
    parts.push(
      values.length
        ? `取值：${values.map((v) => `\`${String(v)}\``).join(" ")}`
        : "取值：（站点配置中尚未声明）",
    );
  if (s.default !== undefined && !(Array.isArray(s.default) && s.default.length === 0))
    parts.push(`默认：${JSON.stringify(s.default)}`);
  if (s.examples?.length) parts.push(`例如：${s.examples.map((v) => `\`${String(v)}\``).join(" ")}`);
  if (s.maxLength !== undefined) parts.push(`最多 ${s.maxLength} 字`);
  return parts.join("；");
}

function rows(schema: JsonSchema, prefix = ""): string[] {
  const out: string[] = [];
  for (const [name, field] of Object.entries(schema.properties ?? {})) {
    const required = schema.required?.includes(name) ? "是" : "";
    out.push(
      `| \`${prefix}${name}\` | ${required} | ${typeOf(field)} | ${cell(field.description ?? "")} | ${cell(notes(field))} |`,
    );
    if (field.type === "object") out.push(...rows(field, `${prefix}${name}.`));
    if (field.type === "array" && field.items?.type === "object")
      out.push(...rows(field.items, `${prefix}${name}[].`));
  }
  return out;
}

export function fieldReference(site: Site, types: readonly AnyTypeSpec[] = DEFAULT_TYPES): string {
  const sections = types.map(({ type, label, folder }) => {
    return [
      `## ${label}（\`${type}\`，content/${folder}/）`,
      "",
      "| 字段 | 必填 | 类型 | 说明 | 取值与格式 |",
      "| --- | --- | --- | --- | --- |",
      ...rows(jsonSchemaFor(site, type, types)),
      "",
    ].join("\n");
  });
  return [
    "# 前言字段参考",
    "",
    "<!-- 由 npm run docs:fields 从 src/content/*.ts 的字段说明与 site.config.ts 生成，请勿手工修改。 -->",
    "",
    "每个内容文件以 `---` 之间的 YAML 前言开头。下表列出每种内容的字段；“取值”来自站点配置 site.config.ts。",
    "日期写成 `2025-03-12 09:30`（按站点时区）。写作方法见 [editors.md](editors.md)。",
    "",
    ...sections,
  ].join("\n");
}

/** Type names for README, which is written in English. */
const ENGLISH_TYPES: Record<string, string> = {
  string: "text",
  integer: "integer",
  number: "number",
  boolean: "true/false",
  array: "list",
  object: "map",
};

function englishType(s: JsonSchema): string {
  if (s.anyOf) return s.anyOf.map(englishType).join(" or ");
  if (s.type === "array" && s.items) return `list of ${englishType(s.items)}`;
  return ENGLISH_TYPES[s.type ?? ""] ?? "any";
}

function compactRows(schema: JsonSchema, prefix = ""): string[] {
  const out: string[] = [];
  for (const [name, field] of Object.entries(schema.properties ?? {})) {
    const required = schema.required?.includes(name) ? "yes" : "";
    out.push(
      `| \`${prefix}${name}\` | ${required} | ${englishType(field)} | ${cell(field.description ?? "")} |`,
    );
    if (field.type === "object") out.push(...compactRows(field, `${prefix}${name}.`));
    if (field.type === "array" && field.items?.type === "object")
      out.push(...compactRows(field.items, `${prefix}${name}[].`));
  }
  return out;
}

export const README_MARKERS = { start: "<!-- fields:start -->", end: "<!-- fields:end -->" } as const;

/** The field reference inside README.md (between the markers), from the same schemas as docs/fields.md. */
export function readmeFieldReference(site: Site, types: readonly AnyTypeSpec[] = DEFAULT_TYPES): string {
  const sections = types.map(({ type, label, folder }) => {
    return [
      `#### ${type} — ${label} (\`content/${folder}/\`)`,
      "",
      "| field | required | type | meaning (the label editors see) |",
      "| --- | --- | --- | --- |",
      ...compactRows(jsonSchemaFor(site, type, types)),
      "",
    ].join("\n");
  });
  return [
    README_MARKERS.start,
    "<!-- Written by `npm run docs:fields` from the zod schemas; do not edit by hand. Choices, defaults and examples: docs/fields.md. -->",
    "",
    ...sections,
    README_MARKERS.end,
  ].join("\n");
}

/** README.md with its field reference replaced. */
export function withFieldReference(readme: string, site: Site): string {
  const start = readme.indexOf(README_MARKERS.start);
  const end = readme.indexOf(README_MARKERS.end);
  if (start < 0 || end < start) throw new Error("README.md lacks the fields:start / fields:end markers");
  return readme.slice(0, start) + readmeFieldReference(site) + readme.slice(end + README_MARKERS.end.length);
}
