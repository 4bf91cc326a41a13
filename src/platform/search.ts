/**
 * 全站群搜索: each site's own search index (pagefind/, unchanged) linked under
 * `platform/pagefind/<key>/`, `sites.json` naming them, and a page whose Worker (the sites' own,
 * src/assets/search-worker.js) opens every site's index, searches them all or the one the 站点
 * filter names, and merges the results (title matches first, then by date). Nothing is indexed
 * twice: the platform search is the sites' indexes side by side.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { INDEX_MANIFEST, SEARCH_BUNDLE_DIR, type IndexManifest } from "../search/index-step.ts";
import { absoluteUrl } from "../portal/urls.ts";
import { html } from "../html/html.ts";
import type { Platform } from "./config.ts";
import { platformPage } from "./page.ts";
import { linkTree } from "./link-tree.ts";
import { bundleModules } from "../search/worker-bundle.ts";
import { searchScriptTexts } from "../search/search-scripts.ts";
import { contentVersion, VERSIONED_DIR, versionedName } from "../view/asset-version.ts";

/** The site search's browser modules the platform page runs (copied from a site's assets/). */
const SEARCH_MODULE = /^search-.+\.js$/;

export interface PlatformSearchSite {
  key: string;
  name: string;
  /** The site's home page URL: result URLs are relative to it. */
  home: string;
  /** Pages in the site's index. */
  pages: number;
}

export function writePlatformSearch(platform: Platform, outDir: string, dir: string): void {
  const bundle = path.join(dir, SEARCH_BUNDLE_DIR);
  const sites: PlatformSearchSite[] = [];
  mkdirSync(bundle, { recursive: true });
  for (const s of platform.sites) {
    const own = path.join(outDir, s.key, SEARCH_BUNDLE_DIR);
    const manifestFile = path.join(own, INDEX_MANIFEST);
    if (!existsSync(manifestFile)) throw new Error(`站点“${s.key}”的生成结果中没有搜索索引：${manifestFile}`);
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as IndexManifest;
    // Links, not copies (link-tree.ts): the site's index is as large as its pages' text.
    linkTree(own, path.join(bundle, s.key));
    sites.push({ key: s.key, name: s.site.name, home: absoluteUrl(s.site, "/"), pages: manifest.pages });
  }
  writeFileSync(path.join(bundle, "sites.json"), `${JSON.stringify(sites)}\n`);
  const assets = path.join(dir, "assets");
  mkdirSync(assets, { recursive: true });
  const siteAssets = path.join(outDir, platform.sites[0].key, "assets");
  for (const name of readdirSync(siteAssets).filter((f) => SEARCH_MODULE.test(f)))
    cpSync(path.join(siteAssets, name), path.join(assets, name));
  cpSync(new URL("./assets/platform-search.js", import.meta.url), path.join(assets, "platform-search.js"));
  const script = versionedScripts(assets);
  const main = html`<form class="platform-search-form" role="search">
<label for="search-q">关键词</label>
<input type="search" id="search-q" name="q" autocomplete="off">
<label for="search-site">站点</label>
<select id="search-site" name="site"><option value="">全部站点</option>${sites.map(
    (s) => html`<option value="${s.key}">${s.name}</option>`,
  )}</select>
<button type="submit">搜索</button>
</form>
<div id="search-app" data-bundle="../${SEARCH_BUNDLE_DIR}/">
<p id="search-status" role="status"></p>
<ol id="search-results"></ol>
<button type="button" id="search-more" hidden>加载更多</button>
</div>`;
  mkdirSync(path.join(dir, "search"), { recursive: true });
  writeFileSync(
    path.join(dir, "search", "index.html"),
    platformPage(
      platform,
      "全站群搜索",
      main,
      html`<script type="module" src="../assets/${script}"></script>`,
    ),
  );
}

/**
 * The page's script and its Worker, each one file named by its bytes in `assets/v/` (as the portal's
 * search page has them, src/search/search-scripts.ts): by the plain names of a dozen modules, a
 * reader's cache (heuristic freshness: no Cache-Control is set for them) could join one deploy's
 * page script with another's Worker or modules. The script starts the Worker by its versioned
 * name (`self.gongkaiSearchWorker`). The plain copies stay for tools and older pages.
 */
function versionedScripts(assets: string): string {
  mkdirSync(path.join(assets, VERSIONED_DIR), { recursive: true });
  const worker = searchScriptTexts()["worker.js"];
  const workerName = versionedName("search-worker.js", contentVersion(worker));
  const page = `self.gongkaiSearchWorker = ${JSON.stringify(workerName)};\n${bundleModules(path.join(assets, "platform-search.js"))}`;
  const pageName = versionedName("platform-search.js", contentVersion(page));
  writeFileSync(path.join(assets, VERSIONED_DIR, workerName), worker);
  writeFileSync(path.join(assets, VERSIONED_DIR, pageName), page);
  return `${VERSIONED_DIR}/${pageName}`;
}
