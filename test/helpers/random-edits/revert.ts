/**
 * An edit undone (session 49): everything the build reads put back as it was after an earlier
 * step (content/, the site's theme modules, the config changes, the clock), so the incremental
 * build must give that step's very bytes again, not only a clean build's.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { contentSnapshot, restoreContent, type World } from "./world.ts";
import type { SiteChange } from "./world.ts";

export interface Past {
  step: number;
  content: Map<string, Buffer>;
  theme: Map<string, Buffer>;
  siteChanges: SiteChange[];
  now: number;
  /** The published output then: path → SHA-256 (outputByManifest). */
  out: Map<string, string>;
}

const themeDir = (w: World) => path.join(path.dirname(w.contentDir), "theme");

function themeFiles(w: World): Map<string, Buffer> {
  const dir = themeDir(w);
  return new Map(
    readdirSync(dir)
      .filter((name) => name.endsWith(".ts"))
      .map((name) => [name, readFileSync(path.join(dir, name))]),
  );
}

export function takePast(w: World, step: number, out: Map<string, string>): Past {
  return {
    step,
    content: contentSnapshot(w),
    theme: themeFiles(w),
    siteChanges: [...w.siteChanges],
    now: w.now,
    out,
  };
}

export function restorePast(w: World, past: Past): void {
  restoreContent(w, past.content);
  for (const [name, bytes] of past.theme) {
    const file = path.join(themeDir(w), name);
    if (!readFileSync(file).equals(bytes)) writeFileSync(file, bytes);
  }
  w.siteChanges = [...past.siteChanges];
  w.now = past.now;
}

/**
 * An output's files by its manifest.json (path → SHA-256, and the manifest's own text): each
 * step's output was just compared with a clean build's, manifest included, so its manifest
 * stands for it without reading every file again.
 */
export function outputByManifest(dir: string): Map<string, string> {
  const text = readFileSync(path.join(dir, "manifest.json"), "utf8");
  const { files } = JSON.parse(text) as { files: { path: string; sha256: string }[] };
  return new Map([...files.map((f): [string, string] => [f.path, f.sha256]), ["manifest.json", text]]);
}

/** Paths whose bytes differ between two snapshots (either side missing counts). */
export function differingPaths(a: Map<string, string>, b: Map<string, string>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k)).sort();
}
