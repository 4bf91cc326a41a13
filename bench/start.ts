/**
 * `npm start`'s time to its first page, for bench/run.ts: starts src/cli/serve.ts on a corpus in a
 * child process and polls its home page until it is served (200, with the page's own markup),
 * then waits for the search index the server builds in the background.
 */
import { spawn } from "node:child_process";
import { moduleBundle } from "../src/bundle/module-bundle.mjs";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");

export interface StartRun {
  /** From spawning `npm start`'s script to the first 200 for the home page. */
  firstPageMs: number;
  /**
   * CPU time (user + system, every thread) the server had used by then, from /proc (Linux; else
   * undefined): on a loaded machine the wall times grow, this does not.
   */
  firstPageCpuMs?: number;
  /** To the first build's publication (the server printed 已生成). */
  builtMs: number;
  /** To the search index being served. */
  searchMs: number;
}

/** CPU time of a process so far: utime + stime from /proc/PID/stat, in ms (clock ticks of 10 ms). */
function cpuMsOf(pid: number | undefined): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command (which may hold spaces), counted from 3 (state): utime is 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

export async function measureStart(
  cwd: string,
  contentDir: string,
  outDir: string,
  now: string,
  extra: string[] = [],
): Promise<StartRun> {
  // What `npm start` runs (src/cli/launch.mjs), its bundle made beforehand: an operator's every
  // start but the first after an update finds it made.
  await moduleBundle("cli-serve", "src/cli/serve.ts");
  const started = performance.now();
  const server = spawn(
    process.execPath,
    [
      path.join(ROOT, "src/cli/launch.mjs"),
      "serve",
      "--config",
      path.join(ROOT, "site.config.ts"),
      "--content",
      contentDir,
      "--out",
      outDir,
      "--port",
      "0",
      "--now",
      now,
      ...extra,
    ],
    { cwd, stdio: ["ignore", "pipe", "inherit"] },
  );
  let log = "";
  server.stdout.setEncoding("utf8").on("data", (chunk: string) => (log += chunk));
  const since = () => Math.round(performance.now() - started);
  const until = async (done: () => Promise<boolean> | boolean, what: string) => {
    const deadline = performance.now() + 600_000;
    while (!(await done())) {
      if (server.exitCode !== null) throw new Error(`npm start exited before ${what}:\n${log}`);
      if (performance.now() > deadline) throw new Error(`npm start: no ${what} within 10 minutes`);
      await sleep(20);
    }
    return since();
  };
  try {
    let base = "";
    await until(() => (base = /预览地址：(\S+)/.exec(log)?.[1] ?? "") !== "", "server address");
    const served = (url: string, marker: string) => async () => {
      const response = await fetch(url).catch(() => undefined);
      return response?.status === 200 && (await response.text()).includes(marker);
    };
    const firstPageMs = await until(served(base, 'class="site-header'), "first page");
    const firstPageCpuMs = cpuMsOf(server.pid);
    const builtMs = await until(() => log.includes("已生成 "), "first build");
    const searchMs = await until(served(`${base}pagefind/index.json`, '"shards"'), "search index");
    return { firstPageMs, firstPageCpuMs, builtMs, searchMs };
  } finally {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("close", resolve));
  }
}
