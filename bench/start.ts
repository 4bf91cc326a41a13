/**
 * `npm start`'s time to its first page, for bench/run.ts: starts src/cli/serve.ts on a corpus in a
 * child process and polls its home page until it is served (200, with the page's own markup),
 * then waits for the search index the server builds in the background.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");

export interface StartRun {
  /** From spawning `npm start`'s script to the first 200 for the home page. */
  firstPageMs: number;
  /** To the first build's publication (the server printed 已生成). */
  builtMs: number;
  /** To the search index being served. */
  searchMs: number;
}

export async function measureStart(
  cwd: string,
  contentDir: string,
  outDir: string,
  now: string,
  extra: string[] = [],
): Promise<StartRun> {
  const started = performance.now();
  const server = spawn(
    process.execPath,
    [
      "--import",
      // Resolved here: the server runs in the corpus folder, which may be outside the checkout.
      import.meta.resolve("tsx"),
      path.join(ROOT, "src/cli/serve.ts"),
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
    const builtMs = await until(() => log.includes("已生成 "), "first build");
    const searchMs = await until(served(`${base}pagefind/index.json`, '"shards"'), "search index");
    return { firstPageMs, builtMs, searchMs };
  } finally {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("close", resolve));
  }
}
