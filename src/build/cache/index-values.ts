/**
 * The cache index's sections (index-sections.ts) read as the values index-file.ts and
 * index-rest.ts expect, each checked as it is taken: anything else makes the index unusable.
 */
import type { Section } from "./index-sections.ts";

const HEX = /^[0-9a-f]{64}$/;
/** A SHA-256 in hex: checked by its length and characters (blob paths are made from it). */
export const isSha256 = (value: unknown): value is string =>
  typeof value === "string" && value.length === 64 && HEX.test(value);

/** 1 for the bytes of a lowercase hex digit and the line break: a column of SHA-256s checked in one pass over its bytes. */
const HEX_OR_BREAK = new Uint8Array(256);
for (const c of "0123456789abcdef\n") HEX_OR_BREAK[c.charCodeAt(0)] = 1;

/** Are all of `bytes` lowercase hex digits or line breaks? (A loop over a table: ~4× a regexp over the text.) */
function hexLines(bytes: Uint8Array): boolean {
  let all = 1;
  for (let i = 0; i < bytes.length; i++) all &= HEX_OR_BREAK[bytes[i]];
  return all === 1;
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export const isString = (value: unknown): value is string => typeof value === "string";

/** An array of `length` (when given) values that all pass `test`. */
function column(value: unknown, test: (v: unknown) => boolean, length?: number): value is unknown[] {
  if (!Array.isArray(value) || (length !== undefined && value.length !== length)) return false;
  for (const v of value) if (!test(v)) return false;
  return true;
}

/** A section's strings: a column (of `length`, when given), SHA-256s when `sha256`; else undefined. */
export function strings(section: Section | undefined, length?: number, sha256 = false): string[] | undefined {
  if (section === undefined || "float64s" in section) return undefined;
  if ("json" in section)
    return column(section.json, sha256 ? isSha256 : isString, length)
      ? (section.json as string[])
      : undefined;
  const { column: values } = section;
  if (length !== undefined && values.length !== length) return undefined;
  // Bytes that are not ASCII are no hex digits.
  if (sha256 && !(section.ascii && hexLines(section.ascii) && values.every((value) => value.length === 64)))
    return undefined;
  return values;
}

/** A section's numbers (of `length`) that all pass `test`, else undefined. */
export function numbers(
  section: Section | undefined,
  length: number,
  test: (n: unknown) => boolean,
): number[] | undefined {
  return section && "json" in section && column(section.json, test, length)
    ? (section.json as number[])
    : undefined;
}
