/**
 * The web editor's form for one content type: every front-matter field of the type's JSON Schema
 * (so of its zod schema and site.config.ts) becomes a Decap CMS widget, with the Chinese label
 * before the colon of the field's description and the rest as the hint. The same checks the build
 * makes are given to the editor where Decap can run them before saving: required fields, choices
 * (selects from the site config), patterns (索引号, 发文字号, /media/ paths of allowed types,
 * dates), lengths and number ranges.
 */
import type { JsonSchema } from "./json-schema.ts";

/** One Decap CMS field (the subset of its options we write). */
export interface CmsField {
  name: string;
  label: string;
  widget: string;
  hint?: string;
  required?: boolean;
  default?: unknown;
  options?: string[];
  multiple?: boolean;
  pattern?: [string, string];
  fields?: CmsField[];
  field?: CmsField;
  collapsed?: boolean;
  summary?: string;
  value_type?: "int" | "float";
  min?: number;
  max?: number;
  format?: string;
  date_format?: string | boolean;
  time_format?: string | boolean;
  picker_utc?: boolean;
  allow_multiple?: boolean;
  choose_url?: boolean;
  modes?: string[];
  sanitize_preview?: boolean;
}

export interface FieldContext {
  /** File extensions content/media may publish (site.mediaTypes). */
  mediaTypes: readonly string[];
}

/** The date formats the loader reads (src/content/local-time.ts), in moment.js tokens (Decap's). */
export const DATE_TIME_FORMAT = "YYYY-MM-DD HH:mm";
export const DATE_FORMAT = "YYYY-MM-DD";

const IMAGE_TYPES = new Set([
  "jpg",
  "jpeg",
  "png",
  "gif",
  "webp",
  "avif",
  "bmp",
  "svg",
  "ico",
  "tif",
  "tiff",
]);

/** 标签：说明 → ["标签", "说明"]. */
export function labelAndHint(description: string | undefined, name: string): [string, string | undefined] {
  if (!description) return [name, undefined];
  const at = description.indexOf("：");
  if (at < 0) return [description, undefined];
  return [description.slice(0, at), description.slice(at + 1) || undefined];
}

/** A date field (src/content/fields.ts dateTimeField marks its JSON Schema with this example). */
function isDate(s: JsonSchema): boolean {
  return (
    s.type === "string" &&
    s.examples?.length === 1 &&
    /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(String(s.examples[0]))
  );
}

/** A /media/ path (src/content/fields.ts mediaPath). */
function isMedia(s: JsonSchema): boolean {
  return s.type === "string" && typeof s.pattern === "string" && s.pattern.startsWith("^/media/");
}

function isImage(name: string, s: JsonSchema, parentDescription: string | undefined): boolean {
  return /图/.test(s.description ?? "") || (name === "src" && /图|封面|横幅/.test(parentDescription ?? ""));
}

/** The extensions a media field may take (images only for an image). */
export function allowedTypes(types: readonly string[], image: boolean): string[] {
  return types.filter((t) => !image || IMAGE_TYPES.has(t));
}

function stringOptions(s: JsonSchema): string[] | undefined {
  if (s.enum) return s.enum.map(String);
  return undefined;
}

/** The widget of one field; `undefined` when the schema has no shape a widget can edit. */
export function fieldOf(
  name: string,
  s: JsonSchema,
  required: boolean,
  ctx: FieldContext,
  parentDescription?: string,
): CmsField {
  const [label, hint] = labelAndHint(s.description, name);
  const base: CmsField = { name, label, widget: "string", required, ...(hint ? { hint } : {}) };
  const options = stringOptions(s);
  if (options) return { ...base, widget: "select", options };
  if (s.anyOf) {
    // A union (時长: seconds or mm:ss): the text form, which every alternative can be written as.
    const text = s.anyOf.find((a) => a.type === "string");
    const pattern = text?.pattern;
    return {
      ...base,
      widget: "string",
      ...(pattern ? { pattern: [pattern, `格式不对：${hint ?? label}`] as [string, string] } : {}),
    };
  }
  if (isDate(s)) {
    const withTime = /HH:mm/.test(s.description ?? "");
    return {
      ...base,
      widget: "datetime",
      format: withTime ? DATE_TIME_FORMAT : DATE_FORMAT,
      date_format: DATE_FORMAT,
      time_format: withTime ? "HH:mm" : false,
      picker_utc: false,
      pattern: withTime
        ? ["^\\d{4}-\\d{2}-\\d{2}( \\d{2}:\\d{2})?$", "应为 YYYY-MM-DD HH:mm"]
        : ["^\\d{4}-\\d{2}-\\d{2}$", "应为 YYYY-MM-DD"],
    };
  }
  if (
    isMedia(s) ||
    (s.type === "string" && /\/media\//.test(s.description ?? "") && /网址/.test(s.description ?? ""))
  ) {
    // Decap checks a file or image widget's pattern against something other than the stored
    // path (an existing cover or attachment fails any pattern), so these widgets carry none: the
    // allowed types are in the hint, the local backend refuses any other upload
    // (src/cms/local-api.ts) and the check refuses any other path.
    const image = isMedia(s) && isImage(name, s, parentDescription);
    const types = allowedTypes(ctx.mediaTypes, image).join("、");
    return {
      ...base,
      widget: image ? "image" : "file",
      choose_url: !isMedia(s),
      hint: `${hint ?? ""}（允许的类型：${types}）`,
    };
  }
  switch (s.type) {
    case "boolean":
      return { ...base, widget: "boolean", ...(s.default !== undefined ? { default: s.default } : {}) };
    case "integer":
    case "number": {
      const min = typeof s.minimum === "number" ? s.minimum : undefined;
      const max =
        typeof s.maximum === "number" && s.maximum < Number.MAX_SAFE_INTEGER ? s.maximum : undefined;
      return {
        ...base,
        widget: "number",
        value_type: s.type === "integer" ? "int" : "float",
        ...(min !== undefined ? { min } : {}),
        ...(max !== undefined ? { max } : {}),
        ...(s.default !== undefined ? { default: s.default } : {}),
      };
    }
    case "array":
      return arrayField(base, s, ctx);
    case "object":
      if (!s.properties) return { ...base, widget: "keyvalue" };
      return {
        ...base,
        widget: "object",
        collapsed: !required,
        // Decap checks an optional object's required fields even when it is left empty, so inside
        // one they are marked in the hint instead; `npm run check` still requires them.
        fields: objectFields(s, ctx, required ? undefined : label),
      };
    default:
      break;
  }
  const long = (s.maxLength ?? 0) > 100 || /摘要|概述|说明/.test(label);
  const rules: [string, string] | undefined =
    typeof s.pattern === "string"
      ? [s.pattern, `格式不对：${hint ?? label}`]
      : s.maxLength !== undefined
        ? [`^[\\s\\S]{0,${s.maxLength}}$`, `不能超过 ${s.maxLength} 字`]
        : required
          ? ["\\S", "不能为空"]
          : undefined;
  return { ...base, widget: long ? "text" : "string", ...(rules ? { pattern: rules } : {}) };
}

function arrayField(base: CmsField, s: JsonSchema, ctx: FieldContext): CmsField {
  const items = s.items ?? {};
  const min = s.minItems ?? 0;
  const itemOptions = stringOptions(items);
  if (itemOptions) return { ...base, widget: "select", multiple: true, options: itemOptions, default: [] };
  if (items.type === "object" && items.properties) {
    const fields = objectFields(items, ctx);
    return {
      ...base,
      widget: "list",
      collapsed: false,
      summary: `{{fields.${fields[0]?.name ?? "name"}}}`,
      fields,
      ...(min ? { min } : {}),
    };
  }
  const field = fieldOf("item", { ...items, description: items.description ?? base.label }, true, ctx);
  return { ...base, widget: "list", field: { ...field, label: base.label }, ...(min ? { min } : {}) };
}

/**
 * The widgets of an object's properties, in the schema's order. `optionalParent`: the label of the
 * optional object they belong to, whose required fields are required only once it is filled in.
 */
export function objectFields(s: JsonSchema, ctx: FieldContext, optionalParent?: string): CmsField[] {
  return Object.entries(s.properties ?? {}).map(([name, field]) => {
    const required = s.required?.includes(name) ?? false;
    const widget = fieldOf(name, field, required && !optionalParent, ctx, s.description);
    if (!required || !optionalParent) return widget;
    const note = `填写“${optionalParent}”时必填`;
    return { ...widget, hint: widget.hint ? `${widget.hint}（${note}）` : note };
  });
}
