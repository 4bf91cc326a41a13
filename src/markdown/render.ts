/**
 * Markdown bodies to HTML with markdown-it. Raw HTML is off (editors' text is untrusted);
 * markdown-it's own link validation already refuses javascript: and similar URLs.
 * Site-absolute links and images get the path prefix; a body `#` heading becomes `h2`, since the
 * page title is the page's only `h1`.
 */
import MarkdownIt from "markdown-it";

type Markdown = InstanceType<typeof MarkdownIt>;

const instances = new Map<string, Markdown>();

function withPrefix(url: string, prefix: string): string {
  return url.startsWith("/") && !url.startsWith("//") ? prefix + url.slice(1) : url;
}

function create(prefix: string): Markdown {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.core.ruler.push("gongkai_site_links", (state) => {
    for (const token of state.tokens) {
      if (token.type === "heading_open" && token.tag === "h1") token.tag = "h2";
      if (token.type === "heading_close" && token.tag === "h1") token.tag = "h2";
      for (const child of token.children ?? []) {
        if (child.type === "link_open") {
          const href = String(child.attrGet("href") ?? "");
          if (href) child.attrSet("href", withPrefix(href, prefix));
          if (href && /^https?:\/\//i.test(href)) child.attrSet("rel", "noopener noreferrer");
        } else if (child.type === "image") {
          const src = String(child.attrGet("src") ?? "");
          if (src) child.attrSet("src", withPrefix(src, prefix));
          child.attrSet("loading", "lazy");
        }
      }
    }
  });
  return md;
}

/** The markdown-it instance for a path prefix ("/" or "/portal/"). */
export function markdownFor(prefix: string): Markdown {
  let md = instances.get(prefix);
  if (!md) instances.set(prefix, (md = create(prefix)));
  return md;
}

export function renderMarkdown(body: string, prefix: string): string {
  return markdownFor(prefix).render(body);
}
