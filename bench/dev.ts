/**
 * `npm run bench:dev [-- 10000] [--edits 20] [--out file.json]`
 *
 * Starts the dev server (src/cli/serve.ts) on a synthetic portal in a child process, then edits
 * the title of the newest news item `--edits` times. After each edit it measures how long until
 * the item's page, then the first page of 新闻中心, serve the new title, and reads the server's
 * RSS (from /proc) and its heap after a collection (the server runs with --expose-gc and collects
 * after each rebuild). Prints the figures and writes them to bench-results/dev-<timestamp>.json.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import { loadSiteConfig } from "../src/config/load.ts";
import { generateSyntheticPortal } from "./synthetic.ts";

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { edits: { type: "string", default: "20" }, out: { type: "string" }, dir: { type: "string" } },
});
const size = Number(positionals[0] ?? 10_000);
const edits = Number(values.edits);
const work = mkdtempSync(
  path.join(values.dir ?? (existsSync("/dev/shm") ? "/dev/shm" : os.tmpdir()), "gongkai-bench-dev-"),
);
const contentDir = path.join(work, "content");

const rssMb = (pid: number) => {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith("VmRSS:"));
  return Math.round(Number(line?.replace(/\D+/g, "") ?? 0) / 1024);
};

/** Polls `url` until its body contains `text`; returns when it did. */
async function visible(url: string, text: string, timeoutMs = 30_000): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    const body = await fetch(url)
      .then((r) => r.text())
      .catch(() => "");
    if (body.includes(text)) return performance.now();
    await sleep(10);
  }
  throw new Error(`${url} did not show “${text}” within ${timeoutMs} ms`);
}

const site = await loadSiteConfig(path.join(ROOT, "site.config.ts"));
process.stderr.write(`generating ${size} items… `);
generateSyntheticPortal(site, contentDir, { count: size });
process.stderr.write("starting the dev server… ");
const started = performance.now();
const server = spawn(
  process.execPath,
  [
    "--expose-gc",
    "--import",
    "tsx",
    path.join(ROOT, "src/cli/serve.ts"),
    "--content",
    contentDir,
    "--out",
    path.join(work, "_site"),
    "--port",
    "0",
    "--now",
    "2026-01-01 00:00",
  ],
  { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] },
);
let log = "";
server.stdout.setEncoding("utf8").on("data", (chunk: string) => (log += chunk));
const results: { edit: number; pageMs: number; listMs: number; rssMb: number; heapMb: number }[] = [];
try {
  let base = "";
  while (!log.includes("已生成 ") || !(base = /预览地址：(\S+)/.exec(log)?.[1] ?? "")) {
    if (server.exitCode !== null) throw new Error(`dev server exited:\n${log}`);
    await sleep(50);
  }
  const startupMs = Math.round(performance.now() - started);
  process.stderr.write(`up in ${(startupMs / 1000).toFixed(1)} s\n`);
  const newsList = await fetch(`${base}news/`).then((r) => r.text());
  const href = /<ul class="item-list"><li><a href="\/(news\/[^"]+)\/"/.exec(newsList)?.[1];
  if (!href) throw new Error("no news item on /news/");
  const file = path.join(contentDir, `${href}.md`);
  const original = readFileSync(file, "utf8");
  const rssStart = rssMb(server.pid!);
  for (let edit = 1; edit <= edits; edit++) {
    const marker = `基准修订第${edit}次`;
    const t0 = performance.now();
    writeFileSync(file, original.replace(/^title: (.*)$/m, `title: ${marker}$1`));
    const pageAt = await visible(`${base}${href}/`, marker);
    const listAt = await visible(`${base}news/`, marker);
    await sleep(300); // let the server finish its collection after the rebuild
    const status = (await fetch(`${base}__gongkai/status`).then((r) => r.json())) as { heapUsedMb: number };
    results.push({
      edit,
      pageMs: Math.round(pageAt - t0),
      listMs: Math.round(listAt - t0),
      rssMb: rssMb(server.pid!),
      heapMb: status.heapUsedMb,
    });
  }
  const sorted = (key: "pageMs" | "listMs") => results.map((r) => r[key]).sort((a, b) => a - b);
  const median = (xs: number[]) => xs[Math.floor(xs.length / 2)];
  const summary = {
    size,
    edits,
    startupMs,
    rssStartMb: rssStart,
    page: { medianMs: median(sorted("pageMs")), maxMs: Math.max(...sorted("pageMs")) },
    list: { medianMs: median(sorted("listMs")), maxMs: Math.max(...sorted("listMs")) },
    rss: {
      firstMb: results[0].rssMb,
      lastMb: results.at(-1)!.rssMb,
      maxMb: Math.max(...results.map((r) => r.rssMb)),
    },
    heap: {
      firstMb: results[0].heapMb,
      lastMb: results.at(-1)!.heapMb,
      maxMb: Math.max(...results.map((r) => r.heapMb)),
    },
  };
  console.log(
    `\nDev server, ${size.toLocaleString("en")} items: first build and start ${(startupMs / 1000).toFixed(1)} s, RSS ${rssStart} MB\n`,
  );
  console.log("edit  page visible  list visible  RSS after  heap after GC");
  for (const r of results)
    console.log(
      `${String(r.edit).padStart(4)}  ${`${r.pageMs} ms`.padStart(12)}  ${`${r.listMs} ms`.padStart(12)}  ${`${r.rssMb} MB`.padStart(9)}  ${`${r.heapMb} MB`.padStart(13)}`,
    );
  console.log(
    `\nitem page visible: median ${summary.page.medianMs} ms, max ${summary.page.maxMs} ms; 新闻中心 list: median ${summary.list.medianMs} ms, max ${summary.list.maxMs} ms`,
  );
  console.log(
    `RSS after edit 1: ${summary.rss.firstMb} MB, after edit ${edits}: ${summary.rss.lastMb} MB, max ${summary.rss.maxMb} MB`,
  );
  console.log(
    `heap after GC, edit 1: ${summary.heap.firstMb} MB, edit ${edits}: ${summary.heap.lastMb} MB, max ${summary.heap.maxMb} MB`,
  );
  mkdirSync(path.join(ROOT, "bench-results"), { recursive: true });
  const report =
    JSON.stringify({ date: new Date().toISOString(), loadavg: os.loadavg(), summary, results }, null, 2) +
    "\n";
  const files = [
    path.join(ROOT, "bench-results", `dev-${new Date().toISOString().replace(/[:.]/g, "-")}.json`),
    ...(values.out ? [path.resolve(values.out)] : []),
  ];
  for (const f of files) writeFileSync(f, report);
  console.log(
    `Results: ${files.map((f) => path.relative(process.cwd(), f)).join(", ")} (load average: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")})`,
  );
} finally {
  server.kill();
  rmSync(work, { recursive: true, force: true });
}
