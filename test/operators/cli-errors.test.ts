/**
 * Chinese at every edge: `--help` on every command, the usage for a mistyped option, values from
 * the command line blamed on the option, a busy port with the `--port` hint, and system errors
 * (file too large, no permission, disk full, read-only) as one line naming the path and cause.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { news } from "../helpers/fixture.ts";
import { commandArgs, projectWith, runCommand } from "../helpers/cli.ts";
import { describeSystemError } from "../../src/cli/system-error.ts";

const FILES = { "news/2026/a.md": news("春耕备耕工作会议召开", "2026-06-29 09:00") };
const STACK = /^\s+at /m;

test("--help on every command prints its usage and exits 0", () => {
  const site = projectWith(FILES);
  for (const [script, usage] of [
    ["build.ts", "用法：npm run build -- [选项]"],
    ["check.ts", "用法：npm run check -- [选项]"],
    ["serve.ts", "用法：npm start -- [选项]"],
    ["new.ts", "用法：npm run new -- <类型> <标题>"],
    ["schemas.ts", "用法：npm run schemas -- [选项]"],
    ["inspect.ts", "用法：npm run inspect -- [选项]"],
  ]) {
    const run = runCommand(script, ["--help"], site.root);
    assert.equal(run.code, 0, `${script}: ${run.stderr}`);
    assert.ok(run.stdout.startsWith(usage), `${script}: ${run.stdout}`);
    assert.match(run.stdout, /-h, --help/);
  }
  assert.ok(!existsSync(site.outDir), "--help built nothing");
});

test("a mistyped option prints one Chinese line, a suggestion and the usage (exit 2)", () => {
  const site = projectWith(FILES);
  const typo = runCommand("build.ts", ["--pathprefix", "/portal/"], site.root);
  assert.equal(typo.code, 2);
  const [first, , usage] = typo.stderr.split("\n");
  assert.equal(first, "未知选项 --pathprefix；是否想用 --path-prefix？");
  assert.equal(usage, "用法：npm run build -- [选项]");
  assert.doesNotMatch(typo.stderr, /ERR_PARSE_ARGS|TypeError/);
  const missing = runCommand("check.ts", ["--config"], site.root);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /^选项 --config 缺少值：应写成 --config <值>。/);
  const stray = runCommand("build.ts", ["_site"], site.root);
  assert.match(stray.stderr, /^多余的参数“_site”：本命令只接受以 -- 开头的选项。/);
  const port = runCommand("serve.ts", ["--port", "http"], site.root);
  assert.equal(port.code, 2);
  assert.match(port.stderr, /^选项 --port 的值“http”不是有效的端口号/);
});

test("a bad --base-url or --path-prefix is blamed on the option (or its variable), not on site.config.ts", () => {
  const site = projectWith(FILES);
  const url = runCommand("build.ts", ["--base-url", "ftp://example.org"], site.root);
  assert.equal(url.code, 1);
  assert.match(
    url.stderr,
    /^命令行选项 --base-url 错误：“ftp:\/\/example\.org”：应为以 http:\/\/ 或 https:\/\/ 开头的网址/,
  );
  assert.doesNotMatch(url.stderr, /site\.config\.ts/);
  const prefix = runCommand("check.ts", ["--path-prefix", "/门户/"], site.root);
  assert.match(prefix.stderr, /^命令行选项 --path-prefix 错误：“\/门户\/”：路径前缀只能包含/);
  const env = runCommand("build.ts", [], site.root, { GONGKAI_BASE_URL: "www.example.org" });
  assert.match(env.stderr, /^环境变量 GONGKAI_BASE_URL 错误：“www\.example\.org”：/);
  assert.ok(!existsSync(site.outDir));
});

test("a busy port is named, with the --port hint, and npm start exits", async () => {
  const site = projectWith(FILES);
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
  const { port } = blocker.address() as AddressInfo;
  try {
    // spawnSync would block the event loop that keeps the port busy; the blocker still holds it.
    const run = runCommand("serve.ts", ["--port", String(port)], site.root, {}, { timeout: 60_000 });
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, new RegExp(`端口 ${port} 已被其他程序占用：.*npm start -- --port ${port + 1}`));
    assert.doesNotMatch(run.stderr, /EADDRINUSE|Error:/);
  } finally {
    blocker.close();
  }
});

test("a file too large for the system's limit: one Chinese line, no stack, nothing left behind", () => {
  const site = projectWith(FILES);
  // ulimit -f: writing past 16 KiB fails with EFBIG (node ignores SIGXFSZ); the search bundle is larger.
  // The launcher's bundle of the build was made by the tests above (a bundle it could not write
  // here would only mean the build runs through tsx).
  const node = [process.execPath, ...commandArgs("build.ts", [])].map((arg) => `"${arg}"`).join(" ");
  const run = spawnSync("bash", ["-c", `ulimit -f 16; exec ${node}`], {
    cwd: site.root,
    encoding: "utf8",
    env: { ...process.env, GONGKAI_NOW: "2026-06-30 12:00" },
  });
  assert.equal(run.status, 1, run.stderr);
  assert.match(run.stderr, /文件超过了系统允许的大小（EFBIG）。/);
  assert.doesNotMatch(run.stderr, STACK);
  assert.doesNotMatch(run.stderr, /\[11ty\]|Error:/);
  assert.deepEqual(
    readdirSync(site.root).filter((n) => n.startsWith("_site")),
    [],
    "no output and no staging folder",
  );
});

test("disk full, read-only, no permission, missing: the path and the cause, also when a library wraps the error", () => {
  const sys = (code: string, syscall: string, file?: string) =>
    Object.assign(new Error(`${code}: ${syscall}`), { code, syscall, path: file });
  // Eleventy wraps the system error twice (originalError), other code uses `cause`.
  const wrapped = Object.assign(new Error("Having trouble copying"), {
    originalError: Object.assign(new Error("copy failed"), { originalError: sys("ENOSPC", "write") }),
  });
  assert.equal(describeSystemError(wrapped, "生成网站时"), "生成网站时写入失败：磁盘空间已满（ENOSPC）。");
  assert.equal(
    describeSystemError(new Error("x", { cause: sys("EROFS", "mkdir", "/srv/_site.staging-1") })),
    "创建目录 /srv/_site.staging-1 失败：所在磁盘是只读的（EROFS）。",
  );
  assert.equal(
    describeSystemError(sys("EACCES", "open", "_site/index.html")),
    "打开 _site/index.html 失败：没有权限（EACCES）。",
  );
  assert.equal(
    describeSystemError(sys("ENOENT", "scandir", "content")),
    "读取目录 content 失败：文件或目录不存在（ENOENT）。",
  );
  assert.equal(describeSystemError(new TypeError("a bug")), undefined, "a bug keeps its stack");
});
