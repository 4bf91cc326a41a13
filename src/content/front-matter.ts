/**
 * Splits a Markdown file into front matter and body. js-yaml's core schema keeps dates as the
 * strings the editor typed (the site's time zone decides what they mean, not YAML's UTC).
 * Line numbers are looked up only for files that have a problem, with the `yaml` package's CST.
 */
import jsyaml from "js-yaml";
import { foldChineseLines, mayHaveFoldedLines } from "./folded-lines.ts";
import { yaml } from "./yaml-package.ts";
import type { LineCounter, Node, Pair, YAMLMap } from "yaml";


export interface SplitFile {
  data: Record<string, unknown>;
  body: string;
  /** Line of the body's first line in the file. */
  bodyLine: number;
  /** The raw front-matter text. */
  matter: string;
}

/** js-yaml's reasons, as an editor would understand them. */
const YAML_REASONS: [RegExp, string][] = [
  [/missed comma between flow collection entries|within a flow collection/, "方括号 [ ] 或花括号 { } 未闭合，或其中缺少逗号"],
  [/duplicated mapping key/, "同一个字段写了两次"],
  [/bad indentation/, "缩进不正确（同一层的字段应左对齐，列表项前用两个空格）"],
  [/tab characters must not be used/, "缩进中不能使用 Tab 键，请改用空格"],
  [/within a (double|single) quoted scalar/, "引号未闭合"],
  [/end of the stream or a document separator is expected|can not read a block mapping entry|incomplete explicit mapping pair/, "格式不正确（请检查冒号后是否有空格、引号是否成对、缩进是否对齐）"],
];

/**
 * Mistakes editors make in front matter that YAML reports far from the cause (or misnames), found
 * line by line so the message points at the line to fix. Checked only when the YAML did not parse.
 */
const LINE_MISTAKES: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^\s*([A-Za-z_][\w-]*)\s*：/, (m) => `字段名 ${m[1]} 后面用了中文冒号“：”；应使用英文冒号加空格“: ”`],
  [/^\s*([A-Za-z_][\w-]*):(?![\s/])\S/, (m) => `字段名 ${m[1]} 的冒号后面缺少空格；应写成“${m[1]}: 值”`],
  [/^[ \t]*\u3000/, () => "行首有全角空格；缩进只能使用半角空格"],
  [/^\s*-(?![-\s])\S/, () => "列表项的短横线“-”后面需要一个空格"],
  [/^\s*([A-Za-z_][\w-]*):\s+([@`])/, (m) => `字段 ${m[1]} 的值以“${m[2]}”开头，必须用引号括起来`],
  [/^\s*([A-Za-z_][\w-]*):\s+(?!["'[{|>])[^#]*?:\s/, (m) => `字段 ${m[1]} 的值中含有“: ”（冒号加空格）；请用引号把整个值括起来，例如 ${m[1]}: "关于: 通知"`],
];

function findLineMistake(matterText: string): { line: number; message: string } | undefined {
  const lines = matterText.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    for (const [pattern, explain] of LINE_MISTAKES) {
      const m = lines[i].match(pattern);
      // +2: line 1 of the file is the opening ---.
      if (m) return { line: i + 2, message: `YAML 格式错误：${explain(m)}` };
    }
  }
  return undefined;
}

/** The line js-yaml should have named for a duplicated key or an unclosed quote (it names where it noticed). */
function causeLine(matterText: string, reason: string): number | undefined {
  const lines = matterText.split(/\r?\n/);
  if (/duplicated mapping key/.test(reason)) {
    const seen = new Set<string>();
    const index = lines.findIndex((line) => {
      const key = line.match(/^([^\s#:][^:]*):(\s|$)/)?.[1];
      if (key === undefined) return false;
      if (seen.has(key)) return true;
      seen.add(key);
      return false;
    });
    return index >= 0 ? index + 2 : undefined;
  }
  if (/tab characters/.test(reason)) {
    const index = lines.findIndex((line) => /^\s*\t/.test(line));
    return index >= 0 ? index + 2 : undefined;
  }
  if (/within a (double|single) quoted scalar/.test(reason)) {
    const quote = reason.includes("double") ? '"' : "'";
    const index = lines.findIndex((line) => line.split(quote).length % 2 === 0);
    return index >= 0 ? index + 2 : undefined;
  }
  return undefined;
}

function explainYaml(reason: string): string {
  const known = YAML_REASONS.find(([pattern]) => pattern.test(reason));
  return known ? `${known[1]}（${reason}）` : reason;
}

export class FrontMatterSyntaxError extends Error {
  constructor(message: string, readonly line?: number, readonly column?: number) {
    super(message);
  }
}

/**
 * gray-matter 4.0.3's split, for a text that starts with `---` and a line break, without its
 * per-call costs (it copied every file into a Buffer and merged its options per call: ~10 % of
 * load+validate). Its quirks are kept, so every file gives the same fields and body as before:
 * the block ends at the first `\n---` (whatever follows on that line), a block that is empty or
 * only comments gives {}, and a YAML null gives {}.
 */
export function grayMatterSplit(text: string): { data: unknown; content: string; matter: string } {
  const str = text.slice(3);
  const close = str.indexOf("\n---");
  const end = close === -1 ? str.length : close;
  const matter = str.slice(0, end);
  const block = matter.replace(/^\s*#[^\n]+/gm, "").trim();
  let data: unknown = block === "" ? {} : (jsyaml.load(matter, { schema: jsyaml.CORE_SCHEMA }) ?? {});
  if (block !== "" && mayHaveFoldedLines(matter)) data = foldChineseLines(matter, data);
  let content = close === -1 ? "" : str.slice(end + 4);
  if (content[0] === "\r") content = content.slice(1);
  if (content[0] === "\n") content = content.slice(1);
  return { data, content, matter };
}

/**
 * The front matter as written, only for messages: the whole text is split only when something is
 * wrong (a function, not a closure per file: under tsx's keepNames each costs a defineProperty).
 */
const rawMatterOf = (text: string) => text.replace(/^---\r?\n/, "").split(/\r?\n---[ \t]*(?:\r?\n|$)/)[0];

export function splitFile(text: string): SplitFile {
  if (!/^---\r?\n/.test(text)) {
    throw new FrontMatterSyntaxError("文件应以 --- 开头的 YAML 前言（front matter）开始", 1);
  }
  if (!/\n---[ \t]*(\r?\n|$)/.test(text.slice(3))) {
    throw new FrontMatterSyntaxError("前言缺少结尾的 --- 行；字段写完后应单独一行写 ---，再写正文", 1);
  }
  let parsed: ReturnType<typeof grayMatterSplit>;
  try {
    parsed = grayMatterSplit(text);
  } catch (err) {
    const mistake = findLineMistake(rawMatterOf(text));
    if (mistake) throw new FrontMatterSyntaxError(mistake.message, mistake.line);
    const mark = (err as { mark?: { line: number; column: number } }).mark;
    const reason = (err as { reason?: string }).reason ?? String(err);
    const cause = causeLine(rawMatterOf(text), reason);
    if (cause) throw new FrontMatterSyntaxError(`YAML 格式错误：${explainYaml(reason)}`, cause);
    // +2: line 1 is the opening ---, and js-yaml counts from 0.
    throw new FrontMatterSyntaxError(`YAML 格式错误：${explainYaml(reason)}`, mark ? mark.line + 2 : undefined, mark ? mark.column + 1 : undefined);
  }
  const data = parsed.data;
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    const mistake = findLineMistake(rawMatterOf(text));
    if (mistake) throw new FrontMatterSyntaxError(mistake.message, mistake.line);
    throw new FrontMatterSyntaxError("前言应为“字段: 值”形式的 YAML 映射", 2);
  }
  const matterText = parsed.matter.replace(/^\r?\n/, "");
  const matterLines = matterText === "" ? 0 : matterText.replace(/\r?\n$/, "").split(/\r?\n/).length;
  return { data: data as Record<string, unknown>, body: parsed.content, bodyLine: matterLines + 3, matter: matterText };
}

/** Finds the file line of a field path in front matter; see `lineLocator`. */
export function lineOfPath(matterText: string, path: readonly PropertyKey[], key = false): number {
  return lineLocator(matterText)(path, key);
}

export type LineLocator = (path: readonly PropertyKey[], key?: boolean) => number;

/**
 * Parses the front matter once and answers the file line of any field path (["materials", 1,
 * "name"]): falls back to the nearest ancestor that exists, then to the opening line. A file with
 * thousands of problems is parsed once, and each mapping's keys are indexed on first use, so
 * reporting stays linear in the number of problems.
 */
export function lineLocator(matterText: string): LineLocator {
  let parsed: { counter: LineCounter; root: unknown } | undefined;
  const keyIndex = new WeakMap<object, Map<string, Pair>>();
  const { LineCounter, parseDocument, isMap, isSeq, isScalar } = yaml();
  const pairsOf = (map: YAMLMap): Map<string, Pair> => {
    let index = keyIndex.get(map);
    if (!index) {
      index = new Map();
      for (const pair of map.items) {
        // The first of duplicated keys, as a linear search would find it.
        if (isScalar(pair.key) && !index.has(String(pair.key.value))) index.set(String(pair.key.value), pair);
      }
      keyIndex.set(map, index);
    }
    return index;
  };
  return (path, key = false) => {
    if (!parsed) {
      const counter = new LineCounter();
      // uniqueKeys: false skips a quadratic duplicate scan; js-yaml has already refused duplicates.
      parsed = { counter, root: parseDocument(matterText, { lineCounter: counter, schema: "core", uniqueKeys: false }).contents };
    }
    let node: unknown = parsed.root;
    let offset: number | undefined = (node as Node | null)?.range?.[0];
    for (const part of path) {
      if (isMap(node)) {
        const pair = pairsOf(node).get(String(part));
        if (!pair) break;
        offset = (pair.key as Node).range?.[0] ?? offset;
        if (key && part === path[path.length - 1]) break;
        node = pair.value;
        if (!isMap(node) && !isSeq(node)) break;
      } else if (isSeq(node) && typeof part === "number") {
        const item = node.items[part] as Node | undefined;
        if (!item) break;
        offset = item.range?.[0] ?? offset;
        node = item;
      } else break;
    }
    // +1 for the opening --- line.
    return offset === undefined ? 1 : parsed.counter.linePos(offset).line + 1;
  };
}
