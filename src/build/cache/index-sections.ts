/**
 * How the cache's index file (index-file.ts) is laid out: one line of JSON (its head: the format,
 * the fingerprint, and the kind, byte length and count of each section), then the sections, each
 * followed by a line break: JSON, or a column of strings one a line. At 50k items the index holds
 * ~95k output files and ~95k blobs in columns of strings (paths, keys, SHA-256s, hints): as one
 * JSON file, `JSON.parse` of those columns took ~150 ms CPU of opening the cache and
 * `JSON.stringify` ~130 ms of saving it, where splitting a column at its line breaks takes ~15 ms
 * and joining it ~50. A section of ASCII bytes (all of them but a few reads) is made a string as
 * Latin-1, a copy, without decoding UTF-8.
 */
import { isAscii } from "node:buffer";
import { closeSync, openSync, writevSync } from "node:fs";
import { endianness } from "node:os";

/**
 * A section to write: any JSON value, a column of strings (written as JSON if one holds a line
 * break), or a column's text already joined (`count` strings, none with a line break: column-carry.ts).
 */
export type SectionOut =
  | { json: unknown }
  | { column: readonly string[] }
  | { lines: string; count: number }
  | { parts: Uint8Array[]; count: number }
  | { float64s: Float64Array };

/**
 * A section read back: its JSON value, or its column with the text it was split from, its bytes
 * (index-reads.ts carries whole columns), and those bytes again as `ascii` when they are ASCII
 * (one byte a character: a row's place in the text is its place in the bytes; column-carry.ts
 * `carriedBytes`).
 */
export type Section =
  | { json: unknown }
  | { column: string[]; text: string; ascii?: Buffer; bytes?: Buffer }
  | { float64s: Float64Array };

const LITTLE_ENDIAN = endianness() === "LE";

/** The bytes of `values`, little-endian (a view of them on a little-endian machine). */
function float64Bytes(values: Float64Array): Uint8Array {
  if (LITTLE_ENDIAN) return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  const out = Buffer.alloc(values.byteLength);
  for (let i = 0; i < values.length; i++) out.writeDoubleLE(values[i], 8 * i);
  return out;
}

/** The numbers in `bytes` (little-endian), copied to an aligned array. */
function float64sOf(bytes: Buffer): Float64Array {
  const out = new Float64Array(bytes.length / 8);
  if (LITTLE_ENDIAN) new Uint8Array(out.buffer).set(bytes);
  else for (let i = 0; i < out.length; i++) out[i] = bytes.readDoubleLE(8 * i);
  return out;
}

/** [kind ("j" JSON, "l" lines, "f" 64-bit floats), bytes, count of lines or of numbers]. */
type SectionHead = [string, number, number];

/** Writes `head` and `sections` to `file` (the caller renames it into place: atomic). */
export function writeSections(file: string, head: Record<string, unknown>, sections: SectionOut[]): void {
  const heads: SectionHead[] = [];
  /** Each section's bytes, in one part or (carried: column-carry.ts) several. */
  const parts: Uint8Array[][] = [];
  for (const section of sections) {
    if ("float64s" in section) {
      const bytes = float64Bytes(section.float64s);
      heads.push(["f", bytes.length, section.float64s.length]);
      parts.push([bytes]);
      continue;
    }
    if ("parts" in section) {
      heads.push(["l", section.parts.reduce((sum, part) => sum + part.length, 0), section.count]);
      // Many parts (rows changed all over) are written as one: a write call takes ~1k at a time.
      parts.push(section.parts.length > 1024 ? [Buffer.concat(section.parts)] : section.parts);
      continue;
    }
    if ("lines" in section) {
      const bytes = Buffer.from(section.lines);
      heads.push(["l", bytes.length, section.count]);
      parts.push([bytes]);
      continue;
    }
    const column = "column" in section ? section.column : undefined;
    const asLines = column !== undefined && !column.some((value) => value.includes("\n"));
    const bytes = Buffer.from(
      asLines ? column.join("\n") : JSON.stringify(column ?? (section as { json: unknown }).json),
    );
    heads.push([asLines ? "l" : "j", bytes.length, asLines ? column.length : 0]);
    parts.push([bytes]);
  }
  const newline = Buffer.from("\n");
  const out: Uint8Array[] = [Buffer.from(JSON.stringify({ ...head, sections: heads })), newline];
  for (const part of parts) {
    for (const bytes of part) out.push(bytes);
    out.push(newline);
  }
  const fd = openSync(file, "w");
  try {
    // writev writes as much as it can: a short write goes on from where it stopped.
    let left = out.reduce((sum, part) => sum + part.length, 0);
    let from = out;
    while (left > 0) {
      const written = writevSync(fd, from);
      left -= written;
      from = rest(from, written);
    }
  } finally {
    closeSync(fd);
  }
}

/** The buffers after the first `skip` bytes of `parts`. */
function rest(parts: Uint8Array[], skip: number): Uint8Array[] {
  let i = 0;
  while (i < parts.length && skip >= parts[i].length) skip -= parts[i++].length;
  return i < parts.length ? [parts[i].subarray(skip), ...parts.slice(i + 1)] : [];
}

/** The head and the sections of `bytes`; throws when they are not laid out as `writeSections` lays them out. */
export function readSections(bytes: Buffer): { head: Record<string, unknown>; sections: Section[] } {
  const end = bytes.indexOf(10);
  if (end < 0) throw new Error("no head");
  const head = JSON.parse(bytes.toString("utf8", 0, end)) as Record<string, unknown>;
  const heads = head?.sections;
  if (!Array.isArray(heads)) throw new Error("no sections");
  const sections: Section[] = [];
  let at = end + 1;
  for (const entry of heads as unknown[]) {
    if (!Array.isArray(entry) || entry.length !== 3) throw new Error("malformed section");
    const [kind, length, count] = entry as unknown[];
    if (!Number.isInteger(length) || !Number.isInteger(count)) throw new Error("malformed section");
    const to = at + (length as number);
    if ((length as number) < 0 || to >= bytes.length || bytes[to] !== 10)
      throw new Error("section cut short");
    if (kind === "f") {
      if (count !== (length as number) / 8) throw new Error("numbers miscounted");
      sections.push({ float64s: float64sOf(bytes.subarray(at, to)) });
      at = to + 1;
      continue;
    }
    const ascii = isAscii(bytes.subarray(at, to));
    const text = bytes.toString(ascii ? "latin1" : "utf8", at, to);
    at = to + 1;
    if (kind === "j") sections.push({ json: JSON.parse(text) });
    else if (kind === "l") {
      const column = count === 0 ? [] : text.split("\n");
      if (column.length !== count) throw new Error("column miscounted");
      const raw = bytes.subarray(to - (length as number), to);
      sections.push(ascii ? { column, text, ascii: raw, bytes: raw } : { column, text, bytes: raw });
    } else throw new Error("unknown section");
  }
  if (at !== bytes.length) throw new Error("trailing bytes");
  return { head, sections };
}
