/**
 * The generator's files a page names, by versioned names (src/view/asset-version.ts): the
 * layouts' `href` (LayoutContext) turns `/assets/site.css` into `/assets/v/site.<hash>.css`, and
 * on the main thread the search page's scripts (`/pagefind/search-head.js`) into
 * `/pagefind/v/search-head.<hash>.js`; `versionedAssets` gives the bytes the "versioned assets"
 * step writes there (the generator's own files, theme.css and the search page's stylesheet, both
 * made from the site's settings). Every input of a version (the generator's files, the site's
 * settings) is in the build fingerprint, so a page taken from the build cache names the same
 * files a new render would.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Site } from "../config/schema.ts";
import { hrefFor } from "../portal/urls.ts";
import { contentVersion, VERSIONED_DIR, versionedName } from "../view/asset-version.ts";
import { themeCss } from "../../layouts/theme-css.ts";
import { searchCss } from "../../layouts/search-css.ts";

const ASSETS = "/assets/";
const ASSETS_DIR = new URL("../assets/", import.meta.url);
/** Made from the site's settings (src/pages/misc-pages.ts), not copied. */
const MADE = ["theme.css", "search-page.css"] as const;

/**
 * Files of ours no page links: type declarations, and the search modules, which reach the browser
 * laid end to end in the search page's scripts (src/search/search-scripts.ts).
 */
const UNLINKED = /\.d\.ts$|^search[\w-]*\.js$/;

/** The generator's own files by name, read once per process (they do not change under a build). */
const files = new Map<string, { bytes: Buffer; version: string } | null>();

function ownFile(name: string): { bytes: Buffer; version: string } | null {
  let file = files.get(name);
  if (file === undefined) {
    const at = fileURLToPath(new URL(name, ASSETS_DIR));
    // A name that is no file of ours (a site's own /assets/ path, which the link check reports) stays as it is.
    const ours =
      /^[\w-][\w.-]*$/.test(name) && !UNLINKED.test(name) && existsSync(at) && statSync(at).isFile();
    const bytes = ours ? readFileSync(at) : undefined;
    files.set(name, (file = bytes ? { bytes, version: contentVersion(bytes) } : null));
  }
  return file;
}

export interface AssetVersions {
  /** The layouts' `href`: the path prefix, and a versioned name for a file of ours. */
  href: (url: string) => string;
  /** Every versioned file under assets/v/ (name → bytes). */
  files: () => Map<string, string | Buffer>;
  /** The text of theme.css or search-page.css, made once with this `href`. */
  made: (name: (typeof MADE)[number]) => string;
}

/** Each `href` a layout context holds → the versions it is of: one making of theme.css a build. */
const byHref = new WeakMap<(url: string) => string, AssetVersions>();

/**
 * The versions whose `href` this is (a build state's `ctx.href`, src/build/layout-context.ts), so
 * that the page of /assets/theme.css, the versioned copy and the versions in the pages' links take
 * one text (made once, not three times on the main thread); undefined for another function.
 */
export const assetVersionsOf = (href: (url: string) => string): AssetVersions | undefined => byHref.get(href);

/**
 * `scripts`: the versioned names of other files by site path (the search page's scripts,
 * src/search/search-scripts.ts), asked for only when a page names one.
 */
export function assetVersions(site: Site, scripts?: () => Readonly<Record<string, string>>): AssetVersions {
  const plain = hrefFor(site);
  /** theme.css and search-page.css, made from this site's settings with this very `href`. */
  const made = new Map<string, { text: string; version: string }>();
  const madeFile = (name: (typeof MADE)[number]) => {
    let file = made.get(name);
    if (file === undefined) {
      const text = name === "theme.css" ? themeCss({ site, href }) : searchCss({ site, href });
      made.set(name, (file = { text, version: contentVersion(text) }));
    }
    return file;
  };
  const versionOf = (name: string): string | undefined =>
    (MADE as readonly string[]).includes(name)
      ? madeFile(name as (typeof MADE)[number]).version
      : ownFile(name)?.version;
  /** An asset's site path by the path a layout asks for: every page asks for the same few. */
  const assetPaths = new Map<string, string>();
  const versioned = (url: string): string => {
    if (!url.startsWith(ASSETS)) return (url.startsWith("/pagefind/") && scripts?.()[url]) || url;
    let found = assetPaths.get(url);
    if (found === undefined) {
      const name = url.slice(ASSETS.length);
      const version = versionOf(name);
      found = version ? `${ASSETS}${VERSIONED_DIR}/${versionedName(name, version)}` : url;
      assetPaths.set(url, found);
    }
    return found;
  };
  const href = (url: string): string => plain(url.startsWith("/") ? versioned(url) : url);
  const versions: AssetVersions = {
    href,
    made: (name) => madeFile(name).text,
    files: () => {
      const out = new Map<string, string | Buffer>();
      for (const name of readdirSync(ASSETS_DIR).sort()) {
        const file = ownFile(name);
        if (file && !(MADE as readonly string[]).includes(name))
          out.set(versionedName(name, file.version), file.bytes);
      }
      for (const name of MADE) {
        const { text, version } = madeFile(name);
        out.set(versionedName(name, version), text);
      }
      return out;
    },
  };
  byHref.set(href, versions);
  return versions;
}
