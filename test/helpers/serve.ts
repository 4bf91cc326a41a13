/**
 * A static file server for built sites, on loopback, as a static host would serve them:
 * `dir/index.html` for `dir/`, the 404 page for anything missing, an optional path prefix.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { readFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { mimeTypeOf, respondStatic } from "../../src/dev/static-files.ts";

export interface StaticServer {
  /** Origin plus prefix, ending in "/": http://127.0.0.1:PORT/portal/ */
  url: string;
  server: Server;
  close(): Promise<void>;
}

export async function serveStatic(
  root: string,
  options: { prefix?: string; headers?: Record<string, string> } = {},
): Promise<StaticServer> {
  const prefix = options.prefix ?? "/";
  const answer = async (req: IncomingMessage, res: ServerResponse) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const send = async (file: string, status = 200) => {
      const body = await readFile(file); // before writeHead, so a missing file can still fall back to 404
      res.writeHead(status, { "content-type": mimeTypeOf(file), ...options.headers });
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
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    server,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
