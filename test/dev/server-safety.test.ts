/**
 * The dev server cannot be killed, rebound or walked out of by a request (issue 12, defect 8):
 * malformed escapes get 400 and the server stays up; only loopback Host names are answered;
 * symbolic links and special files in the served folder are never served.
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { startDevServer, type DevServer } from "../../src/dev/server.ts";
import { CONTENT_SECURITY_POLICY } from "../../src/deploy/security-headers.ts";

const page = (text: string) => `<!doctype html><html lang="zh-CN"><body><p>${text}</p></body></html>`;
let server: DevServer;
let port: number;
let root: string;

before(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "gongkai-dev-safety-"));
  const outside = path.join(dir, "outside");
  root = path.join(dir, "_site");
  mkdirSync(path.join(outside, "folder"), { recursive: true });
  writeFileSync(path.join(outside, "secret.txt"), "SECRET-OUTSIDE");
  writeFileSync(path.join(outside, "folder/index.html"), page("SECRET-FOLDER"));
  writeFileSync(path.join(outside, "page.html"), page("SECRET-PAGE"));
  for (const folder of ["news/a", "news/b", "新闻"]) mkdirSync(path.join(root, folder), { recursive: true });
  writeFileSync(path.join(root, "index.html"), page("首页"));
  writeFileSync(path.join(root, "404.html"), page("页面不存在"));
  writeFileSync(path.join(root, "news/a/index.html"), page("新闻甲"));
  writeFileSync(path.join(root, "新闻/index.html"), page("新闻栏目"));
  symlinkSync(path.join(outside, "secret.txt"), path.join(root, "secret.txt"));
  symlinkSync("../../../outside/page.html", path.join(root, "news/b/index.html"));
  symlinkSync(path.join(outside, "folder"), path.join(root, "linked"));
  execFileSync("mkfifo", [path.join(root, "fifo.html")]);
  server = await startDevServer(root, { prefix: "/", port: 0 });
  port = Number(new URL(server.url).port);
});
after(() => server.close());

/** A GET with a chosen Host header (fetch does not let a caller set it). */
function get(
  target: string,
  host = `127.0.0.1:${port}`,
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: target, headers: { host } }, (res) => {
      let body = "";
      res.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on("error", reject).end();
  });
}

/** Sends raw bytes and returns the status line of the answer. */
function raw(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(text));
    let answer = "";
    socket.setEncoding("latin1").on("data", (chunk: string) => (answer += chunk));
    socket.on("close", () => resolve(answer.split("\r\n")[0])).on("error", reject);
  });
}

test("malformed percent-escapes get 400 and the server stays up", async () => {
  for (const target of ["/%", "/%E0%A4%A", "/%zz", "/news/%", "/%00", "/news/a/%C0"])
    assert.equal((await get(target)).status, 400, target);
  assert.equal((await get("/")).status, 200);
  assert.match((await get("/news/a/")).body, /新闻甲/);
});

test("unparsable request targets are answered and the server stays up", async () => {
  assert.match(
    await raw(`GET http://[::1 HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`),
    / 400 /,
  );
  assert.match(await raw("GET /\x01 HTTP/1.1\r\n\r\n"), / 400 /);
  assert.equal((await get("/")).status, 200);
});

test("only loopback Host names with the server's port are served (no DNS rebinding)", async () => {
  for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, `LOCALHOST:${port}`])
    assert.equal((await get("/", host)).status, 200, host);
  for (const host of [
    `evil.example:${port}`,
    `127.0.0.1.nip.io:${port}`,
    `localhost.evil.example:${port}`,
    `localhost:${port + 1}`,
    "localhost",
    `user@localhost:${port}`,
    `0.0.0.0:${port}`,
  ]) {
    const answer = await get("/", host);
    assert.equal(answer.status, 403, host);
    assert.doesNotMatch(answer.body, /首页/, host);
  }
  assert.match(await raw("GET / HTTP/1.0\r\n\r\n"), / 403 /, "no Host header at all");
  assert.equal((await get("/live-reload-events-are-refused-too", `evil.example:${port}`)).status, 403);
  assert.equal((await get("/__gongkai/events", `evil.example:${port}`)).status, 403);
});

test("symbolic links and special files in the served folder are not followed", async () => {
  for (const target of ["/secret.txt", "/news/b/", "/linked/", "/linked/index.html", "/fifo.html"]) {
    const answer = await get(target);
    assert.equal(answer.status, 404, target);
    assert.doesNotMatch(answer.body, /SECRET/, target);
    assert.match(answer.body, /页面不存在/, target);
  }
  for (const target of [
    "/../outside/secret.txt",
    "/..%2foutside%2fsecret.txt",
    "/%2e%2e/outside/secret.txt",
  ]) {
    const answer = await get(target);
    assert.notEqual(answer.status, 200, target);
    assert.doesNotMatch(answer.body, /SECRET/, target);
  }
});

test("a folder named in Chinese redirects with an ASCII Location to its slash", async () => {
  const answer = await get("/%E6%96%B0%E9%97%BB");
  assert.equal(answer.status, 301);
  assert.equal(answer.headers.location, "/%E6%96%B0%E9%97%BB/");
  assert.match((await get("/%E6%96%B0%E9%97%BB/")).body, /新闻栏目/);
});

test("pages carry the site's CSP and load live reload from an external script", async () => {
  const answer = await get("/news/a/");
  assert.equal(answer.headers["content-security-policy"], CONTENT_SECURITY_POLICY);
  assert.match(answer.body, /<script src="\/__gongkai\/live\.js"><\/script><\/body>/);
  assert.doesNotMatch(answer.body, /<script>/, "no inline script");
  const script = await get("/__gongkai/live.js");
  assert.equal(script.status, 200);
  assert.match(String(script.headers["content-type"]), /^text\/javascript/);
  assert.match(script.body, /EventSource/);
});
