/**
 * A Markdown body's links, images, raw HTML and footnote slips, parsed as the renderer parses it
 * and kept once per record (the link check and the media plan both read it; the build cache's
 * record store keeps it with the record: src/build/cache/record-facts.ts).
 * Lines come from markdown-it's token maps, counted from the body's first line in the file.
 */
import MarkdownIt from "markdown-it";
import type { ContentRecord } from "../content/types.ts";
import { keptWith } from "../content/kept.ts";
import { footnotes } from "../markdown/footnotes.ts";

type Token = ReturnType<InstanceType<typeof MarkdownIt>["parse"]>[number];

/** Parses like the renderer (so the same links are found) but keeps raw HTML visible as tokens. */
const parser = new MarkdownIt({ html: true, linkify: false });
// A footnote definition ([^1]: …) is a note, not a link reference (src/markdown/footnotes.ts).
footnotes(parser);

export interface Found {
  kind: "链接" | "图片";
  target: string;
  /** 0-based line within the body. */
  line: number;
}

/** href and src of raw HTML that the site keeps (allowHtml): they are links like any other. */
function htmlLinks(content: string, line: number): Found[] {
  return [...content.matchAll(/<(a|img)\b[^>]*?\s(href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)].map((m) => ({
    kind: m[1].toLowerCase() === "img" ? "图片" : "链接",
    target: m[3] ?? m[4] ?? "",
    line: line + content.slice(0, m.index).split("\n").length - 1,
  }));
}

/** A footnote written so that its note or its mark is lost (src/markdown/footnotes.ts). */
export interface NoteSlip {
  /** 0-based line within the body. */
  line: number;
  label: string;
  kind: "no-note" | "unused";
}

export type Parsed = { links: Found[]; html: number[]; notes: NoteSlip[] };

/** Definitions no mark cites: markdown-it-footnote drops them from the page (`refs` −1). */
function unusedNotes(body: string, env: { footnotes?: { refs?: Record<string, number> } }): NoteSlip[] {
  const unused = Object.entries(env.footnotes?.refs ?? {}).filter(([, id]) => id < 0);
  // The body's lines only for a note to place (most bodies have none).
  const lines = unused.length ? body.split("\n") : [];
  return unused.map(([key]) => {
    const label = key.slice(1);
    const line = lines.findIndex((text) => text.trimStart().startsWith(`[^${label}]:`));
    return { line: Math.max(0, line), label, kind: "unused" as const };
  });
}

function linksIn(tokens: readonly Token[], allowHtml: boolean): Parsed {
  const links: Found[] = [];
  const html: number[] = [];
  const notes: NoteSlip[] = [];
  for (const token of tokens) {
    const start = token.map?.[0] ?? 0;
    if (token.type === "html_block") {
      html.push(start);
      if (allowHtml) links.push(...htmlLinks(token.content, start));
    }
    let offset = 0;
    for (const child of token.children ?? []) {
      if (child.type === "softbreak" || child.type === "hardbreak") offset++;
      else if (child.type === "link_open")
        links.push({ kind: "链接", target: String(child.attrGet("href") ?? ""), line: start + offset });
      else if (child.type === "image")
        links.push({ kind: "图片", target: String(child.attrGet("src") ?? ""), line: start + offset });
      else if (child.type === "html_inline") {
        html.push(start + offset);
        if (allowHtml) links.push(...htmlLinks(child.content, start + offset));
      } else if (child.type === "text")
        // A mark whose note was never written stays on the page as its source text.
        for (const m of child.content.matchAll(/\[\^([^\]\s]+)\]/g))
          notes.push({ line: start + offset, label: m[1], kind: "no-note" });
    }
  }
  return { links, html, notes };
}

/** A body's links and the lines of its raw HTML, as parsed with `allowHtml`. */
export interface BodyLinks {
  allowHtml: boolean;
  links: Found[];
  html: number[];
  notes: NoteSlip[];
}

/**
 * Each body parsed once per record object, for the media plan and the link check both; the
 * build cache's record store keeps the result with the record (src/build/cache/record-facts.ts).
 */
const parsed = new WeakMap<object, BodyLinks>();

/** The parse of `record`'s body this process has or the record store kept with it, if any. */
export const bodyLinksKnown = (record: object): BodyLinks | undefined =>
  parsed.get(record) ?? (keptWith(record)?.links as BodyLinks | undefined);

function parse(body: string, allowHtml: boolean): Parsed {
  const env = {};
  const found = linksIn(parser.parse(body, env), allowHtml);
  found.notes.push(...unusedNotes(body, env));
  return found;
}

export function bodyLinks(record: ContentRecord, allowHtml: boolean): Parsed {
  const known = bodyLinksKnown(record);
  if (known?.allowHtml === allowHtml) return known;
  // Without [ or < a body has no link, image, tag or footnote (linkify is off): skip the parse.
  const found = /[[<]/.test(record.body) ? parse(record.body, allowHtml) : { links: [], html: [], notes: [] };
  parsed.set(record, { allowHtml, ...found });
  return found;
}
