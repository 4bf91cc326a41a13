/**
 * A page's meta in one shape for every page. Each layout builds its PageMeta as an object literal
 * with the fields it needs, so the shell's parts (head, breadcrumbs) saw a dozen maps: TurboFan
 * compiled `head` for the maps it had seen, threw the code away at the next page kind ("wrong
 * map") and compiled it again, 3–5 times a build on each thread, and `head` is the largest
 * function a page runs. Copied into one literal with every field, in one order (absent fields
 * undefined, which every reader treats as absent), the parts see one map and stay compiled.
 */
import type { PageMeta } from "./context.ts";

type Column = NonNullable<PageMeta["column"]>;
type Article = NonNullable<PageMeta["article"]>;

const stableColumn = (c: Column): Column => ({
  name: c.name,
  description: c.description,
  keywords: c.keywords,
  type: c.type,
});

const stableArticle = (a: Article): Article => ({
  title: a.title,
  pubDate: a.pubDate,
  source: a.source,
  keywords: a.keywords,
  author: a.author,
});

export function stableMeta(page: PageMeta): PageMeta {
  return {
    title: page.title,
    url: page.url,
    description: page.description,
    section: page.section,
    breadcrumbs: page.breadcrumbs,
    column: page.column === undefined ? undefined : stableColumn(page.column),
    article: page.article === undefined ? undefined : stableArticle(page.article),
    feeds: page.feeds,
    noindex: page.noindex,
    canonical: page.canonical,
    styles: page.styles,
    stylesheet: page.stylesheet,
    siteScriptFirst: page.siteScriptFirst,
    firstScripts: page.firstScripts,
    modules: page.modules,
    bodyClass: page.bodyClass,
    inlineImages: page.inlineImages,
  };
}
