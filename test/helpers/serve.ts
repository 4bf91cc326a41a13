/**
 * A static file server for built sites, on loopback, as a static host would serve them:
 * `dir/index.html` for `dir/`, the 404 page for anything missing, an optional path prefix.
 */
import { createServer, type Server } from "node:http";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { AddressInfo } from "node:net";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
  ".json": "application/json", ".xml": "application/xml; charset=utf-8", ".svg": "image/svg+xml", ".png": "image/png",
  ".jpg": "image/jpeg", ".webm": "video/webm", ".mp4": "video/mp4", ".vtt": "text/vtt; charset=utf-8", ".pdf": "application/pdf",
  ".wasm": "application/wasm", ".txt": "text/plain; charset=utf-8", ".csv": "text/csv; charset=utf-8",
};

export interface StaticServer {
  /** Origin plus prefix, ending in "/": http://127.0.0.1:PORT/portal/ */
  url: string;
  server: Server;
  close(): Promise<void>;
}

export async function serveStatic(root: string, options: { prefix?: string; headers?: Record<string, string> } = {}): Promise<StaticServer> {
  const prefix = options.prefix ?? "/";
  const server = createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const send = async (file: string, status = 200) => {
      const body = await readFile(file); // before writeHead, so a missing file can still fall back to 404
      res.writeHead(status, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream", ...options.headers });
      res.end(body);
    };
    try {
      if (!pathname.startsWith(prefix)) throw new Error("outside prefix");
      let file = path.join(root, pathname.slice(prefix.length));
      if (!file.startsWith(root)) throw new Error("outside root");
      if ((await stat(file)).isDirectory()) {
        if (!pathname.endsWith("/")) {
          res.writeHead(301, { location: `${pathname}/` });
          return res.end();
        }
        file = path.join(file, "index.html");
      }
      await send(file);
    } catch {
      try {
        await send(path.join(root, "404.html"), 404);
      } catch {
        res.writeHead(404).end();
      }
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    server,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
