/**
 * A static file server for built sites, on loopback, as a static host would serve them:
 * `dir/index.html` for `dir/`, the 404 page for anything missing, an optional path prefix.
 */
import { createServer, type Server } from "node:http";
import { readFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { mimeTypeOf, respondStatic } from "../../src/dev/static-files.ts";

export interface StaticServer {
  /** Origin plus prefix, ending in "/": http://127.0.0.1:PORT/portal/ */
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** The request's path as `_headers` rules match it (decoded; as sent when it cannot be decoded). */
function requestPath(url: string | undefined): string {
  const { pathname } = new URL(url ?? "/", "http://x");
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

export async function serveStatic(
  root: string,
  options: {
    prefix?: string;
    /** Sent with every file; a function gets the request path (to apply a built `_headers` file). */
    headers?: Record<string, string> | ((pathname: string) => Record<string, string>);
  } = {},
): Promise<StaticServer> {
  const prefix = options.prefix ?? "/";
  const server = createServer((req, res) => {
    const send = async (file: string, status = 200) => {
      const body = await readFile(file); // before writeHead, so a missing file can still fall back to 404
      const headers =
        typeof options.headers === "function" ? options.headers(requestPath(req.url)) : options.headers;
      res.writeHead(status, { "content-type": mimeTypeOf(file), ...headers });
      res.end(body);
    };
    respondStatic(res, root, prefix, req.url, send).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
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
