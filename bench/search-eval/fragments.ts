/**
 * Reads the URL of every page from the written search bundle: `shard/fragment id` → URL
 * (fragment ids are short hashes, unique within a shard only).
 * Pagefind fragments are gzip files whose text starts with the signature `pagefind_dcd`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import path from "node:path";
import type { ShardManifest } from "../../src/search/index-step.ts";

const SIGNATURE = "pagefind_dcd";

export function fragmentUrls(bundleDir: string, prefix: string): Map<string, string> {
  const manifest = JSON.parse(readFileSync(path.join(bundleDir, "shards.json"), "utf8")) as ShardManifest;
  const urls = new Map<string, string>();
  for (const [k, shard] of manifest.shards.entries()) {
    const dir = path.join(bundleDir, shard, "fragment");
    for (const file of readdirSync(dir)) {
      const text = gunzipSync(readFileSync(path.join(dir, file))).toString("utf8");
      const { url } = JSON.parse(text.startsWith(SIGNATURE) ? text.slice(SIGNATURE.length) : text) as {
        url: string;
      };
      // Pagefind's browser code prefixes the URL with the folder above the bundle.
      urls.set(`${k}/${file.replace(/\.pf_fragment$/, "")}`, prefix + url.replace(/^\//, ""));
    }
  }
  return urls;
}
