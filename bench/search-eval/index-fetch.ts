/**
 * The search Worker's modules run in Node over a built site: their fetches of `/pagefind/…` read
 * the site's index files from disk. Shared by the scripts that replay queries without a browser.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";

/** Serves `folder` (a site's pagefind/) to `fetch`; `seen` hears each file asked for and its bytes. */
export function fetchIndexFrom(folder: string, seen?: (file: string, bytes: number) => void): void {
  globalThis.fetch = (async (url: string) => {
    const file = decodeURIComponent(new URL(url, "http://x/").pathname.replace(/^\/pagefind\//, ""));
    const body = await readFile(path.join(folder, file));
    seen?.(file, body.length);
    return new Response(body);
  }) as typeof fetch;
}
