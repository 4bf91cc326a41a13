/**
 * The passthrough copy (the portal's own assets, as the plugin registers it) without Eleventy: when
 * every page source is streamed, Eleventy would have nothing to do but this copy, and starting it
 * costs more than the copy (~50 ms of CPU per build, which a platform of many small sites pays per
 * site). Regular files only, as the outputs enumeration lists them (src/build/outputs.ts).
 */
import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { outputFiles } from "./output-files.ts";

/** Copies each registered folder (source → destination under `outDir`). */
export function copyPassthrough(passthrough: Readonly<Record<string, string>>, outDir: string): void {
  for (const [dir, dest] of Object.entries(passthrough)) {
    const made = new Set<string>();
    for (const rel of outputFiles(dir)) {
      const to = path.join(outDir, dest, rel);
      const folder = path.dirname(to);
      if (!made.has(folder)) mkdirSync(folder, { recursive: true });
      made.add(folder);
      copyFileSync(path.join(dir, rel), to);
    }
  }
}
