/**
 * What every layout receives: the settings, the published portal and the prefixing link helper.
 * View types live in src/ (layouts/ import them, src/ never imports layouts/ for a type).
 */
import type { Site } from "../config/schema.ts";
import type { Portal } from "../portal/portal.ts";
import type { ImageSize } from "../media/image-size.ts";
import type { Html } from "../html/html.ts";

export interface LayoutContext {
  site: Site;
  portal: Portal;
  /** Adds the path prefix to a site URL. */
  href: (url: string) => string;
  /**
   * An editor's Markdown as HTML, with the site's path prefix and `allowHtml`: the only way a
   * layout renders Markdown, so no page can forget either.
   */
  markdown: (body: string) => Html;
  /** Intrinsic size of an image under /media/, for width/height attributes (absent in bare contexts). */
  imageSize?: (src: string) => ImageSize | undefined;
  /** The build's clock, epoch ms: where time-bound items stand (a consultation 征集中 or 已结束). */
  now: number;
  /** The build's year in the site's zone (copyright line). */
  year?: number;
  /** Set on preview builds (`--drafts`): drafts and scheduled items are shown, marked, with noindex. */
  preview?: { now: number };
}

export interface Crumb {
  label: string;
  url?: string;
}

/** Meta tags of domain.md §5, by page kind. */
export interface PageMeta {
  title: string;
  /** Site URL of this page, without the prefix. */
  url: string;
  description?: string;
  /** Which main navigation entry is current. */
  section?: string;
  breadcrumbs?: Crumb[];
  column?: { name: string; description?: string; keywords?: readonly string[]; type: string };
  article?: { title: string; pubDate: string; source: string; keywords?: readonly string[]; author?: string };
  /** Feeds to announce with <link rel="alternate">. */
  feeds?: { title: string; url: string }[];
  noindex?: boolean;
  /** rel=canonical when the page is a copy of another site's (default: this page's own URL). */
  canonical?: string;
  /** Stylesheets of this page kind only, after site.css (e.g. /assets/home.css). */
  styles?: string[];
  /**
   * This page kind's one stylesheet, in place of site.css, `styles`, theme.css and print.css (which
   * it holds in their order: layouts/search-css.ts). One request instead of four (the search page).
   */
  stylesheet?: string;
  /** site.js is part of the first script (`firstScripts`), not a request of its own (the search page). */
  siteScriptFirst?: boolean;
  /**
   * Classic scripts of this page kind only, at the top of <head> before the stylesheets: they run as
   * soon as they arrive, waiting for neither the CSS nor the body (the search page's search-boot.js
   * starts the search Worker there). Small, and only what cannot wait.
   */
  firstScripts?: string[];
  /**
   * Module scripts of this page kind only, fetched from <head> and run once the body is parsed,
   * before DOMContentLoaded and the first paint (not `async`: Chromium holds an async script back
   * until the first paint, which at 50k pages cost the search 100–300 ms under load).
   */
  modules?: string[];
  /** Extra class on <body> (page kind, for print and layout styles). */
  bodyClass?: string;
  /**
   * The header's emblem and the footer's badge drawn in the page (inline SVG), not as images: each
   * SVG image is a document the page's main thread makes in a task of its own (the search page).
   */
  inlineImages?: boolean;
}
