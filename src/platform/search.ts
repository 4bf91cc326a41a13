/**
 * 全站群搜索: each site's own search bundle (pagefind/, unchanged) copied under
 * `platform/pagefind/<key>/`, a shard list over all of them, and a page that runs the sites'
 * own search worker (src/assets/search-worker.js) on all shards or on one site's (the 站点
 * filter). Nothing is indexed twice: the platform search is the sites' indexes side by side.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { SEARCH_BUNDLE_DIR, SHARD_MANIFEST, type ShardManifest } from "../search/index-step.ts";
import { absoluteUrl } from "../portal/urls.ts";
import { html } from "../html/html.ts";
import type { Platform } from "./config.ts";
import { platformPage } from "./page.ts";

/** The site search's browser modules the platform page runs (copied from a site's assets/). */
const SEARCH_MODULES = ["search-worker.js", "search-query.js", "search-rank.js", "search-result.js"];

export interface PlatformSearchSite {
  key: string;
  name: string;
  /** The site's home page URL: result URLs are relative to it. */
  home: string;
  /** The site's shards, relative to platform/pagefind/. */
  shards: string[];
}

export function writePlatformSearch(platform: Platform, outDir: string, dir: string): void {
  const bundle = path.join(dir, SEARCH_BUNDLE_DIR);
  const sites: PlatformSearchSite[] = [];
  for (const s of platform.sites) {
    const own = path.join(outDir, s.key, SEARCH_BUNDLE_DIR);
    const manifestFile = path.join(own, SHARD_MANIFEST);
    if (!existsSync(manifestFile)) throw new Error(`站点“${s.key}”的生成结果中没有搜索索引：${manifestFile}`);
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as ShardManifest;
    cpSync(own, path.join(bundle, s.key), { recursive: true });
    sites.push({
      key: s.key,
      name: s.site.name,
      home: absoluteUrl(s.site, "/"),
      shards: manifest.shards.map((shard) => `${s.key}/${shard}`),
    });
  }
  const all: ShardManifest = {
    shards: sites.flatMap((s) => s.shards),
    pages: platform.sites.reduce(
      (n, s) =>
        n +
        (
          JSON.parse(
            readFileSync(path.join(outDir, s.key, SEARCH_BUNDLE_DIR, SHARD_MANIFEST), "utf8"),
          ) as ShardManifest
        ).pages,
      0,
    ),
  };
  writeFileSync(path.join(bundle, SHARD_MANIFEST), `${JSON.stringify(all)}\n`);
  writeFileSync(path.join(bundle, "sites.json"), `${JSON.stringify(sites)}\n`);
  const assets = path.join(dir, "assets");
  mkdirSync(assets, { recursive: true });
  for (const name of SEARCH_MODULES)
    cpSync(path.join(outDir, platform.sites[0].key, "assets", name), path.join(assets, name));
  cpSync(new URL("./assets/platform-search.js", import.meta.url), path.join(assets, "platform-search.js"));
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
      html`<script type="module" src="../assets/platform-search.js"></script>`,
    ),
  );
}
