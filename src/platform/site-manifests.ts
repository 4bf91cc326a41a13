/**
 * The platform's manifest.json lists every file of every site again; each site's own manifest
 * (written by its build, the last thing before it was published) already gives their SHA-256 and
 * size, so the platform's takes them from there instead of reading every site's files a second
 * time. Files no site manifest lists (the platform's pages, the sites' manifests) are hashed.
 * A build that made the sites in this process also takes the list of their files from their
 * manifests instead of listing ~75k files of 20k folders at 20k items (`sitesListed`).
 */
import { existsSync, readFileSync } from "node:fs";
import { MANIFEST_FILE, type KnownFile } from "../build/manifest.ts";
import { outputFiles } from "../build/output-files.ts";
import path from "node:path";
import type { Platform } from "./config.ts";

interface ManifestLine {
  path: string;
  size: number;
  sha256: string;
}

/** What the sites' manifests say of a file at `rel` below the platform's output (read site by site). */
export function filesTheSitesListed(platform: Platform, outDir: string): KnownFile {
  const keys = new Set(platform.sites.map((s) => s.key));
  // The manifest lists files in path order, so one site's lines are held at a time.
  let key: string | undefined;
  let lines = new Map<string, ManifestLine>();
  return (rel) => {
    const slash = rel.indexOf("/");
    if (slash < 0) return undefined;
    const site = rel.slice(0, slash);
    if (!keys.has(site)) return undefined;
    if (site !== key) {
      key = site;
      lines = new Map(linesOf(path.join(outDir, site, MANIFEST_FILE)).map((line) => [line.path, line]));
    }
    return lines.get(rel.slice(slash + 1));
  };
}

/**
 * The files of the platform's output, as `outputFiles` lists them: each site's as its manifest
 * lists them (and the manifest itself), the rest listed. Only for sites this process built into
 * `outDir` (a site's build lists or knows every file of its folder when it writes its manifest,
 * and nothing writes there after it); undefined when a site has no manifest. Only the paths are
 * kept: `filesTheSitesListed` parses each manifest again for its digests, one site at a time,
 * rather than holding every site's lines (~630k at 200k items) until the manifest is written.
 */
export function sitesListed(platform: Platform, outDir: string): string[] | undefined {
  const keys = platform.sites.map((s) => s.key);
  const files = outputFiles(outDir, new Set(keys));
  for (const key of keys) {
    const manifest = path.join(outDir, key, MANIFEST_FILE);
    if (!existsSync(manifest)) return undefined;
    files.push(`${key}/${MANIFEST_FILE}`);
    for (const line of linesOf(manifest)) files.push(`${key}/${line.path}`);
  }
  // The order outputFiles gives: UTF-16 code units.
  return files.sort();
}

function linesOf(file: string): ManifestLine[] {
  if (!existsSync(file)) return [];
  return (JSON.parse(readFileSync(file, "utf8")) as { files: ManifestLine[] }).files;
}
