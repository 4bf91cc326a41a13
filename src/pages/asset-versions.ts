/**
 * The path-prefixing link helper of the layouts (LayoutContext `href`), with `?v=<hash of the
 * bytes>` on every URL of a file the generator ships under /assets/ (its own files, theme.css and
 * the search page's stylesheet, made from the site's settings) and, on the main thread, the search
 * page's two scripts under /pagefind/. `_headers` lets a reader keep those for a year
 * (src/deploy/security-headers.ts): a new build's file is a new URL, so no page is ever shown with
 * a cached stylesheet or script of another build. Every input of a version (the generator's files,
 * the site's settings) is in the build fingerprint, so a page taken from the build cache names the
 * same versions a new render would.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Site } from "../config/schema.ts";
import { hrefFor } from "../portal/urls.ts";
import { contentVersion, withVersion } from "../view/asset-version.ts";
import { themeCss } from "../../layouts/theme-css.ts";
import { searchCss } from "../../layouts/search-css.ts";

const ASSETS = "/assets/";
const ASSETS_DIR = new URL("../assets/", import.meta.url);

/** The generator's own files' versions by name, read once per process (they do not change under a build). */
const fileVersions = new Map<string, string>();

function fileVersion(name: string): string {
  let version = fileVersions.get(name);
  if (version === undefined) {
    const file = fileURLToPath(new URL(name, ASSETS_DIR));
    // A name that is no file of ours (a site's own /assets/ path, which the link check reports) stays as it is.
    version =
      /^[\w.-]+$/.test(name) && existsSync(file) && statSync(file).isFile()
        ? contentVersion(readFileSync(file))
        : "";
    fileVersions.set(name, version);
  }
  return version;
}

/**
 * The site's `href` with versions. `scripts`: the versions of other files by site path (the
 * search page's scripts, src/search/search-scripts.ts), asked for only when a page names one.
 */
export function versionedHref(
  site: Site,
  scripts?: () => Readonly<Record<string, string>>,
): (url: string) => string {
  const plain = hrefFor(site);
  /** theme.css and search-page.css, made from this site's settings with this very helper. */
  const made = new Map<string, string>();
  const madeVersion = (url: string, make: () => string): string => {
    let version = made.get(url);
    if (version === undefined) made.set(url, (version = contentVersion(make())));
    return version;
  };
  const versionOf = (url: string): string => {
    if (!url.startsWith(ASSETS)) return (url.startsWith("/pagefind/") && scripts?.()[url]) || "";
    const name = url.slice(ASSETS.length);
    if (name === "theme.css") return madeVersion(url, () => themeCss({ site, href }));
    if (name === "search-page.css") return madeVersion(url, () => searchCss({ site, href }));
    return fileVersion(name);
  };
  const href = (url: string): string => {
    const version = url.startsWith("/") ? versionOf(url) : "";
    return version ? withVersion(plain(url), version) : plain(url);
  };
  return href;
}
