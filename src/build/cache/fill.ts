/**
 * Whether a build will fill the build cache from nothing (a fresh checkout, a cache folder CI did
 * not restore): no index and no spare output. Such a build renders every page whatever the
 * fingerprint, so it starts from an empty staging folder as a build without the cache does, and
 * the render workers write the detail pages, tracing them, while the main thread still checks.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { INDEX_FILE } from "./index-file.ts";

export function cacheStartsEmpty(cacheDir: string): boolean {
  return !existsSync(path.join(cacheDir, INDEX_FILE)) && !existsSync(path.join(cacheDir, "spare"));
}
