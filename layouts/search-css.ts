/**
 * /assets/search-page.css: the search page's one stylesheet — site.css, search.css, the site's
 * theme.css (layouts/theme-css.ts) and print.css (inside `@media print`, as its `media="print"` link
 * had it), in the order and cascade their four links had. One request instead of four: a search
 * counts every request the page makes (issue 14's bar, docs/search.md "Sixteenth round"). Every
 * other page keeps the separate files (shared in the reader's cache from page to page).
 */
import type { LayoutContext } from "../src/view/context.ts";
import { themeCss } from "./theme-css.ts";
import { assetText } from "./parts/asset-text.ts";

/** A stylesheet folded as is: a file of its own may not start a rule the bundle would put inside another. */
function asset(name: string): string {
  const text = assetText(name);
  if (/@(?:import|charset|namespace)\b/.test(text))
    throw new Error(`${name}: @import/@charset cannot be bundled`);
  return text;
}

export function searchCss(ctx: Pick<LayoutContext, "site" | "href">): string {
  return [
    asset("site.css"),
    asset("search.css"),
    themeCss(ctx),
    `@media print {\n${asset("print.css")}\n}\n`,
  ].join("\n");
}
