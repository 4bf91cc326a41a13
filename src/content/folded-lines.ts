/**
 * A front-matter value written over several lines — a plain or quoted value continued on indented
 * lines, or a folded `>` block — is joined by YAML with a space at each line end, so
 *
 *     summary: 为进一步推进
 *       智慧农机发展
 *
 * read 为进一步推进 智慧农机发展: shown with a stray space and not found by 推进智慧农机. Between
 * Chinese characters the line end vanishes instead, by the rule Markdown bodies follow
 * (src/markdown/cjk-breaks.ts `breakVanishes`); between Latin words it stays a space.
 *
 * js-yaml does not say where it folded, so such a file is read a second time with the `yaml`
 * package, whose nodes carry their source: each value spanning lines is folded again from its
 * source lines, and replaced only when folding with spaces gives exactly what js-yaml read (escapes
 * and layouts this does not model are left as YAML made them). Files without a continued line (the
 * great majority: a quick scan decides) pay nothing.
 */
import type { Node } from "yaml";
import { breakVanishes, lastSide } from "../markdown/cjk-breaks.ts";
import { yaml } from "./yaml-package.ts";

const FOLDED_TYPES = new Set(["PLAIN", "QUOTE_SINGLE", "QUOTE_DOUBLE", "BLOCK_FOLDED"]);

/** Does `matter` hold a line that continues a value (indented, neither a key, a list item nor a comment)? */
export function mayHaveFoldedLines(matter: string): boolean {
  return /\n[ \t]+[^\s#-]/.test(matter) && matter.split("\n").some(continues);
}

const continues = (line: string): boolean =>
  /^[ \t]+\S/.test(line) && !/^\s*(?:#|-(?:\s|$))/.test(line) && !/:(?:\s|$)/.test(line);

const firstChar = (text: string): string => Array.from(text.slice(0, 2))[0] ?? " ";

/** A line ending between `a` and `b`, folded: a space, or nothing between Chinese text. */
const cjkJoin = (a: string, b: string): string => (breakVanishes(lastSide(a), firstChar(b)) ? "" : " ");
const spaceJoin = (): string => " ";

/** Flow folding (plain and quoted values): lines trimmed, one line end a join, k empty lines k newlines. */
function foldFlow(lines: readonly string[], join: (a: string, b: string) => string): string {
  let out = "";
  let pendingBreaks = 0;
  let previous: string | undefined;
  lines.forEach((raw, i) => {
    const line = i === 0 ? raw.trimEnd() : i === lines.length - 1 ? raw.trimStart() : raw.trim();
    if (line === "" && previous !== undefined && i < lines.length - 1) return void pendingBreaks++;
    if (previous === undefined) out = line;
    else out += (pendingBreaks > 0 ? "\n".repeat(pendingBreaks) : join(previous, line)) + line;
    previous = line;
    pendingBreaks = 0;
  });
  return out;
}

/** Block folding (`>`): more-indented lines keep their line ends; chomping as the header says. */
function foldBlock(source: string, join: (a: string, b: string) => string): string | undefined {
  const [header, ...body] = source.replace(/\r?\n?$/, "").split(/\r?\n/);
  if (!/^>[-+]?\s*(?:#.*)?$/.test(header)) return undefined; // an explicit indent: not modelled
  const indent = Math.min(...body.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
  let out = "";
  let pendingBreaks = 0;
  let previous: { text: string; more: boolean } | undefined;
  for (const raw of body) {
    if (raw.trim() === "") {
      pendingBreaks++;
      continue;
    }
    const text = raw.slice(indent);
    const more = /^\s/.test(text);
    if (previous) {
      if (previous.more || more) out += "\n".repeat(pendingBreaks + 1);
      else out += pendingBreaks > 0 ? "\n".repeat(pendingBreaks) : join(previous.text, text);
    }
    out += text;
    previous = { text, more };
    pendingBreaks = 0;
  }
  if (header.startsWith(">-")) return out;
  return header.startsWith(">+") ? out + "\n".repeat(pendingBreaks + 1) : `${out}\n`;
}

/** `node`'s value folded with `join`, or undefined when its form is not one this models. */
function refold(node: { type?: string; source: string }, join: (a: string, b: string) => string): string | undefined {
  const { type, source } = node;
  if (type === "BLOCK_FOLDED") return foldBlock(source, join);
  if (type === "PLAIN") return foldFlow(source.split(/\r?\n/), join);
  if (type === "QUOTE_SINGLE") return foldFlow(source.slice(1, -1).replaceAll("''", "'").split(/\r?\n/), join);
  if (type === "QUOTE_DOUBLE" && !source.includes("\\")) return foldFlow(source.slice(1, -1).split(/\r?\n/), join);
  return undefined;
}

type YamlModule = typeof import("yaml");

/** `value` (js-yaml's reading of `node`) with its multi-line strings folded the Chinese way. */
function walk(y: YamlModule, matter: string, node: unknown, value: unknown): unknown {
  if (y.isMap(node) && value && typeof value === "object" && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    for (const pair of node.items) {
      const key = y.isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key !== undefined && Object.hasOwn(record, key)) record[key] = walk(y, matter, pair.value, record[key]);
    }
    return record;
  }
  if (y.isSeq(node) && Array.isArray(value)) {
    node.items.forEach((item, i) => (value[i] = walk(y, matter, item, value[i])));
    return value;
  }
  if (!y.isScalar(node) || typeof value !== "string" || !FOLDED_TYPES.has(String(node.type))) return value;
  const [start, end] = (node as Node).range ?? [0, 0];
  const source = matter.slice(start, end);
  if (!source.includes("\n")) return value;
  const scalar = { type: node.type, source };
  if (refold(scalar, spaceJoin) !== value) return value;
  return refold(scalar, cjkJoin) ?? value;
}

/** `data` (js-yaml's reading of `matter`) with values written over several lines folded the Chinese way. */
export function foldChineseLines(matter: string, data: unknown): unknown {
  const y = yaml();
  const doc = y.parseDocument(matter, { schema: "core", uniqueKeys: false });
  return doc.errors.length ? data : walk(y, matter, doc.contents, data);
}
