/**
 * Serves the output folder on loopback as a static host would (`dir/` → `dir/index.html`, the
 * 404 page for anything missing, the site's path prefix), plus live reload: HTML gets a tiny
 * script that listens on an event stream, and `reload()` tells every open page to refresh.
 * `__gongkai/status` reports the server's memory (for bench/dev.ts).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { readFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { mimeTypeOf, respondStatic } from "./static-files.ts";

const EVENTS = "__gongkai/events";
const STATUS = "__gongkai/status";

export interface DevServer {
  /** http://127.0.0.1:PORT/prefix/ */
  url: string;
  /** Asks every open page to reload. */
  reload(): void;
  close(): Promise<void>;
}

export async function startDevServer(
  root: string,
  options: { prefix: string; port: number; host?: string },
): Promise<DevServer> {
  const { prefix } = options;
  const clients = new Set<ServerResponse>();
  const script = `<script>new EventSource(${JSON.stringify(prefix + EVENTS)}).onmessage = () => location.reload();</script>`;
  const answer = async (req: IncomingMessage, res: ServerResponse) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    if (pathname === prefix + EVENTS) {
      res.writeHead(200, {
        "content-type": "text/event-stream",
        "cache-control": "no-store",
        connection: "keep-alive",
      });
      res.write(": connected\n\n");
      clients.add(res);
      req.on("close", () => clients.delete(res));
      return;
    }
    if (pathname === prefix + STATUS) {
      // For bench/dev.ts: the server's own memory, in MB.
      const { rss, heapUsed } = process.memoryUsage();
      res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
      return res.end(
        JSON.stringify({ rssMb: Math.round(rss / 2 ** 20), heapUsedMb: Math.round(heapUsed / 2 ** 20) }),
      );
    }
    const send = async (file: string, status = 200) => {
      const type = mimeTypeOf(file);
      let body: Buffer | string = await readFile(file);
      if (type.startsWith("text/html")) body = body.toString("utf8").replace(/<\/body>/, `${script}</body>`);
      res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
      res.end(body);
    };
    await respondStatic(res, root, prefix, pathname, send);
  };
  const server = createServer((req, res) => {
    // An async handler's rejection would otherwise go unhandled and stop the process.
    answer(req, res).catch((err: unknown) => {
      if (!res.headersSent)
        res.writeHead(err instanceof URIError ? 400 : 500, { "content-type": "text/plain; charset=utf-8" });
      res.end(err instanceof URIError ? "请求网址无效" : "服务器内部错误");
    });
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}${prefix}`,
    reload: () => {
      for (const client of clients) client.write("data: reload\n\n");
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of clients) client.end();
        server.close(() => resolve());
      }),
  };
}
