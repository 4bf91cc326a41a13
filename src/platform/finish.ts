/**
 * The platform's own output, made from the sites' built folders alone (so the single-process
 * build and the CI merge agree byte for byte): `platform/` with the search across sites and the
 * statistics, then `manifest.json` over everything (the sites' files as their own manifests list them).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { writeManifest } from "../build/manifest.ts";
import type { Platform } from "./config.ts";
import { writePlatformSearch } from "./search.ts";
import { writePlatformStatistics } from "./statistics.ts";
import { filesTheSitesListed, sitesListed } from "./site-manifests.ts";

/** The platform pages' folder inside the output (site keys may not be "platform"). */
export const PLATFORM_DIR = "platform";

/** `sitesBuiltHere`: the sites were built into `outDir` by this process (site-manifests.ts `sitesListed`). */
export async function finishPlatform(
  platform: Platform,
  outDir: string,
  sitesBuiltHere = false,
): Promise<void> {
  const dir = path.join(outDir, PLATFORM_DIR);
  mkdirSync(dir, { recursive: true });
  writePlatformSearch(platform, outDir, dir);
  writePlatformStatistics(platform, outDir, dir);
  writeFileSync(path.join(dir, "platform.css"), PLATFORM_CSS);
  const listed = sitesBuiltHere ? sitesListed(platform, outDir) : undefined;
  await writeManifest(outDir, undefined, filesTheSitesListed(platform, outDir), listed);
}

const PLATFORM_CSS = `body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:0;color:#1f2933;line-height:1.6}
header{background:#b71c1c;color:#fff;padding:1rem 1.5rem}header a{color:#fff}
main{max-width:72rem;margin:0 auto;padding:1rem 1.5rem}
nav a{margin-right:1rem}
table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid #cbd2d9;padding:.35rem .6rem;text-align:right}
th:first-child,td:first-child{text-align:left}tfoot td{font-weight:bold}
form{display:flex;gap:.5rem;flex-wrap:wrap}input[type=search]{flex:1;min-width:12rem;font-size:1rem;padding:.4rem}
.search-result{list-style:none;margin:0 0 1rem}.search-result-title{font-size:1.1rem;margin:0}
.search-result-site{color:#b71c1c;margin-right:.5rem}
`;
