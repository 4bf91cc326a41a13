/**
 * The platform bench's comparison with Hugo (bench/platform.ts): the platform's corpus converted
 * (bench/hugo-convert.ts), then Hugo's build and Gongkai's pages-only build (every site's pages, no
 * after-render steps) taking turns `repeat` times, the fastest of each kept: the machine's load
 * changes over a run, and a ratio of runs made minutes apart measures the load.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { convertToHugo } from "./hugo-convert.ts";
import { hugoVersion, runHugo } from "./hugo-pages.ts";
import type { PlatformCorpus } from "./platform-corpus.ts";
import type { MeasuredRun } from "./process-tree.ts";

export interface HugoComparison {
  version: string;
  convertMs: number;
  pages: number;
  wallMs: number;
  peakTreeRss: number;
  gongkaiPagesMs: number;
  gongkaiPagesWallMs: number;
  cpuMs: number;
  gongkaiCpuMs: number;
  rounds: { hugoMs: number; hugoCpuMs: number; gongkaiPagesMs: number; gongkaiCpuMs: number }[];
}

interface Round {
  hugoMs: number;
  hugoCpuMs: number;
  gongkaiPagesMs: number;
  gongkaiWallMs: number;
  gongkaiCpuMs: number;
  rss: number;
}

const gb = (bytes: number) => `${(bytes / 2 ** 30).toFixed(2)} GB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const log = (line: string) => process.stderr.write(`${line}\n`);

/** Undefined when Hugo is not installed. `node` runs a script of the project as a measured process in `work`. */
export async function compareWithHugo(
  corpus: PlatformCorpus,
  work: string,
  repeat: number,
  node: (script: string, args: string[]) => Promise<MeasuredRun>,
  now: string,
): Promise<HugoComparison | undefined> {
  const version = hugoVersion();
  if (!version) return undefined;
  const started = performance.now();
  const sites = corpus.sites.map((site) => ({
    key: site.key,
    contentDir: path.join(work, "sites", site.key, "content"),
  }));
  const pages = convertToHugo(sites, path.join(work, "hugo"));
  const convertMs = Math.round(performance.now() - started);
  const rounds: Round[] = [];
  for (let round = 0; round < repeat; round++) {
    const run = await runHugo(work);
    rmSync(path.join(work, "pages"), { recursive: true, force: true });
    const own = await node("bench/platform-once.ts", [corpus.config, "pages", now, "--pages-only"]);
    if (own.code !== 0) throw new Error(own.stderr);
    const result = JSON.parse(own.stdout.trim().split("\n").pop()!) as {
      wallMs: number;
      pagesMs: number;
      cpuMs: number;
    };
    rounds.push({
      hugoMs: run.wallMs,
      hugoCpuMs: run.cpuMs,
      gongkaiCpuMs: result.cpuMs,
      gongkaiPagesMs: result.pagesMs,
      gongkaiWallMs: result.wallMs,
      rss: run.peakTreeRss,
    });
    log(
      `round ${round + 1}: Hugo ${s(run.wallMs)} (CPU ${s(run.cpuMs)}), Gongkai pages only ${s(result.pagesMs)} (CPU ${s(result.cpuMs)})`,
    );
  }
  rmSync(path.join(work, "pages"), { recursive: true, force: true });
  const best = (pick: (r: Round) => number) => Math.min(...rounds.map(pick));
  const hugo: HugoComparison = {
    version,
    convertMs,
    pages,
    wallMs: best((r) => r.hugoMs),
    peakTreeRss: Math.max(...rounds.map((r) => r.rss)),
    gongkaiPagesMs: best((r) => r.gongkaiPagesMs),
    gongkaiPagesWallMs: best((r) => r.gongkaiWallMs),
    cpuMs: best((r) => r.hugoCpuMs),
    gongkaiCpuMs: best((r) => r.gongkaiCpuMs),
    rounds: rounds.map(({ hugoMs, hugoCpuMs, gongkaiPagesMs, gongkaiCpuMs }) => ({
      hugoMs,
      hugoCpuMs,
      gongkaiPagesMs,
      gongkaiCpuMs,
    })),
  };
  const [name, release] = version.split(" ");
  log(
    `hugo (${name} ${release}): ${pages} pages converted in ${s(convertMs)}, built in ${s(hugo.wallMs)} (fastest of ${repeat}), peak ${gb(hugo.peakTreeRss)}`,
  );
  log(
    `pages only: Gongkai ${s(hugo.gongkaiPagesMs)} / Hugo ${s(hugo.wallMs)} = ${(hugo.gongkaiPagesMs / hugo.wallMs).toFixed(2)}× (bar ≤ 1.5×; fastest of ${repeat} interleaved rounds each)`,
  );
  log(
    `CPU time (all threads; on a loaded machine a program with more threads gets more of the cores): Gongkai ${s(hugo.gongkaiCpuMs)} / Hugo ${s(hugo.cpuMs)} = ${(hugo.gongkaiCpuMs / hugo.cpuMs).toFixed(2)}×`,
  );
  return hugo;
}
