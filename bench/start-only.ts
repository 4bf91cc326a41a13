/**
 * `npm start`'s first page alone (bench/start.ts), without the rest of `npm run bench`:
 * `tsx bench/start-only.ts 50000 [--dir /dev/shm] [--keep]` generates the synthetic portal, fills a
 * build cache with one `npm run build` (again for a kept corpus), then starts the dev server without the cache and with it
 * and prints the times (ms from spawning the server) as JSON. `--keep` keeps the corpus, and a
 * kept one is used again.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { loadSiteConfig } from "../src/config/load.ts";
import { generateSyntheticPortal } from "./synthetic.ts";
import { measureStart } from "./start.ts";

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const CONFIG = path.join(ROOT, "site.config.ts");
/** The site's clock: after every synthetic date, as in bench/run.ts. */
const NOW = "2026-01-01 08:00";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { dir: { type: "string", default: "/dev/shm" }, keep: { type: "boolean", default: false } },
});
const size = Number(positionals[0] ?? 10_000);
const dir = path.join(values.dir, `gongkai-start-${size}`);
const contentDir = path.join(dir, "content");
if (!existsSync(contentDir)) {
  mkdirSync(dir, { recursive: true });
  process.stderr.write(`${size} items: generating… `);
  generateSyntheticPortal(await loadSiteConfig(CONFIG), contentDir, { count: size });
}
{
  // Every time: the cache is keyed by the code, which may have changed since a kept corpus was made.
  process.stderr.write(`filling the cache… `);
  const build = [path.join(ROOT, "src/cli/build.ts"), "--config", CONFIG, "--content", contentDir];
  execFileSync(
    process.execPath,
    // tsx resolved here: the build runs in the corpus folder (for its default cache folder).
    ["--import", import.meta.resolve("tsx"), ...build, "--out", path.join(dir, "_site"), "--now", NOW],
    { cwd: dir, stdio: ["ignore", "ignore", "inherit"] },
  );
}
try {
  process.stderr.write(`npm start without a cache… `);
  rmSync(path.join(dir, "_start-cold"), { recursive: true, force: true });
  const cold = await measureStart(dir, contentDir, path.join(dir, "_start-cold"), NOW, ["--no-cache"]);
  process.stderr.write(`with the cache… `);
  rmSync(path.join(dir, "_start-warm"), { recursive: true, force: true });
  const warm = await measureStart(dir, contentDir, path.join(dir, "_start-warm"), NOW);
  process.stderr.write("done\n");
  console.log(JSON.stringify({ size, cold, warm }));
} finally {
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
}
