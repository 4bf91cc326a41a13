/**
 * `npm start`'s whole loop, runnable in a test: serve the output folder, watch content/, build
 * once, then on every save rebuild what it affects (src/dev/dev-site.ts), reload open pages and
 * refresh the search index once edits pause (src/dev/search-refresh.ts).
 *
 * The first build does not wait for the watcher; once both are done, saves made in between are
 * found (src/dev/catch-up.ts), so a save made while the server starts is rebuilt right after the
 * first build. Content errors are printed and shown in the open pages (a banner from the live-reload channel) until a save fixes them; until the first build
 * succeeds, every save retries it.
 */
import { copyFile, lstat, mkdir, rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { ContentError, formatProblem, oneLine, summarize, type Problem } from "../problems/problems.ts";
import { placeFile, placeProblems, shownPath } from "../problems/placed.ts";
import { DevSite, type DevSiteOptions } from "./dev-site.ts";
import { SearchRefresher } from "./search-refresh.ts";
import { FirstPages } from "./first-pages.ts";
import { startDevServer, type DevServer } from "./server.ts";
import { watchTree, type TreeWatcher } from "./watch.ts";
import { missedChanges } from "./catch-up.ts";
import { stagingFolderOf } from "../build/publish.ts";

export interface DevSessionOptions extends DevSiteOptions {
  port: number;
  /** Quiet time before a rebuild (src/dev/watch.ts). */
  quietMs?: number;
  /** Quiet time before the search index follows (src/dev/search-refresh.ts). */
  searchDelayMs?: number;
}

/** Where the session reports: lines for the editor's terminal. */
export interface DevLog {
  info(line: string): void;
  error(line: string): void;
}

export interface DevSession {
  server: DevServer;
  watcher: TreeWatcher;
  /** Resolves after the first build, whether it succeeded. */
  started: Promise<void>;
  /** The site once a first build succeeded. */
  site(): DevSite | undefined;
  close(): Promise<void>;
}

const consoleLog: DevLog = { info: (line) => console.log(line), error: (line) => console.error(line) };

/**
 * content/media is copied as is (the build's passthrough copy); keep the served copy in step. The
 * published file is removed first, never written into: with the build cache it is a hard link of
 * a blob, which the cache's spare folder and every other output file of the same bytes share
 * (copying onto it gave an unedited identical attachment the edited one's bytes).
 */
async function syncMedia(contentDir: string, outDir: string, rel: string): Promise<void> {
  const from = path.join(contentDir, rel);
  const to = path.join(outDir, rel);
  const stats = await lstat(from).catch(() => undefined);
  if (!stats) return rm(to, { recursive: true, force: true });
  if (!stats.isFile()) return; // a folder (its files come one by one), or a link, which is never published
  await mkdir(path.dirname(to), { recursive: true });
  await rm(to, { force: true });
  await copyFile(from, to).catch(() => undefined); // a file still being written: its next event copies it
}

/** The few changed paths, for the line printed when a rebuild starts. */
const someOf = (paths: Iterable<string>) => {
  const all = [...paths].sort();
  // A file name may hold a line break: the log line stays one line (oneLine, as problems are).
  return oneLine(all.slice(0, 3).join("、") + (all.length > 3 ? ` 等 ${all.length} 个文件` : ""));
};

export async function startDevSession(
  options: DevSessionOptions,
  log: DevLog = consoleLog,
): Promise<DevSession> {
  const { contentDir, outDir } = options;
  await mkdir(outDir, { recursive: true });
  // Requests wait for the first build's records, then get its pages rendered on demand.
  const firstPages = new FirstPages();
  firstPages.begin();
  const server = await startDevServer(outDir, {
    prefix: options.site.pathPrefix,
    port: options.port,
    // Until the first build is published, pages are served from its staging folder as they are written.
    pending: () => (dev ? undefined : stagingFolderOf(outDir)),
    render: async (file) => {
      const page = await firstPages.find(file);
      return page && (() => page.render());
    },
    onError: (err) => log.error(`预览服务器处理请求时出错（已返回 500，服务器继续运行）：${String(err)}`),
  });
  log.info(`预览地址：${server.url}`);
  let dev: DevSite | undefined;
  const search = new SearchRefresher({
    outDir,
    delayMs: options.searchDelayMs,
    onDone: (outcome) =>
      outcome.ok
        ? log.info(`搜索索引已更新：${outcome.pages} 个页面，用时 ${(outcome.ms / 1000).toFixed(1)} 秒。`)
        : log.error(`搜索索引更新失败，搜索仍使用上一次的索引：${String(outcome.error)}`),
  });

  // Problems name files as seen from the working directory, wherever --content puts the content folder.
  const shown = (problems: readonly Problem[]) => placeProblems(problems, contentDir).map(formatProblem);
  const report = (found: Problem[], note: string) => {
    const problems = placeProblems(found, contentDir);
    for (const p of problems) log.error(formatProblem(p));
    log.error(summarize(problems));
    log.error(note);
    const errors = problems.filter((p) => p.severity === "error");
    server.showProblems({
      title: `网站未更新：${summarize(problems)}`,
      lines: errors.map(formatProblem),
      note,
    });
  };

  const firstBuild = async () => {
    const started = performance.now();
    firstPages.begin();
    try {
      dev = (
        await DevSite.start(options, (state) => {
          firstPages.loaded(state);
          recordsLoaded();
        })
      ).site;
    } catch (err) {
      if (!(err instanceof ContentError)) throw err;
      const previous = existsSync(path.join(outDir, "index.html"));
      report(
        err.problems,
        previous ? "网站仍显示上一次生成的版本；改正后会自动重新生成。" : "改正后会自动重新生成。",
      );
      return;
    } finally {
      firstPages.end();
      recordsLoaded();
    }
    for (const line of shown(dev.state.warnings)) log.error(line);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    log.info(
      `已生成 ${dev.state.details.length} 个详情页、${dev.state.lists.length} 个列表页，用时 ${seconds} 秒。`,
    );
    log.info(
      `修改 ${shownPath(contentDir)}/ 中的文件后，相关页面会自动更新；站点配置修改后请重新运行 npm start。按 Ctrl+C 退出。`,
    );
    server.showProblems(undefined);
    server.reload();
    // The first build leaves the search index to this refresh, so the pages come first.
    search.schedule(dev.state, 0);
  };

  const onSave = async (changed: Set<string>) => {
    log.info(`检测到修改：${someOf([...changed].map((rel) => shownPath(path.join(contentDir, rel))))}`);
    for (const rel of changed) if (rel.startsWith("media/")) await syncMedia(contentDir, outDir, rel);
    if (!dev) {
      log.info("正在重新生成网站……");
      return firstBuild();
    }
    if (![...changed].some((rel) => !rel.startsWith("media/"))) return server.reload();
    const result = await dev.rebuild();
    if (!result.ok) return report(result.problems, "网站仍显示上一次的版本，改正后会自动更新。");
    for (const line of shown(result.warnings)) log.error(line);
    const files = result.changedFiles.map((file) => placeFile(file, contentDir));
    log.info(
      `已更新：${files.length} 个内容文件有变化${files.length ? `（${someOf(files)}）` : ""}，重写 ${result.written.length} 页，删除 ${result.removed.length} 页，用时 ${result.ms} 毫秒。`,
    );
    server.showProblems(undefined);
    server.reload();
    if (result.changedFiles.length > 0) search.schedule(dev.state);
    // Started with --expose-gc (bench/dev.ts): collect now, so the memory it reports is what a rebuild keeps.
    (globalThis as { gc?: () => void }).gc?.();
  };

  let started: Promise<void> = Promise.resolve();
  // The watcher starts once the first build's records are loaded (or the build ended): its first
  // scan would otherwise share the thread with the loading, before the first page can be served.
  let recordsLoaded = () => {};
  const loaded = new Promise<void>((resolve) => (recordsLoaded = resolve));
  const watcher = watchTree(
    contentDir,
    async (changed) => {
      await started;
      await onSave(changed);
    },
    {
      quietMs: options.quietMs,
      startAfter: loaded,
      onError: (err) => {
        const code = (err as NodeJS.ErrnoException | undefined)?.code;
        if (code === "ENOSPC" || code === "EMFILE")
          log.error(
            `无法继续监视 ${shownPath(contentDir)}/ 中的文件（${code}：系统的文件监视数已用尽），之后的保存可能不会自动更新。` +
              "请在 Linux 上调高 fs.inotify.max_user_watches，或关闭其他监视文件的程序后重新运行 npm start。",
          );
        else log.error(`更新网站时出错：${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      },
    },
  );
  // The first build does not wait for the watcher, which takes seconds to watch 50k files; what
  // was saved before the watcher was ready is found once both are done (src/dev/catch-up.ts).
  const began = Date.now();
  started = firstBuild();
  void Promise.all([watcher.ready, started])
    .then(() => {
      const missed = missedChanges(contentDir, dev?.readStamps(), began);
      if (missed.size) watcher.notify(missed);
    })
    .catch(() => undefined); // a failed first build is reported by `started`
  return {
    server,
    watcher,
    started,
    site: () => dev,
    close: async () => {
      await watcher.close();
      await search.close();
      await server.close();
    },
  };
}
