/**
 * The searchable text of a record: what its page shows a reader (title, the metadata a person
 * would type, such as 发文字号 or 发布机构, and the body as plain text), built from the
 * validated record, never from the rendered HTML. The index, the excerpts and the harness's
 * ground truth all read this one string.
 */
import type { ContentRecord } from "../content/types.ts";
import { markdownFor } from "../markdown/render.ts";
import { specOf, type AnyTypeSpec } from "../content-types/spec.ts";
import { DEFAULT_TYPES } from "../content-types/index.ts";

type Token = ReturnType<ReturnType<typeof markdownFor>["parse"]>[number];

/** Raw HTML a site keeps (`allowHtml`) as the text it shows: tags dropped. */
const htmlText = (markup: string) => markup.replace(/<[^>]*>/g, "");

function inlineText(tokens: readonly Token[]): string {
  let out = "";
  for (const t of tokens) {
    if (t.type === "text" || t.type === "code_inline") out += t.content;
    else if (t.type === "html_inline") out += htmlText(t.content);
    else if (t.type === "image") out += inlineText(t.children ?? []);
    else if (t.type === "softbreak" || t.type === "hardbreak") out += "\n";
  }
  return out;
}

/**
 * A Markdown body as the text a reader sees, one block per line. Without `allowHtml` raw HTML
 * is shown as written, so it is text here too.
 */
export function markdownText(body: string, allowHtml = false): string {
  const blocks: string[] = [];
  for (const token of markdownFor("/", allowHtml).parse(body, {})) {
    if (token.type === "inline") blocks.push(inlineText(token.children ?? []));
    else if (token.type === "html_block") blocks.push(htmlText(token.content).trim());
    else if (token.type === "fence" || token.type === "code_block") blocks.push(token.content.trimEnd());
  }
  return blocks.join("\n");
}

/**
 * Title, the metadata lines the record's type declares (src/content-types/, `search.text`; the
 * summary when it declares none), and the body.
 */
export function pageText(
  r: ContentRecord,
  allowHtml = false,
  types: readonly AnyTypeSpec[] = DEFAULT_TYPES,
): string {
  const metadata = specOf(types, r.type).search?.text?.(r) ?? [r.fields.summary];
  return [r.fields.title, ...metadata, markdownText(r.body, allowHtml)]
    .filter((line): line is string => Boolean(line && line.trim()))
    .join("\n");
}
