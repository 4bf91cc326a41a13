/**
 * The theme seam: the layout parts a site may replace from its own folder, without touching src/
 * or layouts/. A site writes a function with one of these signatures and names it in its config:
 *
 *   // other/theme/footer.ts
 *   import { html } from "gongkai/html";
 *   export const footer: FooterOverride = (ctx, original) => html`<footer>…</footer>`;
 *   // other/site.config.ts
 *   theme: { overrides: defineOverrides({ footer }) }
 *
 * Every override receives the original part as its last argument, so it can wrap it instead of
 * starting over. The list is validated with the rest of the config (src/config/theme.ts).
 */
import type { Html } from "../src/html/html.ts";
import type { ContentRecord } from "../src/content/types.ts";
import type { LayoutContext, PageMeta } from "../src/view/context.ts";
import type { HomeBlock } from "../src/config/home.ts";

export type HeaderOverride = (ctx: LayoutContext, page: PageMeta, original: () => Html) => Html;
/** `page`: the page the footer is on (its URL goes into the 找错 link, src/portal/identity-links.ts). */
export type FooterOverride = (ctx: LayoutContext, original: () => Html, page: PageMeta) => Html;
/** A home block, by its type (`news`, `services` …) or, for `custom` blocks, by its name. */
export type HomeBlockOverride = (ctx: LayoutContext, block: HomeBlock, original: () => Html) => Html;
/** The main part of a detail page (inside <main>, under the preview notice). */
export type DetailOverride = (
  ctx: LayoutContext,
  record: ContentRecord,
  bodyHtml: string,
  original: () => Html,
) => Html;

export interface LayoutOverrides {
  header?: HeaderOverride;
  footer?: FooterOverride;
  homeBlocks?: Record<string, HomeBlockOverride>;
  detail?: Partial<Record<ContentRecord["type"], DetailOverride>>;
}

/** Typed helper for a site's config: TypeScript checks each override's signature here. */
export function defineOverrides(overrides: LayoutOverrides): LayoutOverrides {
  return overrides;
}

/** The site's overrides, validated as functions by the config schema, typed as the seam above. */
export function overridesOf(ctx: LayoutContext): LayoutOverrides {
  return ctx.site.theme.overrides as LayoutOverrides;
}

/** The site's own part where it has one, else ours. */
export function overridden<A extends unknown[]>(
  own: ((...args: [...A, () => Html]) => Html) | undefined,
  original: (...args: A) => Html,
  ...args: A
): Html {
  return own ? own(...args, () => original(...args)) : original(...args);
}
