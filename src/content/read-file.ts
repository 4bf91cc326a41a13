/**
 * Reads one content file into a validated record, or the problems that stop it.
 */
import { readFileSync } from "node:fs";
import { isUtf8 } from "node:buffer";
import type { z } from "zod";
import type { Site } from "../config/schema.ts";
import type { Problem } from "../problems/problems.ts";
import { FrontMatterSyntaxError, splitFile } from "./front-matter.ts";
import { CONTENT_TYPES, TYPE_BY_FOLDER, type ContentRecord, type ContentType } from "./types.ts";
import { issuesToProblems } from "./zod-problems.ts";
import { chineseError } from "../problems/zod-messages.ts";
import { localParts } from "./local-time.ts";

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

type SchemaFactory = (site: Site) => z.ZodType;
const schemaCache = new WeakMap<Site, Map<ContentType, z.ZodType>>();

export function schemaFor(site: Site, type: ContentType): z.ZodType {
  let perSite = schemaCache.get(site);
  if (!perSite) schemaCache.set(site, (perSite = new Map<ContentType, z.ZodType>()));
  let schema = perSite.get(type);
  if (!schema) perSite.set(type, (schema = (CONTENT_TYPES[type].schema as SchemaFactory)(site)));
  return schema;
}

export type FileResult = { record: ContentRecord; problems: Problem[] } | { record?: undefined; problems: Problem[] };

export function readContentFile(site: Site, abs: string, rel: string, file: string): FileResult {
  const error = (message: string, extra: Partial<Problem> = {}): FileResult => ({
    problems: [{ severity: "error", file, message, ...extra }],
  });
  const segments = rel.replace(/\.md$/, "").split("/");
  const type = TYPE_BY_FOLDER.get(segments[0]);
  if (!type) {
    const folders = [...TYPE_BY_FOLDER.keys()].join("、");
    return error(`不认识的内容目录“${segments[0]}”；内容文件应放在以下目录中：${folders}`);
  }
  const bad = segments.slice(1).find((s) => !SEGMENT.test(s));
  if (bad !== undefined || segments.length < 2) {
    return error(`文件名或目录名“${bad ?? rel}”不能用作网址：只能使用小写英文字母、数字和连字符（不要用中文或空格）`);
  }
  const decoded = decode(readFileSync(abs));
  if ("encoding" in decoded) {
    return error(`文件不是 UTF-8 编码（看起来是 ${decoded.encoding}）；请在编辑器中用“UTF-8”编码另存`, { line: 1 });
  }
  let split;
  try {
    split = splitFile(decoded.text);
  } catch (err) {
    if (err instanceof FrontMatterSyntaxError) return error(err.message, { line: err.line, column: err.column });
    throw err;
  }
  const schema = schemaFor(site, type);
  const parsed = schema.safeParse(split.data, { error: chineseError, reportInput: true });
  if (!parsed.success) {
    return { problems: issuesToProblems(parsed.error.issues, schema, file, split.matter) };
  }
  const fields = parsed.data as { date?: number };
  const id = segments.join("/");
  const published = fields.date === undefined ? undefined : localParts(fields.date, site.timeZone);
  const record = {
    type,
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
