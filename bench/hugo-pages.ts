/**
 * `npm run bench -- --hugo`: the single-site corpus converted to a Hugo site (bench/hugo-convert.ts,
 * as the platform benchmark does) and Hugo's build timed against Gongkai's pages-only build
 * (load+validate + render + render streamed, bench/build-once.ts --pages-only) in interleaved
 * rounds: issue 19's bar, pages-only within 1.5× of Hugo 0.111 (Debian's `hugo`).
 */
import { execFileSync, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { convertToHugo } from "./hugo-convert.ts";

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

/** One Hugo build of `<dir>/hugo` into `<dir>/hugo-out`, through time(1) for its CPU (all threads). */
export async function runHugo(dir: string): Promise<{ wallMs: number; cpuMs: number }> {
  const out = path.join(dir, "hugo-out");
  rmSync(out, { recursive: true, force: true });
  const started = performance.now();
  const args = ["-f", "cpu %U %S", "hugo", "--source", path.join(dir, "hugo"), "--destination", out];
  const proc = spawn("/usr/bin/time", [...args, "--quiet"], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  proc.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve) => proc.on("close", resolve));
  const wallMs = Math.round(performance.now() - started);
  const times = /cpu ([\d.]+) ([\d.]+)/.exec(stderr);
  if (code !== 0 || !times) throw new Error(`hugo failed: ${stderr}`);
  rmSync(out, { recursive: true, force: true });
  return { wallMs, cpuMs: Math.round((Number(times[1]) + Number(times[2])) * 1000) };
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
