/**
 * One build with the build cache in a fresh process, after an edit, for the benchmark's
 * incremental scenario (bench/run.ts):
 *   node --import tsx bench/incremental.ts <config> <contentDir> <outDir> <now-ms> <cacheDir> <scenario>
 * Scenarios: `fill` (no edit: the first build, which fills the cache), `again` (no edit: a second
 * build, which makes the cache's `spare/` from the fill's output, after which the output before
 * last is a cached build's own, as it is for an operator's every build after the first), `edit-item` (the title of
 * one news item), `delete-item` (another news item), `edit-theme` (the theme's brand colour: every
 * page names a new theme.css and is rendered again, while the search index's shards and the records
 * are kept, src/build/cache/search-fingerprint.ts), `edit-column` (the description of the first
 * column, which every page's navigation may show: the whole cache is invalidated, so it is last).
 * Prints one JSON line: { wallMs, cpuMs, timings, cpuTimings, cache, maxRssKb, changed }.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { loadSiteConfig } from "../src/config/load.ts";
import { buildSite } from "../src/build/build-site.ts";

const [config, contentDir, outDir, now, cacheDir, scenario] = process.argv.slice(2);
if (!config || !contentDir || !outDir || !now || !cacheDir || !scenario)
  throw new Error("usage: incremental.ts <config> <contentDir> <outDir> <now-ms> <cacheDir> <scenario>");

let site = await loadSiteConfig(config);
/** News files of the newest synthetic year, in name order: the edits pick by position, so runs agree. */
const newsDir = path.join(contentDir, "news");
const year = readdirSync(newsDir).sort().at(-1)!;
const news = readdirSync(path.join(newsDir, year)).sort();
let changed = "";
if (scenario === "edit-item") {
  const file = path.join(newsDir, year, news[0]);
  writeFileSync(file, readFileSync(file, "utf8").replace(/^title: (.*)$/m, "title: $1（修订）"));
  changed = path.relative(contentDir, file);
} else if (scenario === "delete-item") {
  const file = path.join(newsDir, year, news[Math.floor(news.length / 2)]);
  rmSync(file);
  changed = path.relative(contentDir, file);
} else if (scenario === "edit-theme") {
  site = { ...site, theme: { ...site.theme, colors: { ...site.theme.colors, brand: "#0b5394" } } };
  changed = "theme.colors.brand";
} else if (scenario === "edit-column") {
  site = {
    ...site,
    columns: site.columns.map((c, i) =>
      i === 0 ? { ...c, description: `${c.description ?? ""}（修订）` } : c,
    ),
  };
  changed = `columns[0].description`;
} else if (scenario !== "fill" && scenario !== "again") throw new Error(`unknown scenario ${scenario}`);

const started = performance.now();
const cpuStart = process.cpuUsage();
const { timings, cpuTimings, cache } = await buildSite({
  site,
  contentDir,
  outDir,
  now: Number(now),
  cacheDir,
});
const wallMs = Math.round(performance.now() - started);
const cpu = process.cpuUsage(cpuStart);
console.log(
  JSON.stringify({
    wallMs,
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    timings,
    cpuTimings,
    cache,
    changed,
    maxRssKb: process.resourceUsage().maxRSS,
  }),
);
// As `npm run build` does (src/cli/build.ts): the whole process's time is an operator's.
process.stdout.write("", () => process.exit());
