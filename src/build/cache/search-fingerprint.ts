/**
 * The search index's fingerprint: what a search shard's files and grams depend on beside what its
 * key names per page (search-shards.ts: URL, title, date, topic, the record's digest and the digest
 * of the page's `<main>`, the only part of its HTML the index reads: src/html/main-of.mjs).
 *
 * It is the build fingerprint (fingerprint.ts) without what reaches the index only through pages'
 * HTML, so that a change of look keeps every shard while every page is rendered again:
 * - the style assets (STYLE_ASSET: src/assets/ stylesheets and images): copied to assets/, named
 *   by version in pages' `<head>`, inlined by the search page (which is not indexed);
 * - the site config's `theme` (colours, logo, banner, footer lines, layout overrides): read by
 *   layouts alone (nothing under src/search/ reads it), so it changes pages' HTML and no record,
 *   title, date, topic or filter the index takes beside it;
 * - the bytes of site.config.ts and the modules it imports, unless a function outside `theme`
 *   (a site's own content type or page source) is described by its text: those bytes are in the
 *   build fingerprint for the constants such a function closes over (config-modules.ts), and
 *   values the config holds are in `described(site)` already. An override in `theme` acts on HTML.
 * A change of anything else (code, the config's other fields, the types, Node) changes it too.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import type { BuildState } from "../../eleventy/state.ts";
import type { SiteParts } from "../outputs.ts";
import { described, describedMethod } from "./described.ts";
import { configModules } from "./config-modules.ts";
import { CACHE_FORMAT, isCode, runtimeFingerprint, searchCodeFingerprint } from "./fingerprint.ts";

/** A function described by its source text, not by its place among the defaults (described.ts). */
const OWN_FUNCTION = /ƒ (?!default )/;

export function searchFingerprint(state: BuildState, parts: SiteParts, configPath?: string): string {
  const hash = createHash("sha256");
  const add = (label: string, text: string | Buffer) =>
    hash.update(label).update("\0").update(text).update("\0");
  add("format", `${CACHE_FORMAT} search`);
  add("code", searchCodeFingerprint());
  add("node", runtimeFingerprint());
  const site = described({ ...state.options.site, theme: undefined });
  const types = described(state.portal.types);
  const pages = parts.pages
    .map((p) => `${p.name}:${p.streamed ? "s" : ""}:${describedMethod(p, "create")}`)
    .join("\n");
  add("site", site);
  add("types", types);
  add("pages", pages);
  if (configPath && [site, types, pages].some((text) => OWN_FUNCTION.test(text)))
    for (const file of configModules(configPath, isCode))
      add(`config module ${path.relative(path.dirname(configPath), file)}`, readFileSync(file));
  add("year", String(state.ctx.year));
  return hash.digest("base64url");
}
