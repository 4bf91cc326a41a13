/**
 * `npm start`: builds the portal once, serves it on loopback and, on every edit under content/,
 * rebuilds only what the edit affects (src/dev/dev-site.ts) and reloads open pages; the search
 * index follows once edits pause (src/dev/search-refresh.ts).
 * Options as for build (src/cli/options.ts), plus --port (default 8080).
 */
import { copyFile, mkdir, rm } from "node:fs/promises";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { DevSite } from "../dev/dev-site.ts";
import { SearchRefresher } from "../dev/search-refresh.ts";
import { startDevServer } from "../dev/server.ts";
import { watchTree } from "../dev/watch.ts";
import { readCliOptions } from "./options.ts";
import { printProblems, runCli } from "./report.ts";
import { ContentError, summarize } from "../problems/problems.ts";

/** content/media is copied as is (the build's passthrough copy); keep the served copy in step. */
async function syncMedia(contentDir: string, outDir: string, rel: string): Promise<void> {
  const from = path.join(contentDir, rel);
  const to = path.join(outDir, rel);
  if (existsSync(from)) {
    await mkdir(path.dirname(to), { recursive: true });
    await copyFile(from, to).catch(() => undefined); // a folder, or a file still being written
  } else await rm(to, { recursive: true, force: true });
}

/** The first full build; with content errors, waits for an edit and tries again. */
async function firstBuild(options: Awaited<ReturnType<typeof readCliOptions>>): Promise<DevSite> {
  for (;;) {
    try {
      return (await DevSite.start(options)).site;
    } catch (err) {
      if (!(err instanceof ContentError)) throw err;
      printProblems(err.problems);
      console.error(summarize(err.problems));
      console.error(
        existsSync(path.join(options.outDir, "index.html"))
          ? "网站仍显示上一次生成的版本；改正后会自动重新生成。"
          : "改正后会自动重新生成。",
      );
      await new Promise<void>((resolve) => {
        const stop = watchTree(options.contentDir, () => {
          stop();
          resolve();
          return Promise.resolve();
        });
      });
      console.log("正在重新生成网站……");
    }
  }
}

await runCli(async () => {
  const options = await readCliOptions();
  console.log("正在生成网站……");
  const started = performance.now();
  mkdirSync(options.outDir, { recursive: true });
  const server = await startDevServer(options.outDir, {
    prefix: options.site.pathPrefix,
    port: options.port,
  });
  console.log(`预览地址：${server.url}`);
  const dev = await firstBuild(options);
  printProblems(dev.state.warnings);
  console.log(
    `已生成 ${dev.state.details.length} 个详情页、${dev.state.lists.length} 个列表页，用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒。`,
  );
  console.log(
    "修改 content/ 中的文件后，相关页面会自动更新；站点配置修改后请重新运行 npm start。按 Ctrl+C 退出。",
  );
  server.reload();
  const search = new SearchRefresher({
    outDir: options.outDir,
    onDone: (outcome) =>
      outcome.ok
        ? console.log(`搜索索引已更新：${outcome.pages} 个页面，用时 ${(outcome.ms / 1000).toFixed(1)} 秒。`)
        : console.error(`搜索索引更新失败，搜索仍使用上一次的索引：${String(outcome.error)}`),
  });

  watchTree(options.contentDir, async (changed) => {
    for (const rel of changed)
      if (rel.startsWith("media/")) await syncMedia(options.contentDir, options.outDir, rel);
    if (![...changed].some((rel) => !rel.startsWith("media/"))) return server.reload();
    const report = await dev.rebuild();
    if (!report.ok) {
      printProblems(report.problems);
      console.error(summarize(report.problems));
      console.error("网站仍显示上一次的版本，改正后会自动更新。");
      return;
    }
    printProblems(report.warnings);
    console.log(
      `已更新：${report.changedRecords} 个内容文件有变化，重写 ${report.written.length} 页，删除 ${report.removed.length} 页，用时 ${report.ms} 毫秒。`,
    );
    server.reload();
    if (report.changedRecords > 0) search.schedule(dev.state);
    // Started with --expose-gc (bench/dev.ts): collect now, so the memory it reports is what a rebuild keeps.
    (globalThis as { gc?: () => void }).gc?.();
  });
});
