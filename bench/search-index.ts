/**
 * The search index step alone, on a kept corpus: generates `<dir>/content` (synthetic, N items)
 * and builds `<dir>/_site` once when they are missing, then loads the state (load+validate only)
 * and writes the index into `<dir>/index-<run>` from the built pages, `--repeat` times.
 *   node --import tsx bench/search-index.ts <dir> [--size N] [--repeat 1] [--keep]
 * Prints per run the wall time, the CPU of every thread of this process (the main thread, the
 * index's worker threads and zlib's thread pool) and the peak RSS, one JSON line each.
 */
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadSiteConfig } from "../src/config/load.ts";
import { buildSite } from "../src/build/build-site.ts";
import { createState } from "../src/build/load-state.ts";
import { generateSyntheticPortal } from "./synthetic.ts";
import { writeSearchIndex } from "../src/search/index-step.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    size: { type: "string", default: "10000" },
    repeat: { type: "string", default: "1" },
    keep: { type: "boolean", default: false },
    workers: { type: "string" },
  },
});
const dir = path.resolve(positionals[0] ?? "/dev/shm/gongkai-search-index");
const ROOT = path.join(import.meta.dirname, "..");
const NOW = Date.UTC(2026, 0, 1);
const site = await loadSiteConfig(path.join(ROOT, "site.config.ts"));
const contentDir = path.join(dir, "content");
const siteDir = path.join(dir, "_site");
if (!existsSync(contentDir)) {
  mkdirSync(dir, { recursive: true });
  generateSyntheticPortal(site, contentDir, { count: Number(values.size) });
}
if (!existsSync(siteDir)) await buildSite({ site, contentDir, outDir: siteDir, now: NOW });
const state = createState({ site, contentDir, now: NOW });
for (let run = 0; run < Number(values.repeat); run++) {
  const outDir = path.join(dir, `index-${run}`);
  rmSync(outDir, { recursive: true, force: true });
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  const cpu = process.cpuUsage();
  const start = performance.now();
  await writeSearchIndex(
    state,
    outDir,
    values.workers === undefined ? {} : { workers: Number(values.workers) },
    siteDir,
  );
  const wallMs = Math.round(performance.now() - start);
  const used = process.cpuUsage(cpu);
  clearInterval(timer);
  console.log(
    JSON.stringify({
      run,
      pages: state.details.length,
      wallMs,
      cpuMs: Math.round((used.user + used.system) / 1000),
      peakMb: Math.round(Math.max(peak, process.memoryUsage.rss()) / 2 ** 20),
    }),
  );
  if (!values.keep) rmSync(outDir, { recursive: true, force: true });
}
