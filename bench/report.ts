/** Shapes and printing of benchmark results (bench/run.ts). */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { StartRun } from "./start.ts";
import type { CacheReport } from "../src/build/cache/cache-report.ts";

export interface BuildRun {
  /** buildSite's own wall time (process start-up excluded). */
  wallMs: number;
  /** CPU time (user + system) of buildSite: less disturbed by other processes than wall time. */
  cpuMs: number;
  /** Milliseconds per phase, as buildSite reports them. */
  timings: Record<string, number>;
  details: number;
  lists: number;
  maxRssKb: number;
  /** Peak RSS of the build process and every process it started, together (bench/process-tree.ts). */
  treePeakKb: number;
  output: { files: number; bytes: number };
}

/** One build with the build cache after an edit (bench/incremental.ts). */
export interface IncrementalRun {
  wallMs: number;
  cpuMs: number;
  timings: Record<string, number>;
  cache?: CacheReport;
  changed: string;
  maxRssKb: number;
  treePeakKb: number;
  /**
   * From the child's spawn to its exit: Node's start, loading the modules (from the bench script's
   * bundle, as `npm run build` loads the command's), the build and the exit, as an operator timing
   * `npm run build` sees it (less npm's own start).
   */
  processMs?: number;
}

export interface FloorRun {
  wallMs: number;
  /** CPU time (user + system) of the floor's work. */
  cpuMs: number;
  files: number;
  maxRssKb: number;
}

export interface SizeResult {
  size: number;
  counts: Record<string, number>;
  /** Absent with --checks-only. */
  build?: BuildRun;
  floor?: FloorRun;
  repeat: number;
  /** The pre-publication checks alone (bench/wording.ts). */
  checks?: ChecksRun;
  /** By scenario: fill, again, edit-item, delete-item, edit-theme, edit-column, edit-after-fill. */
  incremental?: Record<string, IncrementalRun>;
  /** `npm start` on the corpus: without a cache and with the one the incremental builds left. */
  start?: { cold: StartRun; warm: StartRun };
}

/** `npm start`'s first page (bar at 50k: ≤ 10 s), first build and search index. */
export function formatStart(start: { cold: StartRun; warm: StartRun }): string {
  const one = (run: StartRun) =>
    `first page ${seconds(run.firstPageMs)}${run.firstPageCpuMs === undefined ? "" : ` (server CPU ${seconds(run.firstPageCpuMs)})`}, build published ${seconds(run.builtMs)}, search index ${seconds(run.searchMs)}`;
  return `npm start (from launch): no cache, no output: ${one(start.cold)}; with the build cache: ${one(start.warm)}`;
}

const SCENARIOS: Record<string, string> = {
  fill: "clean build filling an empty cache (no output)",
  again: "no change, the build after the fill",
  "edit-item": "after editing one item's title",
  "delete-item": "after deleting one item",
  "edit-theme": "after changing the theme's brand colour (every page, no shard)",
  "edit-column": "after editing a column's config (invalidates all)",
  "edit-after-fill": "one title edited right after a fill (clone, build, edit, build)",
};

/** The incremental scenario against the clean build of the same run (bar: ≤ 5 s and ≤ 10 % after one edit). */
export function formatIncremental(clean: BuildRun, runs: Record<string, IncrementalRun>): string[] {
  const rows = [
    [
      "build cache",
      "wall",
      "of clean",
      "whole process",
      "pages rendered/reused",
      "shards indexed/reused",
      "peak, all processes",
    ],
  ];
  for (const [scenario, run] of Object.entries(runs)) {
    const c = run.cache;
    rows.push([
      SCENARIOS[scenario] ?? scenario,
      seconds(run.wallMs),
      `${((100 * run.wallMs) / clean.wallMs).toFixed(1)} %`,
      run.processMs === undefined ? "—" : seconds(run.processMs),
      c ? `${c.rendered}/${c.reused}` : "—",
      c ? `${c.shardsIndexed}/${c.shardsReused}` : "—",
      mb(run.treePeakKb),
    ]);
  }
  const phases = (label: string, run: IncrementalRun | undefined) =>
    run
      ? `\n${label}, by phase: ${Object.entries(run.timings)
          .map(([phase, ms]) => `${phase} ${seconds(ms)}`)
          .join(", ")}`
      : "";
  return [
    table(rows) +
      phases("after one edit", runs["edit-item"]) +
      phases("after one edit right after a fill", runs["edit-after-fill"]),
  ];
}

export interface ChecksRun {
  /** load+validate without the pre-publication checks (CPU ms, like the figures below). */
  loadValidateMs: number;
  /** The wording check's first run in the process (what a build pays). */
  wordingMs: number;
  wordingWarmMs: number;
  signoffMs: number;
  datesMs: number;
  /** Wording problems on the synthetic corpus: false alarms, since it is clean text. */
  findings: number;
}

/** One line on the checks of issue 16 against its bound (at most 10 % of load+validate). */
export function formatChecks(c: ChecksRun): string {
  const total = c.wordingMs + c.signoffMs + c.datesMs;
  return `pre-publication checks (CPU time): wording ${seconds(c.wordingMs)} (warm ${seconds(c.wordingWarmMs)}), sign-off ${seconds(c.signoffMs)}, honest dates ${seconds(c.datesMs)} = ${((100 * total) / c.loadValidateMs).toFixed(1)} % of load+validate ${seconds(c.loadValidateMs)} (bound 10 %); wording findings on the corpus: ${c.findings}`;
}

export function folderSize(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

/** The phases that turn records into HTML pages: Eleventy's and the streamed pages'. */
export const htmlMs = (timings: Record<string, number>) =>
  Object.entries(timings).reduce((sum, [phase, ms]) => (phase.startsWith("render") ? sum + ms : sum), 0);

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const perSecond = (items: number, ms: number) =>
  ms > 0 ? `${Math.round((items / ms) * 1000).toLocaleString("en")}/s` : "—";
const mb = (kb: number) => `${Math.round(kb / 1024)} MB`;

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows
    .map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  "))
    .join("\n");
}

export function formatReport(results: readonly SizeResult[]): string {
  const out: string[] = [];
  for (const r of results) {
    const { build, floor, size } = r;
    if (!build || !floor) {
      out.push(
        `\n== ${size.toLocaleString("en")} items (checks only)`,
        ...(r.checks ? [formatChecks(r.checks)] : []),
      );
      continue;
    }
    const rows = [["phase", "wall", "items/s"]];
    for (const [phase, ms] of Object.entries(build.timings))
      rows.push([phase, seconds(ms), perSecond(size, ms)]);
    rows.push(["whole build", seconds(build.wallMs), perSecond(size, build.wallMs)]);
    rows.push(["floor script", seconds(floor.wallMs), perSecond(size, floor.wallMs)]);
    rows.push(["whole build, CPU time", seconds(build.cpuMs), perSecond(size, build.cpuMs)]);
    rows.push(["floor script, CPU time", seconds(floor.cpuMs), perSecond(size, floor.cpuMs)]);
    out.push(
      `\n== ${size.toLocaleString("en")} items (${Object.entries(r.counts)
        .map(([t, n]) => `${t} ${n}`)
        .join(", ")})${r.repeat > 1 ? `, fastest of ${r.repeat}` : ""}`,
      table(rows),
      `pages: ${build.details} detail + ${build.lists} list; output ${build.output.files.toLocaleString("en")} files, ${(build.output.bytes / 2 ** 20).toFixed(0)} MB`,
      `peak RSS: build ${mb(build.maxRssKb)} (all its processes together ${mb(build.treePeakKb)}), floor ${mb(floor.maxRssKb)}`,
      ...(r.checks ? [formatChecks(r.checks)] : []),
      `HTML render (${Object.keys(build.timings)
        .filter((p) => p.startsWith("render"))
        .join(
          " + ",
        )}) / floor = ${(htmlMs(build.timings) / floor.wallMs).toFixed(2)}×; whole build / floor = ${(build.wallMs / floor.wallMs).toFixed(2)}×`,
      ...(r.incremental ? formatIncremental(build, r.incremental) : []),
      ...(r.start ? [formatStart(r.start)] : []),
    );
  }
  const built = results.filter((r) => r.build && r.floor) as (SizeResult & {
    build: BuildRun;
    floor: FloorRun;
  })[];
  if (built.length > 1) {
    out.push("\n== growth (whole build, relative to the previous size)");
    for (let i = 1; i < built.length; i++) {
      const [a, b] = [built[i - 1], built[i]];
      out.push(
        `${a.size} → ${b.size} items (×${(b.size / a.size).toFixed(1)}): whole build ×${(b.build.wallMs / a.build.wallMs).toFixed(2)}, HTML render ×${(htmlMs(b.build.timings) / htmlMs(a.build.timings)).toFixed(2)}, floor ×${(b.floor.wallMs / a.floor.wallMs).toFixed(2)}; CPU time: build ×${(b.build.cpuMs / a.build.cpuMs).toFixed(2)}, floor ×${(b.floor.cpuMs / a.floor.cpuMs).toFixed(2)}; peak RSS ×${(b.build.maxRssKb / a.build.maxRssKb).toFixed(2)}`,
      );
    }
  }
  return out.join("\n");
}
