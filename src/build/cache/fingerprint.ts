/**
 * The build fingerprint: everything every page depends on that the per-page keys do not name.
 * The code (src/, layouts/, the data shipped with it in data/: the national holiday calendar and
 * the wording dictionaries; the lock file, Node's version and ICU data), the validated site config, the config
 * file and the site's own modules it imports (config-modules.ts), the content types and page sources of the build, and the year the footer shows. (Not the
 * after-render steps: they run on every build; the search shards they may take from the cache
 * have keys of their own, search-shards.ts.) When it differs
 * from the cache's, nothing in the cache is used: a change of code, config or layouts rebuilds
 * everything, which is always safe.
 */
import { readFileSync } from "node:fs";
import { treeEntries } from "../../content/tree-entries.mjs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createHash } from "node:crypto";
import type { BuildState } from "../../eleventy/state.ts";
import type { SiteParts } from "../outputs.ts";
import { described, describedMethod } from "./described.ts";
import { configModules } from "./config-modules.ts";

/** Bumped whenever the cache's format or the meaning of its keys changes. */
export const CACHE_FORMAT = "gongkai-build-cache/7";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
/** What `codeFingerprint` digests, below the project root: a build reads files of these alone. */
export const CODE = ["src", "layouts", "data", "package-lock.json", "package.json"];

let code: { all: string; search: string } | undefined;

/**
 * The generator's own files that are no code (stylesheets, images, fonts under src/assets/): their
 * bytes reach the output only as copies (assets/ and its versioned names), as the versioned names
 * in pages' HTML and as text a page carries inside itself (the search page's stylesheet, inline
 * SVGs), all of which the search index takes from a page's HTML alone (search-fingerprint.ts).
 */
export const STYLE_ASSET = /^src\/assets\/[^/]+\.(?:css|svg|png|jpe?g|webp|gif|ico|woff2?)$/;

/**
 * The runtime a page's bytes may depend on: Node's version and its ICU data (pinyin collation,
 * time zones, Unicode's normalization and case folding). A Node linked against the system's ICU
 * (Debian's) keeps its version when the ICU package is upgraded, so the data's versions count too.
 */
export function runtimeFingerprint(): string {
  const { icu, unicode, tz, cldr } = process.versions;
  return [process.version, icu, unicode, tz, cldr].join(" ");
}

/** Whether a file is hashed by `codeFingerprint` already (or is a package's, under the lock file). */
export const isCode = (abs: string): boolean =>
  abs.split(path.sep).includes("node_modules") ||
  CODE.some((entry) => {
    const rel = path.relative(path.join(ROOT, entry), abs);
    return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
  });

/** Digest of the generator's own files (read once per process: the code cannot change under it). */
export function codeFingerprint(): string {
  return codeDigests().all;
}

/** `codeFingerprint` without the style assets (STYLE_ASSET): the search index's key and the record store's (records.ts). */
export function searchCodeFingerprint(): string {
  return codeDigests().search;
}

function codeDigests(): { all: string; search: string } {
  if (code !== undefined) return code;
  const hash = createHash("sha256");
  const search = createHash("sha256");
  for (const entry of CODE) {
    const abs = path.join(ROOT, entry);
    const files = entry.includes(".")
      ? [abs]
      : treeEntries(abs)
          .filter((e) => e.isFile())
          .map((e) => path.join(e.parentPath, e.name))
          .sort();
    for (const file of files) {
      const rel = path.relative(ROOT, file).split(path.sep).join("/");
      const bytes = readFileSync(file);
      hash.update(rel).update("\0").update(bytes).update("\0");
      if (!STYLE_ASSET.test(rel)) search.update(rel).update("\0").update(bytes).update("\0");
    }
  }
  return (code = { all: hash.digest("base64url"), search: search.digest("base64url") });
}

export function buildFingerprint(state: BuildState, parts: SiteParts, configPath?: string): string {
  const hash = createHash("sha256");
  const add = (label: string, text: string | Buffer) =>
    hash.update(label).update("\0").update(text).update("\0");
  add("format", CACHE_FORMAT);
  add("code", codeFingerprint());
  add("node", runtimeFingerprint());
  add("site", described(state.options.site));
  // The config and the site's modules it imports (its layout overrides' helpers: config-modules.ts).
  if (configPath)
    for (const file of configModules(configPath, isCode))
      add(`config module ${path.relative(path.dirname(configPath), file)}`, readFileSync(file));
  add("types", described(state.portal.types));
  add(
    "pages",
    parts.pages.map((p) => `${p.name}:${p.streamed ? "s" : ""}:${describedMethod(p, "create")}`).join("\n"),
  );
  add("year", String(state.ctx.year));
  return hash.digest("base64url");
}
