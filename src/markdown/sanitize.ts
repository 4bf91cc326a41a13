/**
 * What raw HTML may contain once sanitised (render.ts, sites with `allowHtml`): structure and text,
 * links and images, nothing that runs or styles. Besides what sanitize-html keeps or drops, two
 * things a pasted body breaks and the page must not (a11y50):
 * - an id used twice (an old CMS's `id="fn1"` pasted twice, or beside the plugin's own footnotes):
 *   only the first keeps it, so in-page links and aria references have one target;
 * - a `<p>`, `<div>` … directly in a `<ul>`/`<ol>` (Word and WeChat lists): it becomes an `<li>`,
 *   since a list may hold only items (axe `list`, the Nu Html Checker's error).
 */
import type SanitizeHtml from "sanitize-html";
import { FOOTNOTE_CLASSES, FOOTNOTE_ID } from "./footnotes.ts";
import { OFFICIAL_PARTS } from "./official-document.ts";
import { ALIGN_CLASSES } from "./table-align.ts";

export function withPrefix(url: string, prefix: string): string {
  return url.startsWith("/") && !url.startsWith("//") ? prefix + url.slice(1) : url;
}

export interface Sanitizer {
  options: SanitizeHtml.IOptions;
  /** Forget the ids and open elements of the last body (call before each sanitizeHtml run). */
  reset(): void;
}

const LISTS = new Set(["ul", "ol"]);
/** What a list may hold besides items. */
const IN_LISTS = new Set(["li", "script", "template"]);

export function sanitizer(prefix: string, defaults: readonly string[]): Sanitizer {
  const seen = new Set<string>();
  // The elements open in the parser (raw names), for the parent of the element being opened.
  const open: string[] = [];
  // A footnote's id is kept only in the plugin's form (footnotes.ts): raw HTML names no element.
  const footnoteIds = (attribs: SanitizeHtml.Attributes): SanitizeHtml.Attributes => {
    if (attribs.id === undefined || (FOOTNOTE_ID.test(attribs.id) && !seen.has(attribs.id))) {
      if (attribs.id !== undefined) seen.add(attribs.id);
      return attribs;
    }
    const rest = { ...attribs };
    delete rest.id;
    return rest;
  };
  const prefixed =
    (attr: "href" | "src"): SanitizeHtml.Transformer =>
    (tagName, attribs) => ({
      tagName,
      attribs: footnoteIds(
        attribs[attr] ? { ...attribs, [attr]: withPrefix(attribs[attr], prefix) } : attribs,
      ),
    });
  const options: SanitizeHtml.IOptions = {
    allowedTags: [...defaults, "img", "figure", "figcaption", "del", "ins", "sub", "sup"],
    allowedAttributes: {
      a: ["href", "title", "rel", "id", "aria-label"],
      li: ["id"],
      section: ["aria-label"],
      img: ["src", "alt", "title", "width", "height", "loading"],
      th: ["scope", "colspan", "rowspan", "class"],
      td: ["colspan", "rowspan", "class"],
      ol: ["start", "type"],
      abbr: ["title"],
      div: ["class"],
    },
    // The 公文 containers', the footnotes' and the table alignment's classes only (official-document.ts,
    // footnotes.ts, table-align.ts).
    allowedClasses: {
      div: Object.values(OFFICIAL_PARTS),
      ...FOOTNOTE_CLASSES,
      th: ALIGN_CLASSES,
      td: ALIGN_CLASSES,
    },
    allowedSchemes: ["http", "https", "mailto", "tel"],
    allowedSchemesAppliedToAttributes: ["href", "src", "cite"],
    allowProtocolRelative: false,
    disallowedTagsMode: "discard",
    // htmlparser2 reports a close for every open, void and implied ones included.
    onOpenTag: (name) => void open.push(name),
    onCloseTag: () => void open.pop(),
    // The page's title is its only h1 and its <main> the only main landmark, as for Markdown's `#`
    // (adv50: pasted HTML kept a second h1 and a nested main); an <aside> inside main is not a
    // landmark of its own either (axe: landmark-complementary-is-top-level).
    transformTags: {
      h1: "h2",
      main: "div",
      aside: "div",
      a: prefixed("href"),
      img: prefixed("src"),
      li: (tagName, attribs) => ({ tagName, attribs: footnoteIds(attribs) }),
      // Runs after the transform by name; `open` ends with this element, so its parent is the one before.
      "*": (tagName, attribs) =>
        LISTS.has(open.at(-2) ?? "") && !IN_LISTS.has(tagName)
          ? { tagName: "li", attribs: footnoteIds(attribs) }
          : { tagName, attribs },
    },
  };
  return {
    options,
    reset() {
      seen.clear();
      open.length = 0;
    },
  };
}
