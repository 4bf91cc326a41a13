/**
 * The whole platform in one process, for the platform benchmark (bench/platform.ts):
 *   node --import tsx bench/platform-once.ts <platform.config.ts> <outDir> "<YYYY-MM-DD HH:mm>" [--pages-only | --cache <dir>]
 * Prints one JSON line: wall time, CPU time, the summed phases of the site builds, and pages-only time
 * (load+validate + render + render streamed, as the Hugo comparison counts it).
 * `--pages-only` builds every site's pages and nothing else (no search index, sitemap, manifest,
 * platform pages): what the Hugo comparison runs, interleaved with Hugo. `--cache`: with the build
 * cache in that folder (the incremental scenario, bench/platform-incremental.ts).
 */
import { loadPlatform } from "../src/platform/config.ts";
import { buildPlatform, buildSites } from "../src/platform/build.ts";
import { parseLocalDate } from "../src/content/fields.ts";
import { defaultPageSources } from "../src/build/defaults.ts";

const [config, outDir, now, mode, cacheDir] = process.argv.slice(2);
if (!config || !outDir || !now)
  throw new Error("usage: platform-once.ts <config> <outDir> <now> [--pages-only | --cache <dir>]");
const platform = await loadPlatform(config);
const clock = parseLocalDate(now, "Asia/Shanghai")!.toMillis();
const started = performance.now();
const cpuStart = process.cpuUsage();
const built =
  mode === "--pages-only"
    ? await buildSites(platform, platform.sites, outDir, clock, undefined, {
        pages: defaultPageSources,
        steps: [],
      })
    : await buildPlatform(platform, outDir, clock, mode === "--cache" ? cacheDir : undefined);
const wallMs = Math.round(performance.now() - started);
const cpu = process.cpuUsage(cpuStart);
const cpuMs = Math.round((cpu.user + cpu.system) / 1000);
const phases: Record<string, number> = {};
for (const b of built)
  for (const [name, ms] of Object.entries(b.timings)) phases[name] = (phases[name] ?? 0) + ms;
const pagesMs = (phases["load+validate"] ?? 0) + (phases.render ?? 0) + (phases["render streamed"] ?? 0);
console.log(JSON.stringify({ wallMs, pagesMs, cpuMs, phases, sites: built.length }));
