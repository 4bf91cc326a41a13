/**
 * Footnotes: `[^1]` in the text and `[^1]: …` below it (or `^[…]` inline), as 政策解读, reports and
 * speeches use them for 注①. Without the plugin markdown-it reads a definition as a link reference:
 * the note vanished from the page, the reference became a link to the note's text, and the check
 * reported that text as a broken link.
 *
 * The notes are numbered [1], [2] … after the body, under a separator, in a section named 注释.
 * Their ids carry a prefix drawn from the body's bytes (markdown-it-footnote's `env.docId`), so two
 * bodies on one page (an organ's leaders' résumés, a report's sections) never share an id; a body
 * without footnotes renders as before.
 */
import { createHash } from "node:crypto";
import footnote from "markdown-it-footnote";
import type MarkdownIt from "markdown-it";

type Markdown = InstanceType<typeof MarkdownIt>;

/** The ids the plugin writes: fn1, fnref1, fnref1:2, with a docId fn-1a2b3c4d-1. */
export const FOOTNOTE_ID = /^fn(?:ref)?(?:-[0-9a-f]{8}-)?\d+(?::\d+)?$/;

/** The classes the plugin writes, by tag: the sanitiser keeps exactly these (render.ts). */
export const FOOTNOTE_CLASSES: Record<string, string[]> = {
  sup: ["footnote-ref"],
  hr: ["footnotes-sep"],
  section: ["footnotes"],
  ol: ["footnotes-list"],
  li: ["footnote-item"],
  a: ["footnote-backref"],
};

/** Could `body` hold a footnote? Bodies that cannot are rendered exactly as before. */
const mayHaveFootnotes = (body: string): boolean => body.includes("[^") || body.includes("^[");

/** The render environment for `body`: a docId when it may hold footnotes. */
export function footnoteEnv(body: string): { docId?: string } {
  if (!mayHaveFootnotes(body)) return {};
  return { docId: createHash("sha256").update(body).digest("hex").slice(0, 8) };
}

/** Adds footnotes to `md`, with a named notes section and a labelled way back to the text. */
export function footnotes(md: Markdown): void {
  md.use(footnote);
  const rules = md.renderer.rules;
  const anchorName = rules.footnote_anchor_name;
  // A note cited twice is [1] both times (the plugin writes [1:1] the second time).
  rules.footnote_caption = (tokens, idx) => `[${Number(tokens[idx].meta?.id ?? 0) + 1}]`;
  rules.footnote_block_open = () =>
    '<hr class="footnotes-sep">\n<section class="footnotes" aria-label="注释">\n<ol class="footnotes-list">\n';
  rules.footnote_anchor = (tokens, idx, options, env, self) => {
    const subId = Number(tokens[idx].meta?.subId ?? 0);
    const id = anchorName(tokens, idx, options, env, self) + (subId > 0 ? `:${subId}` : "");
    // U+FE0E keeps ↩ a text glyph (iOS would draw an emoji).
    return ` <a href="#fnref${id}" class="footnote-backref" aria-label="返回正文">\u21a9\ufe0e</a>`;
  };
}
