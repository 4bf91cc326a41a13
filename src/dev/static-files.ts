/**
 * How a static host maps a request to a file of the output folder: the path prefix, `dir/` →
 * `dir/index.html`, `dir` → a redirect to `dir/`, nothing outside the folder and nothing reached
 * through a symbolic link. Shared by the dev server and the tests' server, so both serve a build
 * the way operators' hosts do, and neither can be made to throw by a request.
 */
import { realpath, stat } from "node:fs/promises";
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

/** A request's path, still percent-encoded and decoded; undefined when it cannot name a file. */
export interface RequestPath {
  raw: string;
  decoded: string;
}

/**
 * The path of a request target, or undefined for one that cannot name a file: an unparsable
 * target, malformed percent-escapes (`/%`, `/%E0%A4%A`) or a NUL byte.
 */
export function requestPath(url: string | undefined): RequestPath | undefined {
  try {
    const raw = new URL(url ?? "/", "http://x").pathname;
    const decoded = decodeURIComponent(raw);
    return decoded.includes("\0") ? undefined : { raw, decoded };
  } catch {
    return undefined;
  }
}

/**
 * True when `file` exists inside `root` and no part of its path below `root` is a symbolic link:
 * an editor's link to /etc/passwd or ../.git/config is never served. (`root` itself may be a link.)
 */
export async function isPlainPathInside(root: string, file: string): Promise<boolean> {
  const rel = path.relative(root, file);
  if (rel === ".." || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) return false;
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]);
    return realFile === path.join(realRoot, rel);
  } catch {
    return false;
  }
}

export type Resolved = { file: string } | { redirect: string } | { missing: true };

/**
 * The file a decoded request path names, a redirect for a folder without its slash (to
 * `rawPath` + "/", still encoded, so the header stays ASCII), or missing.
 */
export async function resolveStatic(
  root: string,
  prefix: string,
  pathname: string,
  rawPath: string,
): Promise<Resolved> {
  if (!pathname.startsWith(prefix)) return { missing: true };
  let file = path.join(root, pathname.slice(prefix.length));
  if (file !== root && !file.startsWith(root + path.sep)) return { missing: true };
  try {
    if ((await stat(file)).isDirectory()) {
      if (!pathname.endsWith("/")) return { redirect: `${rawPath}/` };
      file = path.join(file, "index.html");
    }
    // Regular files only: a FIFO or device would stall or leak the request.
    if (!(await stat(file)).isFile()) return { missing: true };
  } catch {
    return { missing: true };
  }
  return (await isPlainPathInside(root, file)) ? { file } : { missing: true };
}

/**
 * Answers a request as a static host does: 400 for a path that cannot be decoded, the file, a
 * redirect to the folder's slash, or the site's 404 page with status 404. `send` writes a file
 * with a status (each server adds its headers); `missing` answers when there is no 404 page.
 */
export async function respondStatic(
  res: ServerResponse,
  root: string,
  prefix: string,
  url: string | undefined,
  send: (file: string, status: number) => Promise<void>,
  missing: () => void = () => res.writeHead(404).end(),
): Promise<void> {
  const target = requestPath(url);
  if (target === undefined) {
    res.writeHead(400, { "content-type": "text/plain; charset=utf-8" });
    res.end("400 Bad Request: malformed URL\n");
    return;
  }
  const resolved = await resolveStatic(root, prefix, target.decoded, target.raw);
  if ("redirect" in resolved) {
    res.writeHead(301, { location: resolved.redirect });
    res.end();
    return;
  }
  try {
    if ("missing" in resolved) throw new Error("no such file");
    await send(resolved.file, 200);
  } catch {
    const notFound = path.join(root, "404.html");
    if (!(await isPlainPathInside(root, notFound))) return missing();
    await send(notFound, 404).catch(missing);
  }
}
