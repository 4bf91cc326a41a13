/**
 * `npm run cms`'s server, on loopback only: the editor page under /admin/ (Decap CMS with the
 * generated config), its local backend at /api/v1 (src/cms/local-api.ts), and everything else
 * passed through to the dev server of `npm start` (drafts included) — the preview beside the form
 * is the real site, served from the same origin so the site's `frame-ancestors 'self'` admits it.
 * `/__cms/preview?type=news&slug=2025/x` sends the preview to the page of that content file.
 */
import { createServer, request, type IncomingMessage, type ServerResponse } from "node:http";
import { readFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { isLoopbackHost } from "../dev/server.ts";
import {
  ADMIN_STYLE,
  BOOT_SCRIPT,
  DECAP_DIST,
  adminHtml,
  adminScript,
  adminSecurityPolicy,
  decapFiles,
} from "./admin-page.ts";
import type { Handler } from "./local-api.ts";

export const PREVIEW_PATH = "/__cms/preview";

export interface CmsServerOptions {
  port: number;
  siteName: string;
  /** The generated config as YAML (admin/config.yml). */
  configYaml: (origin: string) => string;
  /** Collection names (content types). */
  types: readonly string[];
  /** The local backend (POST /api/v1). */
  api: Handler;
  /** The dev server to pass the rest to: http://127.0.0.1:PORT/prefix/. */
  devUrl: () => string | undefined;
  /** The site URL (path prefix included) of a content file, by type and slug; undefined when unknown. */
  pageOf: (type: string, slug: string) => string | undefined;
}

export interface CmsServer {
  url: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".yml": "text/yaml; charset=utf-8",
};

export async function startCmsServer(o: CmsServerOptions): Promise<CmsServer> {
  const bundle = decapFiles();
  let port = 0;
  const origin = () => `http://127.0.0.1:${port}`;
  const adminHeaders = {
    "Content-Security-Policy": adminSecurityPolicy(),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
  };
  const send = (res: ServerResponse, status: number, type: string, body: string | Buffer) => {
    res.writeHead(status, { "content-type": TYPES[type] ?? "text/plain; charset=utf-8", ...adminHeaders });
    res.end(body);
  };

  const admin = async (name: string, res: ServerResponse) => {
    if (name === "" || name === "index.html") return send(res, 200, ".html", adminHtml(o.siteName));
    if (name === "config.yml") return send(res, 200, ".yml", o.configYaml(origin()));
    if (name === "cms-boot.js") return send(res, 200, ".js", BOOT_SCRIPT);
    if (name === "cms.js") return send(res, 200, ".js", adminScript(o.types, PREVIEW_PATH));
    if (name === "cms.css") return send(res, 200, ".css", ADMIN_STYLE);
    if (bundle.has(name)) return send(res, 200, ".js", await readFile(path.join(DECAP_DIST, name)));
    return send(res, 404, "", "Not found");
  };

  const proxy = (req: IncomingMessage, res: ServerResponse, target: URL) => {
    const upstream = request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => {
      if (!res.headersSent) send(res, 502, "", "预览服务器尚未就绪");
      else res.destroy();
    });
    req.pipe(upstream);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (!isLoopbackHost(req.headers.host, port)) return send(res, 403, "", "Forbidden");
    const url = new URL(req.url ?? "/", origin());
    if (url.pathname === "/api/v1") return o.api(req, res);
    if (url.pathname === "/admin") {
      res.writeHead(301, { location: "/admin/" });
      return res.end();
    }
    if (url.pathname.startsWith("/admin/") && (req.method === "GET" || req.method === "HEAD"))
      return admin(url.pathname.slice("/admin/".length), res);
    if (url.pathname === PREVIEW_PATH) {
      const page = o.pageOf(url.searchParams.get("type") ?? "", url.searchParams.get("slug") ?? "");
      if (!page) return send(res, 404, "", "尚无此内容的页面（保存后再看）");
      res.writeHead(302, { location: page, "cache-control": "no-store" });
      return res.end();
    }
    const dev = o.devUrl();
    if (!dev) return send(res, 503, "", "网站预览正在生成……");
    proxy(req, res, new URL(dev));
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, "", "Internal error");
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(o.port, "127.0.0.1", () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `${origin()}/admin/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
