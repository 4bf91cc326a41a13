/**
 * /manifest.json: every published file with its size and SHA-256, in path order, so an operator
 * can audit what went out (and diff two releases). It hashes the finished folder, so it is
 * registered with order LAST: a file written after it would be missing from the list.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { outputFiles } from "./output-files.ts";
import { afterRenderSteps, LAST } from "./steps.ts";

export const MANIFEST_FILE = "manifest.json";

export interface ManifestEntry {
  /** Path relative to the output folder, "/"-separated. */
  path: string;
  size: number;
  sha256: string;
}

export function writeManifest(outDir: string): ManifestEntry[] {
  // Synchronous reads: for thousands of small files they are faster than promises and hold one buffer at a time.
  const entries = outputFiles(outDir)
    .filter((rel) => rel !== MANIFEST_FILE)
    .map((rel) => {
      const bytes = readFileSync(path.join(outDir, rel));
      return { path: rel, size: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") };
    });
  // One file per line: readable, diffable between releases, and a third of the size of indented JSON.
  const lines = entries.map((e) => JSON.stringify(e));
  writeFileSync(path.join(outDir, MANIFEST_FILE), `{"files": [\n${lines.join(",\n")}\n]}\n`);
  return entries;
}

afterRenderSteps.push({ name: "manifest", order: LAST, run: (_state, outDir) => void writeManifest(outDir) });
