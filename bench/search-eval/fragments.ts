/**
 * Reads the URL of every indexed page from the written index's record files (d/<c>.gz,
 * src/search/doc-store.ts): page id → URL with the path prefix, as the search page links it.
 */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import path from "node:path";
import type { IndexManifest } from "../../src/search/index-step.ts";

export function indexedUrls(bundleDir: string, prefix: string): Map<number, string> {
  const manifest = JSON.parse(readFileSync(path.join(bundleDir, "index.json"), "utf8")) as IndexManifest;
  const urls = new Map<number, string>();
  for (let c = 0; c * manifest.chunk < manifest.pages; c++) {
    const records = JSON.parse(
      gunzipSync(readFileSync(path.join(bundleDir, "d", `${c}.gz`))).toString("utf8"),
    ) as {
      url: string;
    }[];
    records.forEach((r, i) => urls.set(c * manifest.chunk + i, prefix + r.url.replace(/^\//, "")));
  }
  return urls;
}
