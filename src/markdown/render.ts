/**
 * Markdown bodies to HTML with markdown-it. Raw HTML is off unless the site sets `allowHtml`;
 * then it is kept but sanitised with sanitize-html (editors' text is untrusted, and a strict CSP
 * forbids inline styles and scripts). markdown-it's own link validation already refuses
 * javascript: and similar URLs in Markdown links.
 * Site-absolute links and images get the path prefix; a body `#` heading becomes `h2`, since the
 * page title is the page's only `h1`.
 */
import MarkdownIt from "markdown-it";
import { createRequire } from "node:module";
import type SanitizeHtml from "sanitize-html";
import { cjkBreaks } from "./cjk-breaks.ts";
import { c1References } from "./c1-references.ts";
import cjkFriendly from "markdown-it-cjk-friendly";
import { footnoteEnv, footnotes } from "./footnotes.ts";
import { sanitizer as makeSanitizer, withPrefix, type Sanitizer } from "./sanitize.ts";
import { tidyBody } from "./body-tidy.ts";
import { officialDocumentParts } from "./official-document.ts";
import { tableAlignClasses } from "./table-align.ts";

type Markdown = InstanceType<typeof MarkdownIt>;

export interface RenderOptions {
  /** Keep (sanitised) raw HTML from the body. */
  allowHtml?: boolean;
}

const instances = new Map<string, Markdown>();

/**
 * sanitize-html is required on first use: it and its htmlparser2 and postcss cost ~150 ms of CPU
 * to load, paid by every thread that renders pages (the render worker in a build's timed part)
 * even for a site that keeps raw HTML off (the default).
 */
let sanitizer: typeof SanitizeHtml | undefined;
const sanitizeHtml = (): typeof SanitizeHtml =>
  (sanitizer ??= createRequire(import.meta.url)("sanitize-html") as typeof SanitizeHtml);

function create(prefix: string, allowHtml: boolean): Markdown {
  const md = new MarkdownIt({ html: allowHtml, linkify: false, typographer: false });
  // A line wrapped inside Chinese text would otherwise show (and be searched) as a space: 智慧 农机,
  // 完成” 然后 (cjk-breaks.ts).
  md.use(cjkBreaks);
  // `**问：**巡河` is bold, not asterisks shown and searched: a `*` or `_` run beside a CJK character
  // may open and close emphasis whatever punctuation is on its other side (the CJK-friendly
  // amendment proposed for CommonMark, commonmark-spec#650).
  md.use(cjkFriendly);
  // `&#150;` is – (as a browser and a raw HTML block read it), not U+FFFD (c1-references.ts).
  md.use(c1References);
  officialDocumentParts(md);
  footnotes(md);
  tableAlignClasses(md);
  // With raw HTML on, the sanitiser prefixes every link (Markdown's and the HTML's) exactly once.
  const linkPrefix = allowHtml ? "/" : prefix;
  md.core.ruler.push("gongkai_site_links", (state) => {
    for (const token of state.tokens) {
      if (token.type === "heading_open" && token.tag === "h1") token.tag = "h2";
      if (token.type === "heading_close" && token.tag === "h1") token.tag = "h2";
      for (const child of token.children ?? []) {
        if (child.type === "link_open") {
          const href = String(child.attrGet("href") ?? "");
          if (href) child.attrSet("href", withPrefix(href, linkPrefix));
          if (href && /^https?:\/\//i.test(href)) child.attrSet("rel", "noopener noreferrer");
        } else if (child.type === "image") {
          const src = String(child.attrGet("src") ?? "");
          if (src) child.attrSet("src", withPrefix(src, linkPrefix));
          child.attrSet("loading", "lazy");
        }
      }
    }
  });
  return md;
}

/** The markdown-it instance for a path prefix ("/" or "/portal/"). */
export function markdownFor(prefix: string, allowHtml = false): Markdown {
  const key = `${allowHtml ? "html" : "text"}:${prefix}`;
  let md = instances.get(key);
  if (!md) instances.set(key, (md = create(prefix, allowHtml)));
  return md;
}

const sanitizers = new Map<string, Sanitizer>();

export function renderMarkdown(body: string, prefix: string, options: RenderOptions = {}): string {
  const rendered = markdownFor(prefix, options.allowHtml).render(body, footnoteEnv(body));
  if (!options.allowHtml) return tidyBody(rendered);
  let sanitize = sanitizers.get(prefix);
  if (!sanitize)
    sanitizers.set(prefix, (sanitize = makeSanitizer(prefix, sanitizeHtml().defaults.allowedTags)));
  sanitize.reset();
  return tidyBody(sanitizeHtml()(rendered, sanitize.options));
}
