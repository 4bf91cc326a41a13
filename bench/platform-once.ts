/**
 * The whole platform in one process, for the platform benchmark (bench/platform.ts):
 *   node --import tsx bench/platform-once.ts <platform.config.ts> <outDir> "<YYYY-MM-DD HH:mm>"
 * Prints one JSON line: wall time, the summed phases of the site builds, and pages-only time
 * (load+validate + render + render streamed, as the Hugo comparison counts it).
 */
import { loadPlatform } from "../src/platform/config.ts";
import { buildPlatform } from "../src/platform/build.ts";
import { parseLocalDate } from "../src/content/fields.ts";

const [config, outDir, now] = process.argv.slice(2);
if (!config || !outDir || !now) throw new Error("usage: platform-once.ts <config> <outDir> <now>");
const platform = await loadPlatform(config);
const started = performance.now();
const built = await buildPlatform(platform, outDir, parseLocalDate(now, "Asia/Shanghai")!.toMillis());
const wallMs = Math.round(performance.now() - started);
const phases: Record<string, number> = {};
for (const b of built)
  for (const [name, ms] of Object.entries(b.timings)) phases[name] = (phases[name] ?? 0) + ms;
const pagesMs = (phases["load+validate"] ?? 0) + (phases.render ?? 0) + (phases["render streamed"] ?? 0);
console.log(JSON.stringify({ wallMs, pagesMs, phases, sites: built.length }));
