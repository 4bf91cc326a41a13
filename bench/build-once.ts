/**
 * One complete build in a fresh process, for the benchmark: buildSite with the default page
 * sources and after-render steps (src/build/defaults.ts), timed by the phases buildSite reports.
 *   node --import tsx bench/build-once.ts <config> <contentDir> <outDir> <now-ms> [--pages-only]
 * Prints one JSON line: { wallMs, cpuMs, timings, cpuTimings, details, lists, maxRssKb }.
 */
import { loadSiteConfig } from "../src/config/load.ts";
import { buildSite } from "../src/build/build-site.ts";
import { defaultParts } from "../src/build/defaults.ts";

const [config, contentDir, outDir, now, mode] = process.argv.slice(2);
if (!config || !contentDir || !outDir || !now)
  throw new Error("usage: build-once.ts <config> <contentDir> <outDir> <now-ms>");

const site = await loadSiteConfig(config);
const started = performance.now();
const cpuStart = process.cpuUsage();
// --pages-only: the pages and nothing after them (what the Hugo comparison times, bench/hugo-pages.ts).
const parts = mode === "--pages-only" ? { pages: defaultParts.pages, steps: [] } : undefined;
const { state, timings, cpuTimings } = await buildSite({ site, contentDir, outDir, now: Number(now), parts });
const wallMs = Math.round(performance.now() - started);
const cpu = process.cpuUsage(cpuStart);
const cpuMs = Math.round((cpu.user + cpu.system) / 1000);
console.log(
  JSON.stringify({
    wallMs,
    cpuMs,
    timings,
    cpuTimings,
    details: state.details.length,
    lists: state.lists.length,
    maxRssKb: process.resourceUsage().maxRSS,
  }),
);
