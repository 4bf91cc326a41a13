/**
 * `npm run bench -- --hugo`: the single-site corpus converted to a Hugo site (bench/hugo-convert.ts,
 * as the platform benchmark does) and Hugo's build timed against Gongkai's pages-only build
 * (load+validate + render + render streamed, bench/build-once.ts --pages-only) in interleaved
 * rounds: issue 19's bar, pages-only within 1.5× of Hugo 0.111 (Debian's `hugo`).
 */
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { convertToHugo } from "./hugo-convert.ts";
import { child } from "./child.ts";
import { runMeasured } from "./process-tree.ts";

export interface HugoRound {
  hugoMs: number;
  hugoCpuMs: number;
  gongkaiPagesMs: number;
  gongkaiPagesCpuMs: number;
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
 * all threads), with the peak resident memory of its process tree in bytes.
 */
export async function runHugo(dir: string): Promise<{ wallMs: number; cpuMs: number; peakTreeRss: number }> {
  const out = path.join(dir, "hugo-out");
  rmSync(out, { recursive: true, force: true });
  const args = ["-f", "cpu %U %S", "hugo", "--source", path.join(dir, "hugo"), "--destination", out];
  const run = await runMeasured("/usr/bin/time", [...args, "--quiet"], dir);
  const times = /cpu ([\d.]+) ([\d.]+)/.exec(run.stderr);
  if (run.code !== 0 || !times) throw new Error(`hugo failed: ${run.stderr}`);
  rmSync(out, { recursive: true, force: true });
  const cpuMs = Math.round((Number(times[1]) + Number(times[2])) * 1000);
  return { wallMs: run.wallMs, cpuMs, peakTreeRss: run.peakTreeRss };
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
    const own = await runHugo(dir);
    process.stderr.write(`pages only… `);
    const outDir = path.join(dir, "_pages");
    rmSync(outDir, { recursive: true, force: true });
    const run = await child<{ timings: Record<string, number>; cpuTimings: Record<string, number> }>(
      "build-once.ts",
      [config, contentDir, outDir, now, "--pages-only"],
    );
    rmSync(outDir, { recursive: true, force: true });
    rounds.push({
      hugoMs: own.wallMs,
      hugoCpuMs: own.cpuMs,
      gongkaiPagesMs: sum(run.timings),
      gongkaiPagesCpuMs: sum(run.cpuTimings),
    });
  }
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
    `  pages only (load+validate + render): Gongkai ${sec(h.gongkaiPagesMs)} / Hugo ${sec(h.hugoMs)} = ${h.wallRatio.toFixed(2)}× wall (bar ≤ 1.5×)\n` +
    `  CPU: Gongkai ${sec(h.gongkaiPagesCpuMs)} / Hugo ${sec(h.hugoCpuMs)} = ${h.cpuRatio.toFixed(2)}×` +
    rounds.join("")
  );
}
