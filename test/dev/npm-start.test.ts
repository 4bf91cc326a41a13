/**
 * `npm start` itself (src/cli/serve.ts) on a copy of the sample portal: requests that used to end
 * the process are answered and it stays up, and a save is rebuilt, printed and served.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { ROOT } from "../helpers/sample-portal.ts";
import { commandArgs } from "../helpers/cli.ts";
import { sedInPlace, shows } from "./session.ts";

/** Sends a raw request line (fetch would encode it) and returns the status line. */
function statusOf(port: number, target: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () =>
      socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`),
    );
    let answer = "";
    socket.setEncoding("latin1").on("data", (chunk: string) => (answer += chunk));
    socket.on("close", () => resolve(answer.split("\r\n")[0])).on("error", reject);
  });
}

test("npm start answers malformed requests with 400, stays up, and rebuilds a save", async (t) => {
  const work = mkdtempSync(path.join(tmpdir(), "gongkai-npm-start-"));
  const contentDir = path.join(work, "content");
  cpSync(path.join(ROOT, "content"), contentDir, { recursive: true });
  const server = spawn(
    process.execPath,
    commandArgs("serve.ts", [
      "--content",
      contentDir,
      "--out",
      path.join(work, "_site"),
      "--port",
      "0",
      "--now",
      "2026-11-27 12:00",
    ]),
    { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
  );
  t.after(() => server.kill());
  let log = "";
  server.stdout.setEncoding("utf8").on("data", (chunk: string) => (log += chunk));
  server.stderr.setEncoding("utf8").on("data", (chunk: string) => (log += chunk));
  let base = "";
  for (const deadline = Date.now() + 120_000; !log.includes("已生成 ") || !base; await sleep(50)) {
    assert.equal(server.exitCode, null, `npm start exited:\n${log}`);
    assert.ok(Date.now() < deadline, `npm start did not start:\n${log}`);
    base = /预览地址：(\S+)/.exec(log)?.[1] ?? "";
  }
  const port = Number(new URL(base).port);

  for (const target of ["/%", "/%E0%A4%A", "/news/%", "/%00"])
    assert.match(await statusOf(port, target), / 400 /, target);
  assert.match(await statusOf(port, "/news"), / 301 /);
  await sleep(200);
  assert.equal(server.exitCode, null, `npm start exited:\n${log}`);
  assert.match(await statusOf(port, "/"), / 200 /);

  const newsList = await fetch(`${base}news/`).then((r) => r.text());
  const href = /<ul class="item-list"><li><a href="\/(news\/[^"]+)\/"/.exec(newsList)?.[1];
  assert.ok(href, "a news item on /news/");
  const file = path.join(contentDir, `${href}.md`);
  const title = /^title: (.*)$/m.exec(readFileSync(file, "utf8"))![1];
  sedInPlace(file, `^title: .*$`, `title: 修订后的标题${title.length}`);
  await shows(`${base}${href}/`, `修订后的标题${title.length}`);
  // The page is written before the line is printed. The line names the file the rebuild found
  // changed: the watcher may first have seen sed's temporary file.
  // Named from the folder npm start runs in (ROOT), not as the sample portal's content/ would be.
  const shown = path.relative(ROOT, file).split(path.sep).join("/").replace(/[.]/g, "\\.");
  const updated = new RegExp(`^已更新：1 个内容文件有变化（${shown}）`, "m");
  for (const deadline = Date.now() + 10_000; !updated.test(log) && Date.now() < deadline;) await sleep(20);
  assert.match(log, updated);
});
