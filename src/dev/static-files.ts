/**
 * How a static host maps a request to a file of the output folder: the path prefix, `dir/` →
 * `dir/index.html`, `dir` → a redirect to `dir/`, nothing outside the folder. Shared by the dev
 * server and the tests' server, so both serve a build the way operators' hosts do.
 */
import { stat } from "node:fs/promises";
import type { ServerResponse } from "node:http";
import path from "node:path";

export const MIME_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".webm": "video/webm",
  ".mp4": "video/mp4",
  ".vtt": "text/vtt; charset=utf-8",
  ".pdf": "application/pdf",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export const mimeTypeOf = (file: string) =>
  MIME_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";

export type Resolved = { file: string } | { redirect: string } | { missing: true };

/** The file a request path names, a redirect for a folder without its slash, or missing. */
export async function resolveStatic(root: string, prefix: string, pathname: string): Promise<Resolved> {
  if (!pathname.startsWith(prefix)) return { missing: true };
  const file = path.join(root, pathname.slice(prefix.length));
  if (file !== root && !file.startsWith(root + path.sep)) return { missing: true };
  try {
    if (!(await stat(file)).isDirectory()) return { file };
  } catch {
    return { missing: true };
  }
  return pathname.endsWith("/") ? { file: path.join(file, "index.html") } : { redirect: `${pathname}/` };
}

/**
 * Answers a request as a static host does: the file, a redirect to the folder's slash, or the
 * site's 404 page with status 404. `send` writes a file with a status (each server adds its headers).
 */
export async function respondStatic(
  res: ServerResponse,
  root: string,
  prefix: string,
  pathname: string,
  send: (file: string, status: number) => Promise<void>,
): Promise<void> {
  const resolved = await resolveStatic(root, prefix, pathname);
  if ("redirect" in resolved) {
    res.writeHead(301, { location: resolved.redirect });
    res.end();
    return;
  }
  try {
    if ("missing" in resolved) throw new Error("no such file");
    await send(resolved.file, 200);
  } catch {
    await send(path.join(root, "404.html"), 404).catch(() => res.writeHead(404).end());
  }
}
