/**
 * A Markdown table's column alignment (`|--:|`) as a class, not an inline style: markdown-it writes
 * `style="text-align:right"`, which the site's Content-Security-Policy (`style-src 'self'`,
 * src/deploy/security-headers.ts) makes the browser ignore and the raw-HTML sanitiser removes, so a
 * column of amounts an editor aligned right showed left-aligned. The classes are styled in site.css.
 */
import type MarkdownIt from "markdown-it";

type Markdown = InstanceType<typeof MarkdownIt>;

const ALIGN = /^text-align:(left|center|right)$/;

/** The classes a cell may carry, for the sanitiser (render.ts). */
export const ALIGN_CLASSES = ["align-left", "align-center", "align-right"];

export function tableAlignClasses(md: Markdown): void {
  md.core.ruler.push("table_align_classes", (state) => {
    for (const token of state.tokens) {
      if ((token.type !== "th_open" && token.type !== "td_open") || !token.attrs) continue;
      const align = ALIGN.exec(String(token.attrGet("style") ?? ""))?.[1];
      if (!align) continue;
      token.attrs = token.attrs.filter(([name]) => name !== "style");
      token.attrJoin("class", `align-${align}`);
    }
  });
}
