/**
 * The local backend's save filter (docs/cms.md, “Round trip”): what the web editor writes is
 * compared with the file on disk field by field, the way the loader reads both (js-yaml's core
 * schema), and only what changed is rewritten.
 *
 * Decap serialises the whole file on every save: `topics: [惠农惠牧]` becomes a block list, the
 * `{ src, alt }` maps are unfolded, comments go, fields it shows with a default appear (`draft:
 * false`, `topics: []`) and the rich-text editor re-writes Markdown. So:
 * - a field whose value did not change keeps its original bytes (a value absent and one equal to
 *   the schema's default or empty count as the same);
 * - a changed field replaces only its own line(s), in the style the original used (flow lists
 *   stay flow); a new field goes after the field before it in the schema's order; a cleared one
 *   is removed;
 * - a body that renders to the same HTML as before keeps its original text;
 * - an unchanged file is written back byte for byte.
 * A new file is written in the schema's field order with empty and default values left out.
 */
import { isDeepStrictEqual } from "node:util";
import jsyaml from "js-yaml";
import { Document, isCollection, isMap, parseDocument } from "yaml";
import type { JsonSchema } from "../editors/json-schema.ts";

interface Split {
  matter: string;
  data: Record<string, unknown>;
  /** Everything after the closing ---, newline included. */
  rest: string;
}

const FRONT = /^---\r?\n([\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/;

function split(text: string): Split | undefined {
  const m = FRONT.exec(text);
  if (!m) return undefined;
  const matter = m[1] ?? "";
  const data = jsyaml.load(matter, { schema: jsyaml.CORE_SCHEMA }) ?? {};
  if (typeof data !== "object" || Array.isArray(data)) return undefined;
  return { matter, data: data as Record<string, unknown>, rest: text.slice(m[0].length) };
}

const isEmpty = (v: unknown): boolean =>
  v === null ||
  v === undefined ||
  v === "" ||
  (Array.isArray(v) && v.length === 0) ||
  (typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 0);

/** The value with empty parts and schema defaults removed; `undefined` when nothing is left. */
export function pruned(value: unknown, schema: JsonSchema | undefined): unknown {
  if (Array.isArray(value)) {
    const items = value.map((v) => pruned(v, schema?.items)).filter((v) => v !== undefined);
    return items.length ? items : undefined;
  }
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const field = schema?.properties?.[k];
      const p = pruned(v, field);
      if (p === undefined) continue;
      if (field?.default !== undefined && isDeepStrictEqual(p, field.default)) continue;
      out[k] = p;
    }
    return Object.keys(out).length ? out : undefined;
  }
  if (typeof value === "string" && value.trim() === "") return undefined;
  return isEmpty(value) ? undefined : value;
}

/** Top-level fields, pruned. */
function fieldsOf(data: Record<string, unknown>, schema: JsonSchema): Record<string, unknown> {
  return (pruned(data, schema) as Record<string, unknown> | undefined) ?? {};
}

/** One `key: value` in the given style, ending with a newline. */
function pairText(key: string, value: unknown, flow: boolean, padded = true): string {
  const doc = new Document({ [key]: value });
  if (flow && isMap(doc.contents)) {
    const node = doc.contents.items[0].value;
    if (isCollection(node)) node.flow = true;
  }
  return doc.toString({ lineWidth: 0, flowCollectionPadding: padded });
}

interface Span {
  start: number;
  end: number;
  /** A flow collection (`[a, b]`, `{ a: b }`), and whether it pads its brackets with spaces. */
  flow: boolean;
  padded: boolean;
}

/** Where each top-level pair's text is in the front matter: whole lines, comments on them included. */
function pairSpans(matter: string): Map<string, Span> {
  const doc = parseDocument(matter, { keepSourceTokens: true });
  const spans = new Map<string, Span>();
  if (!isMap(doc.contents)) return spans;
  for (const item of doc.contents.items) {
    const key = item.key as { value?: unknown; range?: [number, number, number] } | null;
    const value = item.value as { range?: [number, number, number]; flow?: boolean } | null;
    if (!key?.range) continue;
    const start = matter.lastIndexOf("\n", key.range[0] - 1) + 1;
    const last = value?.range ? Math.max(value.range[1] - 1, key.range[1]) : key.range[1];
    const nl = matter.indexOf("\n", last);
    spans.set(String(key.value), {
      start,
      end: nl < 0 ? matter.length : nl + 1,
      flow: isCollection(value) ? Boolean(value.flow) : false,
      padded: value?.range ? matter[value.range[0] + 1] === " " : true,
    });
  }
  return spans;
}

/** The body as stored: the editor's text unless it means the same as the original's. */
function bodyOf(
  original: string | undefined,
  written: string,
  sameHtml: (a: string, b: string) => boolean,
): string {
  if (original !== undefined) {
    if (original.trim() === written.trim() || sameHtml(original, written)) return original;
    const lead = /^\s*/.exec(original)?.[0] ?? "\n";
    return `${lead}${written.trim()}\n`;
  }
  return written.trim() ? `\n${written.trim()}\n` : "\n";
}

/** A file in the schema's field order, empty and default values left out. */
function freshFile(data: Record<string, unknown>, schema: JsonSchema, body: string): string {
  const fields = fieldsOf(data, schema);
  const order = Object.keys(schema.properties ?? {});
  const keys = Object.keys(fields).sort((a, b) => rank(order, a) - rank(order, b));
  const matter = keys.map((k) => pairText(k, fields[k], false)).join("");
  return `---\n${matter}---\n${body}`;
}

const rank = (order: string[], key: string) => {
  const i = order.indexOf(key);
  return i < 0 ? order.length : i;
};

export interface NormalizeOptions {
  /** The content type's front-matter schema (JSON Schema of src/editors/json-schema.ts). */
  schema: JsonSchema;
  /** True when two Markdown bodies render to the same HTML. */
  sameHtml: (a: string, b: string) => boolean;
}

/** The bytes to store for a save of `written`, given the file's current text (undefined: a new file). */
export function normalizeSave(original: string | undefined, written: string, o: NormalizeOptions): string {
  const next = split(written);
  if (!next) return written; // not front matter: stored as written, the check reports it
  const before = original === undefined ? undefined : split(original);
  if (!before) return freshFile(next.data, o.schema, bodyOf(undefined, next.rest, o.sameHtml));

  const old = fieldsOf(before.data, o.schema);
  const now = fieldsOf(next.data, o.schema);
  const spans = pairSpans(before.matter);
  const order = Object.keys(o.schema.properties ?? {});
  // Edits as [start, end, text] on the original front matter, applied from the end.
  const edits: [number, number, string, number][] = [];
  for (const key of new Set([...Object.keys(old), ...Object.keys(now)])) {
    if (isDeepStrictEqual(old[key], now[key])) continue;
    const span = spans.get(key);
    if (now[key] === undefined) {
      if (span) edits.push([span.start, span.end, "", rank(order, key)]);
      continue;
    }
    if (span) {
      edits.push([span.start, span.end, pairText(key, now[key], span.flow, span.padded), rank(order, key)]);
      continue;
    }
    // A new field: after the nearest field before it in the schema's order that the file has.
    const previous = order
      .slice(0, rank(order, key))
      .reverse()
      .find((k) => spans.has(k));
    const at = previous ? spans.get(previous)!.end : 0;
    edits.push([at, at, pairText(key, now[key], false), rank(order, key)]);
  }
  let matter = before.matter;
  // Two new fields at one place: the later in the schema's order goes in first, the earlier before it.
  for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0] || b[1] - a[1] || b[3] - a[3])) {
    matter = matter.slice(0, start) + text + matter.slice(end);
  }
  if (matter && !matter.endsWith("\n")) matter += "\n";
  const body = bodyOf(before.rest, next.rest, o.sameHtml);
  const head = original!.slice(0, original!.indexOf("\n") + 1); // "---\n" or "---\r\n"
  const close =
    /\r?\n?---[ \t]*(?:\r?\n|$)/.exec(original!.slice(head.length + before.matter.length))?.[0] ?? "---\n";
  if (!edits.length && body === before.rest) return original!;
  return `${head}${matter}${close}${body}`;
}
