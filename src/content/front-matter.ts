/**
 * Splits a Markdown file into front matter and body. js-yaml's core schema keeps dates as the
 * strings the editor typed (the site's time zone decides what they mean, not YAML's UTC).
 * Line numbers are looked up only for files that have a problem, with the `yaml` package's CST.
 */
import matter from "gray-matter";
import jsyaml from "js-yaml";
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Node } from "yaml";

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

function explainYaml(reason: string): string {
  const known = YAML_REASONS.find(([pattern]) => pattern.test(reason));
  return known ? `${known[1]}（${reason}）` : reason;
}

export class FrontMatterSyntaxError extends Error {
  constructor(message: string, readonly line?: number, readonly column?: number) {
    super(message);
  }
}

const engines = {
  yaml: {
    parse: (text: string) => jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA }) as object,
    stringify: (data: object) => jsyaml.dump(data),
  },
};

export function splitFile(text: string): SplitFile {
  if (!/^---\r?\n/.test(text)) {
    throw new FrontMatterSyntaxError("文件应以 --- 开头的 YAML 前言（front matter）开始", 1);
  }
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(text, { engines });
  } catch (err) {
    const mark = (err as { mark?: { line: number; column: number } }).mark;
    const reason = (err as { reason?: string }).reason ?? String(err);
    // +2: line 1 is the opening ---, and js-yaml counts from 0.
    throw new FrontMatterSyntaxError(`YAML 格式错误：${explainYaml(reason)}`, mark ? mark.line + 2 : undefined, mark ? mark.column + 1 : undefined);
  }
  const data = parsed.data;
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    throw new FrontMatterSyntaxError("前言应为“字段: 值”形式的 YAML 映射", 2);
  }
  const matterText = parsed.matter.replace(/^\r?\n/, "");
  const matterLines = matterText === "" ? 0 : matterText.replace(/\r?\n$/, "").split(/\r?\n/).length;
  return { data: data as Record<string, unknown>, body: parsed.content, bodyLine: matterLines + 3, matter: matterText };
}

/**
 * Finds the file line of a field path (["materials", 1, "name"]) in the front matter. Falls back to
 * the nearest ancestor that exists, then to the opening line.
 */
export function lineOfPath(matterText: string, path: readonly PropertyKey[], key = false): number {
  const counter = new LineCounter();
  const doc = parseDocument(matterText, { lineCounter: counter, schema: "core" });
  let node: unknown = doc.contents;
  let offset: number | undefined = (node as Node | null)?.range?.[0];
  for (const part of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(part));
      if (!pair) break;
      const keyNode = pair.key as Node;
      offset = keyNode.range?.[0] ?? offset;
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
  return offset === undefined ? 1 : counter.linePos(offset).line + 1;
}
