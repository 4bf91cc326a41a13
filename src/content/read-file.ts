/**
 * Reads one content file into a validated record, or the problems that stop it.
 */
import { readFileSync } from "node:fs";
import { isUtf8 } from "node:buffer";
import { z } from "zod";
import type { Site } from "../config/schema.ts";
import type { Problem } from "../problems/problems.ts";
import { FrontMatterSyntaxError, splitFile } from "./front-matter.ts";
import { controlCharProblems, fieldTextProblems } from "./text-safety.ts";
import type { ContentRecord } from "./types.ts";
import type { AnyTypeSpec } from "../content-types/spec.ts";
import { issuesToProblems } from "./zod-problems.ts";
import { chineseError } from "../problems/zod-messages.ts";
import { localParts } from "./local-time.ts";
import { publishingFields } from "./fields.ts";

const SEGMENT = /^[a-z0-9][a-z0-9-]*$/;

/** Decodes UTF-8 (a BOM is fine); otherwise names the encoding the bytes look like. */
export function decode(bytes: Uint8Array): { text: string } | { encoding: string } {
  // isUtf8 + toString is several times faster than a fatal TextDecoder on valid files.
  if (isUtf8(bytes)) return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8").replace(/^\uFEFF/, "") };
  // Notepad's “Unicode” and “Unicode big endian” are UTF-16 with a byte-order mark.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return { encoding: "UTF-16（记事本中的“Unicode”）" };
  for (const encoding of ["gb18030", "big5"]) {
    try {
      new TextDecoder(encoding, { fatal: true }).decode(bytes);
      return { encoding: encoding === "gb18030" ? "GBK/GB18030" : "Big5" };
    } catch {
      // not this one either
    }
  }
  return { encoding: "未知编码" };
}

const schemaCache = new WeakMap<Site, Map<AnyTypeSpec, z.ZodType>>();

/** A type's schema for this site (made once per site: the choices come from its config). */
export function schemaFor(site: Site, spec: AnyTypeSpec): z.ZodType {
  let perSite = schemaCache.get(site);
  if (!perSite) schemaCache.set(site, (perSite = new Map<AnyTypeSpec, z.ZodType>()));
  let schema = perSite.get(spec);
  if (!schema) {
    schema = spec.schema(site);
    // Every type takes the sign-off and wording fields (src/content/fields.ts), refinements kept.
    if (schema instanceof z.ZodObject) schema = schema.safeExtend(publishingFields(site));
    perSite.set(spec, schema);
  }
  return schema;
}

// A function, not a closure made per file: under tsx's keepNames each named closure costs a defineProperty.
const failed = (file: string, message: string, extra: Partial<Problem> = {}): FileResult => ({
  problems: [{ severity: "error", file, message, ...extra }],
});

export type FileResult = { record: ContentRecord; problems: Problem[] } | { record?: undefined; problems: Problem[] };

export function readContentFile(
  site: Site,
  types: readonly AnyTypeSpec[],
  abs: string,
  rel: string,
  file: string,
  /** Fields set over the file's own (a platform's shared copy: the column it lands in). */
  overrides?: Readonly<Record<string, unknown>>,
): FileResult {
  const segments = rel.replace(/\.md$/, "").split("/");
  const spec = types.find((t) => t.folder === segments[0]);
  if (!spec) {
    const folders = types.map((t) => t.folder).join("、");
    return failed(file, `不认识的内容目录“${segments[0]}”；内容文件应放在以下目录中：${folders}`);
  }
  const bad = segments.slice(1).find((s) => !SEGMENT.test(s));
  if (bad !== undefined || segments.length < 2) {
    return failed(file, `文件名或目录名“${bad ?? rel}”不能用作网址：只能使用小写英文字母、数字和连字符（不要用中文或空格）`);
  }
  const decoded = decode(readFileSync(abs));
  if ("encoding" in decoded) {
    return failed(file, `文件不是 UTF-8 编码（看起来是 ${decoded.encoding}）；请在编辑器中用“UTF-8”编码另存`, { line: 1 });
  }
  const control = controlCharProblems(decoded.text, file);
  if (control.length) return { problems: control };
  let split;
  try {
    split = splitFile(decoded.text);
  } catch (err) {
    if (err instanceof FrontMatterSyntaxError)
      return failed(file, err.message, { line: err.line, column: err.column });
    throw err;
  }
  const schema = schemaFor(site, spec);
  const data = overrides ? { ...split.data, ...overrides } : split.data;
  const parsed = schema.safeParse(data, { error: chineseError, reportInput: true });
  const invisible = fieldTextProblems(split.data, file, split.matter);
  if (!parsed.success) {
    return { problems: [...issuesToProblems(parsed.error.issues, schema, file, split.matter), ...invisible] };
  }
  if (invisible.length) return { problems: invisible };
  const fields = parsed.data as { date?: number };
  const id = segments.join("/");
  const published = fields.date === undefined ? undefined : localParts(fields.date, site.timeZone);
  const record = {
    type: spec.type,
    id,
    file,
    abs,
    url: `/${id}/`,
    fields,
    body: split.body,
    bodyLine: split.bodyLine,
    publishedAt: fields.date ?? 0,
    year: published?.year,
    dateText: published?.dateTime ?? "",
    day: published?.day ?? "",
  } as ContentRecord;
  return { record, problems: [] };
}
