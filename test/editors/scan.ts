/**
 * Scans every file of an output folder for markup that would run: script tags that are not the
 * portal's own, event-handler attributes, javascript: URLs. Text files are read as they are;
 * gzip files (search index fragments) are unpacked first; HTML carried as data (feed entries of
 * type="html", RSS descriptions, strings in JSON) is decoded once and scanned as HTML too.
 */
import { readdirSync, readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import path from "node:path";

/** A start tag with its attributes, quoted values kept whole (so text inside a value is not a tag). */
const TAG = /<([a-z][\w:-]*)((?:\s+[^\s=>"'/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?|\s*\/)*)\s*>/gi;
const ATTRIBUTE = /([^\s=>"'/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?/g;
const URL_ATTRIBUTES = new Set([
  "href",
  "src",
  "action",
  "formaction",
  "poster",
  "xlink:href",
  "data",
  "srcdoc",
]);

/** What is dangerous in one start tag, if anything. */
function dangerIn(name: string, attributes: string): string | undefined {
  const attrs = [...attributes.matchAll(ATTRIBUTE)].map((m) => [
    m[1].toLowerCase(),
    decodeEntities((m[2] ?? "").replace(/^["']|["']$/g, "")),
  ]);
  // Only the portal's own scripts: an external file under the site (src="/…").
  if (name === "script" && !attrs.some(([n, v]) => n === "src" && v.startsWith("/"))) return "script tag";
  if (["iframe", "object", "embed", "base"].includes(name)) return `${name} tag`;
  for (const [n, v] of attrs) {
    if (/^on/.test(n)) return "event handler";
    if (n === "style") return "style attribute";
    if (
      URL_ATTRIBUTES.has(n) &&
      // Browsers drop C0 control characters from URLs: "java\tscript:" still runs.
      // eslint-disable-next-line no-control-regex
      /^\s*(javascript|vbscript|data:text\/html)/i.test(v.replace(/[\u0000-\u001f]/g, ""))
    )
      return "javascript: URL";
  }
  return undefined;
}

function dangersIn(html: string): { danger: string; at: number }[] {
  const found: { danger: string; at: number }[] = [];
  for (const m of html.matchAll(TAG)) {
    const danger = dangerIn(m[1].toLowerCase(), m[2]);
    if (danger) found.push({ danger, at: m.index ?? 0 });
  }
  return found;
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'", "#39": "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#")
      return String.fromCodePoint(
        name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : Number(name.slice(1)),
      );
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function* stringsIn(value: unknown): Generator<string> {
  if (typeof value === "string") yield value;
  else if (Array.isArray(value)) for (const v of value) yield* stringsIn(v);
  else if (value && typeof value === "object") for (const v of Object.values(value)) yield* stringsIn(v);
}

/** The pieces of one file to scan as HTML. */
function htmlPiecesOf(file: string, bytes: Buffer): string[] {
  const data = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
  const text = data.toString("utf8");
  const pieces = [text];
  if (/\.(xml|rss|atom)$/i.test(file) || text.trimStart().startsWith("<?xml")) {
    for (const m of text.matchAll(
      /<(\w+:?\w*)\b[^>]*\btype="(?:html|xhtml)"[^>]*>([\s\S]*?)<\/\1>|<description>([\s\S]*?)<\/description>|<content:encoded>([\s\S]*?)<\/content:encoded>/g,
    )) {
      const inner = (m[2] ?? m[3] ?? m[4] ?? "").replace(/^<!\[CDATA\[|\]\]>$/g, "");
      pieces.push(decodeEntities(inner));
    }
  }
  const json = text.slice(text.indexOf("{"));
  if (/\.json$/i.test(file) || /^pagefind_dcd/.test(text)) {
    try {
      pieces.push(...stringsIn(JSON.parse(json)));
    } catch {
      // not JSON after all: the raw text is scanned anyway
    }
  }
  return pieces;
}

export interface Finding {
  file: string;
  danger: string;
  excerpt: string;
}

export function scanForExecutableMarkup(outDir: string): { files: number; findings: Finding[] } {
  const findings: Finding[] = [];
  const files = readdirSync(outDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  for (const entry of files) {
    const abs = path.join(entry.parentPath, entry.name);
    const file = path.relative(outDir, abs);
    for (const piece of htmlPiecesOf(file, readFileSync(abs))) {
      for (const { danger, at } of dangersIn(piece))
        findings.push({ file, danger, excerpt: piece.slice(Math.max(0, at - 40), at + 80) });
    }
  }
  return { files: files.length, findings };
}
