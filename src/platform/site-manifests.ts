/**
 * The platform's manifest.json lists every file of every site again; each site's own manifest
 * (written by its build, the last thing before it was published) already gives their SHA-256 and
 * size, so the platform's takes them from there instead of reading every site's files a second
 * time. Files no site manifest lists (the platform's pages, the sites' manifests) are hashed.
 */
import { existsSync, readFileSync } from "node:fs";
import { MANIFEST_FILE, type KnownFile } from "../build/manifest.ts";
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
      lines = linesOf(path.join(outDir, site, MANIFEST_FILE));
    }
    return lines.get(rel.slice(slash + 1));
  };
}

function linesOf(file: string): Map<string, ManifestLine> {
  if (!existsSync(file)) return new Map();
  const { files } = JSON.parse(readFileSync(file, "utf8")) as { files: ManifestLine[] };
  return new Map(files.map((line) => [line.path, line]));
}
