/**
 * /manifest.json: every published file with its size and SHA-256, in path order, so an operator
 * can audit what went out (and diff two releases). It hashes the finished folder, so it is
 * registered with order LAST: a file written after it would be missing from the list.
 */
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
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

/** Files hashed at once: enough to keep the disk busy without holding thousands of buffers. */
const BATCH = 64;

export async function writeManifest(outDir: string): Promise<ManifestEntry[]> {
  const files = outputFiles(outDir).filter((rel) => rel !== MANIFEST_FILE);
  const entries: ManifestEntry[] = [];
  for (let i = 0; i < files.length; i += BATCH) {
    const batch = await Promise.all(
      files.slice(i, i + BATCH).map(async (rel) => {
        const bytes = await readFile(path.join(outDir, rel));
        return { path: rel, size: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") };
      }),
    );
    entries.push(...batch);
  }
  // One file per line: readable, diffable between releases, and a third of the size of indented JSON.
  const lines = entries.map((e) => JSON.stringify(e));
  await writeFile(path.join(outDir, MANIFEST_FILE), `{"files": [\n${lines.join(",\n")}\n]}\n`);
  return entries;
}

afterRenderSteps.push({ name: "manifest", order: LAST, run: async (_state, outDir) => void (await writeManifest(outDir)) });
