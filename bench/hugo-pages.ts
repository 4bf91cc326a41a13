/**
 * `npm run bench -- --hugo`: the single-site corpus converted to a Hugo site (bench/hugo-convert.ts,
 * as the platform benchmark does) and Hugo's build timed against Gongkai's pages-only build
 * (load+validate + render + render streamed, bench/build-once.ts --pages-only) in interleaved
 * rounds: issue 19's bar, pages-only within 1.5× of Hugo 0.111 (Debian's `hugo`).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { convertToHugo } from "./hugo-convert.ts";
import { child } from "./child.ts";
import { runMeasured } from "./process-tree.ts";

export interface HugoRound {
  hugoMs: number;
  hugoCpuMs: number;
  gongkaiPagesMs: number;
  gongkaiPagesCpuMs: number;
  /** HTML files each wrote (counted alike, after the timed runs): Gongkai's site has more pages. */
  hugoHtml: number;
  gongkaiHtml: number;
}

/** The HTML files under `dir`, counted the same way for both generators' outputs. */
export function htmlFiles(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".html")).length;
}

/**
 * Deleting an output of ~20–35k files and folders right before a timed build makes that build
 * pay on ext4 without a journal (this machine's /tmp, where `--dir` puts the bench on shared
 * machines): allocating an inode there skips each free inode deleted in the last 60 s (300 s
 * while its inode table is unwritten): 55 % of a 10k build's `perf` samples, 2.6 → 12–15 s of
 * system CPU. The outputs are renamed into `<dir>/done/` instead and deleted after the last
 * round, so neither side times the other's (or its own previous) deletion. On tmpfs (/dev/shm,
 * the default) it changes nothing.
 */
function setAside(out: string, dir: string, name: string): void {
  const done = path.join(dir, "done");
  mkdirSync(done, { recursive: true });
  renameSync(out, path.join(done, name));
}

/** `hugo version`, or undefined when Hugo is not installed. */
export function hugoVersion(): string | undefined {
  try {
    return execFileSync("hugo", ["version"], { encoding: "utf8" }).trim();
  } catch {
    return undefined;
  }
}

/** Converts `contentDir` into `<dir>/hugo`; returns the number of pages written. */
export function convertSite(contentDir: string, dir: string): number {
  return convertToHugo([{ key: "portal", contentDir }], path.join(dir, "hugo"));
}

/**
 * One Hugo build of `<dir>/hugo` into `<dir>/hugo-out`, through time(1) for its CPU (user + system,
 * all threads), with the peak resident memory of its process tree in bytes. With `keep`, the
 * output is left for the caller (counted and set aside), else deleted.
 */
export async function runHugo(
  dir: string,
  keep = false,
): Promise<{ wallMs: number; cpuMs: number; peakTreeRss: number; out: string }> {
  const out = path.join(dir, "hugo-out");
  rmSync(out, { recursive: true, force: true });
  const args = ["-f", "cpu %U %S", "hugo", "--source", path.join(dir, "hugo"), "--destination", out];
  const run = await runMeasured("/usr/bin/time", [...args, "--quiet"], dir);
  const times = /cpu ([\d.]+) ([\d.]+)/.exec(run.stderr);
  if (run.code !== 0 || !times) throw new Error(`hugo failed: ${run.stderr}`);
  if (!keep) rmSync(out, { recursive: true, force: true });
  const cpuMs = Math.round((Number(times[1]) + Number(times[2])) * 1000);
  return { wallMs: run.wallMs, cpuMs, peakTreeRss: run.peakTreeRss, out };
}

/** The fastest round of each, and the ratios the bar reads. */
export function summarize(rounds: readonly HugoRound[]) {
  const best = (pick: (r: HugoRound) => number) => Math.min(...rounds.map(pick));
  const hugoMs = best((r) => r.hugoMs);
  const hugoCpuMs = best((r) => r.hugoCpuMs);
  const gongkaiPagesMs = best((r) => r.gongkaiPagesMs);
  const gongkaiPagesCpuMs = best((r) => r.gongkaiPagesCpuMs);
  return {
    hugoMs,
    hugoCpuMs,
    gongkaiPagesMs,
    gongkaiPagesCpuMs,
    wallRatio: gongkaiPagesMs / hugoMs,
    cpuRatio: gongkaiPagesCpuMs / hugoCpuMs,
  };
}

/**
 * Converts the corpus, then `repeat` interleaved rounds: Hugo, then Gongkai's pages-only build
 * (its load+validate and render phases, timed inside the build) in a fresh process.
 */
export async function hugoRounds(
  contentDir: string,
  dir: string,
  repeat: number,
  config: string,
  now: string,
): Promise<{ pages: number; rounds: HugoRound[] }> {
  const pages = convertSite(contentDir, dir);
  const rounds: HugoRound[] = [];
  const sum = (t: Record<string, number>) =>
    (t["load+validate"] ?? 0) + (t.render ?? 0) + (t["render streamed"] ?? 0);
  for (let i = 0; i < repeat; i++) {
    process.stderr.write(`hugo… `);
    const own = await runHugo(dir, true);
    const hugoHtml = htmlFiles(own.out);
    setAside(own.out, dir, `hugo-${i}`);
    process.stderr.write(`pages only… `);
    const outDir = path.join(dir, "_pages");
    rmSync(outDir, { recursive: true, force: true });
    const run = await child<{ timings: Record<string, number>; cpuTimings: Record<string, number> }>(
      "build-once.ts",
      [config, contentDir, outDir, now, "--pages-only"],
    );
    const gongkaiHtml = htmlFiles(outDir);
    setAside(outDir, dir, `pages-${i}`);
    rounds.push({
      hugoMs: own.wallMs,
      hugoCpuMs: own.cpuMs,
      gongkaiPagesMs: sum(run.timings),
      gongkaiPagesCpuMs: sum(run.cpuTimings),
      hugoHtml,
      gongkaiHtml,
    });
  }
  rmSync(path.join(dir, "done"), { recursive: true, force: true });
  rmSync(path.join(dir, "hugo"), { recursive: true, force: true });
  return { pages, rounds };
}

const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** The report's lines for one size: the bar's ratio, then every round. */
export function formatHugo(
  version: string,
  h: { size: number; pages: number; rounds: readonly HugoRound[] } & ReturnType<typeof summarize>,
): string {
  const rounds = h.rounds.map(
    (r, i) =>
      `\n  round ${i + 1}: Hugo ${sec(r.hugoMs)} (CPU ${sec(r.hugoCpuMs)}), Gongkai ${sec(r.gongkaiPagesMs)} (CPU ${sec(r.gongkaiPagesCpuMs)})`,
  );
  return (
    `\nHugo (${version.split(" ").slice(0, 2).join(" ")}), ${h.size} items (${h.pages} Hugo pages), fastest of ${h.rounds.length} interleaved rounds:\n` +
    `  HTML files written: Gongkai ${h.rounds[0]?.gongkaiHtml ?? "?"}, Hugo ${h.rounds[0]?.hugoHtml ?? "?"} (Gongkai's site has more pages: organs, statistics, audit lists)\n` +
    `  pages only (load+validate + render): Gongkai ${sec(h.gongkaiPagesMs)} / Hugo ${sec(h.hugoMs)} = ${h.wallRatio.toFixed(2)}× wall (bar ≤ 1.5×)\n` +
    `  CPU: Gongkai ${sec(h.gongkaiPagesCpuMs)} / Hugo ${sec(h.hugoCpuMs)} = ${h.cpuRatio.toFixed(2)}×` +
    rounds.join("")
  );
}
