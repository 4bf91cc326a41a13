/**
 * Serves the output folder on loopback as a static host would (src/dev/static-files.ts: the path
 * prefix, `dir/` → `dir/index.html`, the 404 page, no symbolic links, 400 for a malformed URL)
 * with the site's own security headers, plus live reload: HTML gets one external script
 * (src/dev/live-client.ts) that listens on an event stream; `reload()` refreshes every open page
 * and `showProblems()` puts content errors in a banner on it until they are fixed.
 * `__gongkai/status` reports the server's memory (for bench/dev.ts).
 *
 * Robust by construction: only loopback `Host:` names are answered (a page on another site cannot
 * reach the server through a DNS name rebound to 127.0.0.1), and no request can end the process:
 * every handler error is caught and answered with 500.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { readFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { SECURITY_HEADERS } from "../deploy/security-headers.ts";
import { LIVE_SCRIPT, LIVE_STYLE, type LiveProblems } from "./live-client.ts";
import { mimeTypeOf, requestPath, resolveStatic, respondStatic } from "./static-files.ts";

const DEV = "__gongkai/";

export interface DevServer {
  /** http://127.0.0.1:PORT/prefix/ */
  url: string;
  /** Asks every open page to reload. */
  reload(): void;
  /** Shows these problems on every open page (and pages opened later); `undefined` removes them. */
  showProblems(problems: LiveProblems | undefined): void;
  close(): Promise<void>;
}

export interface DevServerOptions {
  prefix: string;
  port: number;
  host?: string;
  /**
   * A folder being built (the first build's staging folder): requests the output folder cannot
   * answer are answered from it, so pages are served as soon as they are written.
   */
  pending?: () => string | undefined;
  /**
   * Pages rendered on demand (the first build's while it renders: src/dev/first-pages.ts): the
   * render of the page at this output file (`news/index.html`), or undefined when there is none
   * (then the folders answer). Asked before the folders.
   */
  render?: (file: string) => Promise<(() => Promise<string>) | undefined>;
  /** Told about a request that failed inside the server (it was answered with 500). */
  onError?: (err: unknown) => void;
}

/** Host names a browser on this machine uses for the server; anything else is refused. */
const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** True when `host` (a Host header) names this machine, with the server's port. */
export function isLoopbackHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  let url: URL;
  try {
    url = new URL(`http://${host}`);
  } catch {
    return false;
  }
  if (url.username || url.password || url.pathname !== "/" || url.search || url.hash) return false;
  return LOOPBACK_NAMES.has(url.hostname) && url.port === (port === 80 ? "" : String(port));
}

/** The HTML with the live-reload script before `</body>` (or at the end). */
export function withLiveScript(html: string, prefix: string): string {
  const tag = `<script src="${encodeURI(prefix + DEV)}live.js"></script>`;
  const at = html.lastIndexOf("</body>");
  return at < 0 ? html + tag : html.slice(0, at) + tag + html.slice(at);
}

/** What the browser shows when the output has no page there and no 404 page yet (first build failed). */
const EMPTY_PAGE = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>网站预览</title><body><p>网站尚未生成。</p></body></html>`;

export async function startDevServer(root: string, options: DevServerOptions): Promise<DevServer> {
  const { prefix } = options;
  const clients = new Set<ServerResponse>();
  let problems: LiveProblems | undefined;
  let port = 0;
  const headers = { ...SECURITY_HEADERS, "cache-control": "no-store" };

  const broadcast = (message: string) => {
    for (const client of clients) if (!client.destroyed && !client.writableEnded) client.write(message);
  };
  const problemsMessage = () => `event: problems\ndata: ${JSON.stringify(problems ?? null)}\n\n`;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (!isLoopbackHost(req.headers.host, port)) {
      res.writeHead(403, { "content-type": "text/plain; charset=utf-8", ...headers });
      res.end("403：本预览服务器只接受通过 localhost、127.0.0.1 或 [::1] 及其端口访问。\n");
      return;
    }
    const rawPath = requestPath(req.url)?.raw;
    if (rawPath === `${prefix}${DEV}events`) {
      res.writeHead(200, { ...headers, "content-type": "text/event-stream", connection: "keep-alive" });
      res.write(": connected\n\n");
      if (problems) res.write(problemsMessage());
      clients.add(res);
      res.on("close", () => clients.delete(res));
      return;
    }
    if (rawPath === `${prefix}${DEV}live.js` || rawPath === `${prefix}${DEV}live.css`) {
      const script = rawPath.endsWith(".js");
      res.writeHead(200, { ...headers, "content-type": mimeTypeOf(rawPath) });
      res.end(script ? LIVE_SCRIPT : LIVE_STYLE);
      return;
    }
    if (rawPath === `${prefix}${DEV}status`) {
      // For bench/dev.ts: the server's own memory, in MB.
      const { rss, heapUsed } = process.memoryUsage();
      res.writeHead(200, { ...headers, "content-type": "application/json" });
      res.end(
        JSON.stringify({ rssMb: Math.round(rss / 2 ** 20), heapUsedMb: Math.round(heapUsed / 2 ** 20) }),
      );
      return;
    }
    const send = async (file: string, status = 200) => {
      const type = mimeTypeOf(file);
      let body: Buffer | string = await readFile(file);
      if (type.startsWith("text/html")) body = withLiveScript(body.toString("utf8"), prefix);
      res.writeHead(status, { ...headers, "content-type": type });
      res.end(body);
    };
    const missing = () => {
      res.writeHead(404, { ...headers, "content-type": "text/html; charset=utf-8" });
      res.end(withLiveScript(EMPTY_PAGE, prefix));
    };
    const target = requestPath(req.url);
    if (options.render && target?.decoded.startsWith(prefix)) {
      const rel = target.decoded.slice(prefix.length);
      const file = rel === "" || rel.endsWith("/") ? `${rel}index.html` : rel;
      const render = await options.render(file);
      if (render) {
        const type = mimeTypeOf(file);
        const body = await render();
        res.writeHead(200, { ...headers, "content-type": type });
        res.end(type.startsWith("text/html") ? withLiveScript(body, prefix) : body);
        return;
      }
      // A folder's page asked for without its slash: redirected as a static host does.
      if (rel !== "" && !rel.endsWith("/") && (await options.render(`${rel}/index.html`))) {
        res.writeHead(301, { location: `${target.raw}/` });
        res.end();
        return;
      }
    }
    const building = options.pending?.();
    const fromBuild =
      building !== undefined &&
      target !== undefined &&
      "missing" in (await resolveStatic(root, prefix, target.decoded, target.raw));
    await respondStatic(res, fromBuild ? building : root, prefix, req.url, send, missing);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      options.onError?.(err);
      if (res.headersSent) res.destroy();
      else
        res
          .writeHead(500, { "content-type": "text/plain; charset=utf-8" })
          .end("500：预览服务器内部错误。\n");
    });
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, resolve);
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}${prefix}`,
    reload: () => broadcast("data: reload\n\n"),
    showProblems: (next) => {
      problems = next;
      broadcast(problemsMessage());
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of clients) client.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
