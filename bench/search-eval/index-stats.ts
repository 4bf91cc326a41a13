/**
 * The index step measured on its own (run.ts): it runs in this process and its worker threads,
 * so the CPU of every thread (process.cpuUsage) and the process's peak resident memory, sampled
 * while it runs, are its cost.
 */
import { readdirSync, rmSync } from "node:fs";
import type { BuildState } from "../../src/eleventy/state.ts";
import { writeSearchIndex } from "../../src/search/index-step.ts";

export interface IndexStats {
  ms: number;
  cpuMs: number;
  peakRss: number;
  baseRss: number;
  files: number;
}

export async function measureIndex(state: BuildState, outDir: string, pagesDir: string): Promise<IndexStats> {
  rmSync(outDir, { recursive: true, force: true });
  global.gc?.();
  const baseRss = process.memoryUsage.rss();
  let peakRss = baseRss;
  const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 20);
  const cpu = process.cpuUsage();
  const start = performance.now();
  await writeSearchIndex(state, outDir, {}, pagesDir);
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  clearInterval(timer);
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  const files = readdirSync(outDir, { recursive: true }).length;
  rmSync(outDir, { recursive: true, force: true });
  return { ms, cpuMs: (used.user + used.system) / 1000, peakRss, baseRss, files };
}
