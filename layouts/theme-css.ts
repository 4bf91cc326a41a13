/**
 * /assets/theme.css: the site's colours and banner from `theme` in site.config.ts, as custom
 * properties over site.css's defaults. A file rather than a style attribute: the CSP allows no
 * inline styles. Empty rules are left out. It also names the extra-large cursor's images for
 * site.css (`--big-cursor`): a URL in a generated file carries its file's version
 * (src/pages/asset-versions.ts), a relative `url()` in site.css could not.
 */
import type { LayoutContext } from "../src/view/context.ts";

const PROPERTIES = {
  brand: "--brand",
  brandDark: "--brand-dark",
  link: "--link",
  accent: "--accent-line",
  footerBg: "--footer-bg",
} as const;

/** A URL inside CSS `url("…")`: site paths only (validated), quotes and backslashes escaped anyway. */
const cssUrl = (url: string) => `url("${url.replace(/["\\\n]/g, (c) => `\\${c}`)}")`;

/** The 适老化 extra-large cursor (site.css `html.big-cursor`): its images, with their hot spots. */
const cursors = (href: LayoutContext["href"]) =>
  `:root {\n  --big-cursor: ${cssUrl(href("/assets/cursor.svg"))} 4 2, auto;\n  --big-cursor-pointer: ${cssUrl(href("/assets/cursor-pointer.svg"))} 22 4, pointer;\n}`;

export function themeCss(ctx: Pick<LayoutContext, "site" | "href">): string {
  const { colors, banner } = ctx.site.theme;
  const rules: string[] = ["/* Generated from theme in site.config.ts. */", cursors(ctx.href)];
  const vars = Object.entries(PROPERTIES)
    .filter(([key]) => colors[key as keyof typeof PROPERTIES])
    .map(([key, prop]) => `  ${prop}: ${colors[key as keyof typeof PROPERTIES]};`);
  if (banner.color) vars.push(`  --banner: ${banner.color};`);
  if (vars.length) rules.push(`:root {\n${vars.join("\n")}\n}`);
  if (banner.image)
    rules.push(
      // The overlay keeps white text readable on any picture (WCAG 1.4.3); high contrast drops the picture.
      `html:not(.high-contrast) .site-header.banner {\n  background-image: linear-gradient(90deg, rgb(0 0 0 / 0.55), rgb(0 0 0 / 0.25)), ${cssUrl(ctx.href(banner.image))};\n}`,
    );
  return rules.join("\n") + "\n";
}
