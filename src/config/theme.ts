/**
 * A site's look (`theme` in site.config.ts): colours, logo, banner, extra footer lines, and the
 * layout parts it replaces with its own functions (layouts/overrides.ts). Colours are checked for
 * contrast here, so a theme cannot make the portal fail WCAG 1.4.3 without the build saying so.
 */
import { z } from "zod";

const hex = z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: "应为 #RRGGBB 形式的颜色，例如 #a8141d" });

/** A site path of an image the site ships in content/media (/media/…) or the generator's (/assets/…). */
const imagePath = z.string().regex(/^\/(media|assets)\/[^\s?#]+\.(svg|png|jpe?g|webp)$/i, {
  error: "应为 /media/ 下的图片路径，例如 /media/images/banner.svg",
});

function luminance(color: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(color.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two #RRGGBB colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** A colour that text of the given colour sits on (or that sits on it) at 4.5:1 at least. */
const readableOn = (other: string, what: string) =>
  hex.refine((c) => contrast(c, other) >= 4.5, {
    error: (issue) =>
      `与${what}的对比度为 ${contrast(String(issue.input), other).toFixed(2)}:1，至少需要 4.5:1（WCAG 1.4.3）`,
  });

/**
 * A function. Its signature is checked by TypeScript where the site wraps its overrides in
 * `defineOverrides` (layouts/overrides.ts); typing it here would make the config's type depend on
 * the records' type, which depends on the config.
 */
const fn = z.custom<(...args: never[]) => unknown>((v) => typeof v === "function", { error: "应为函数" });

export const overridesSchema = z
  .strictObject({
    /** Replaces the skip link, toolbar, site title, search box and main navigation. */
    header: fn.optional(),
    /** Replaces the footer (the identifiers of domain.md §5 are then the site's responsibility). */
    footer: fn.optional(),
    /** Replaces home blocks by type (news, policies, services …) or renders `custom` blocks by name. */
    homeBlocks: z.record(z.string(), fn).optional(),
    /** Replaces the main part of detail pages by content type (news, policy, guide …). */
    detail: z
      .partialRecord(z.enum(["news", "policy", "video", "guide", "periodical", "page"]), fn)
      .optional(),
  })
  .describe("替换的布局部件：header、footer、homeBlocks、detail");

export const themeSchema = z.strictObject({
  /** Colours: the header band, the navigation band, links, accents and the footer's background. */
  colors: z
    .strictObject({
      /** Header band and buttons, under white text. */
      brand: readableOn("#ffffff", "白色文字").optional(),
      /** Navigation band and pressed buttons, under white text. */
      brandDark: readableOn("#ffffff", "白色文字").optional(),
      /** Links, on white. */
      link: readableOn("#ffffff", "白色背景").optional(),
      /** Block titles and markers, on white. */
      accent: readableOn("#ffffff", "白色背景").optional(),
      /** Footer background, under dark text (#1f1f1f) and links. */
      footerBg: readableOn("#1f1f1f", "深色文字").optional(),
    })
    .default({}),
  /** Emblem beside the site name (defaults to the generator's emblem). */
  logo: imagePath.optional(),
  /** The home page's banner: the header band with the site name, a tagline, and an image or colour. */
  banner: z
    .strictObject({
      /** Background image of the banner (dark enough for white text; an overlay darkens it further). */
      image: imagePath.optional(),
      /** Background colour of the banner where there is no image. */
      color: readableOn("#ffffff", "白色文字").optional(),
      /** One line under the site name on the home page. */
      tagline: z.string().default(""),
    })
    .default({ tagline: "" }),
  /** Extra lines at the end of the footer (e.g. 建议使用 1366×768 以上分辨率). */
  footerText: z.array(z.string().min(1)).default([]),
  /** Layout parts the site replaces from its own folder (see docs/theming.md). */
  overrides: overridesSchema.default({}),
});

export type Theme = z.output<typeof themeSchema>;
