/**
 * /manifest.json: every published file with its size and SHA-256, in path order, so an operator
 * can audit what went out (and diff two releases). It hashes the finished folder, so it runs
 * after every other step: a file written after it would be missing from the list. A file that no
 * page source, step or passthrough copy declared (src/eleventy/site-outputs.ts) stops the build:
 * the link check and the dev server trust that list.
 */
import { statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { outputFiles } from "./output-files.ts";
import { EVERY_OTHER_STEP, type BuildStep } from "./steps.ts";
import type { SiteOutputs } from "../eleventy/site-outputs.ts";
import { sessionOf } from "./cache/session.ts";
import { hashFiles } from "./hash-files.ts";
import { writtenFilesOf, writtenPagesOf } from "./written-pages.ts";

export const MANIFEST_FILE = "manifest.json";

export interface ManifestEntry {
  /** Path relative to the output folder, "/"-separated. */
  path: string;
  size: number;
  sha256: string;
}

/** Files in the output that no source declared (a page source or step that writes more than it says). */
export function undeclaredFiles(files: readonly string[], outputs: SiteOutputs): string[] {
  return files.filter((rel) => !outputs.declares(rel));
}

/** A file this build already hashed: its SHA-256 and, when known without a stat, its size. */
export type KnownFile = (rel: string) => { sha256: string; size?: number } | undefined;

/**
 * `known`: files this build already hashed (pages it rendered, files written from or into the
 * build cache, src/build/cache/), which are then only measured (or not even that), not read.
 * `listed`: the folder's files when the caller knows them (the build cache), else it is listed.
 */
export async function writeManifest(
  outDir: string,
  outputs?: SiteOutputs,
  known: KnownFile = () => undefined,
  listed: readonly string[] = outputFiles(outDir),
): Promise<ManifestEntry[]> {
  const files = listed.filter((rel) => rel !== MANIFEST_FILE);
  const undeclared = outputs ? undeclaredFiles(files, outputs) : [];
  if (undeclared.length)
    throw new Error(
      `files written without being declared by a page source or step (src/build/steps.ts \`outputs\`): ${undeclared.slice(0, 10).join(", ")}`,
    );
  // Files the cache already hashed are only measured; the rest are read on every core.
  const knownFiles = files.map(known);
  const unknown = files.filter((_, i) => knownFiles[i] === undefined);
  const hashed = await hashFiles(outDir, unknown);
  let next = 0;
  const entries = files.map((rel, i) => {
    const file = knownFiles[i];
    if (file === undefined) {
      const [size, sha256] = hashed[next++];
      return { path: rel, size, sha256 };
    }
    return { path: rel, size: file.size ?? statSync(path.join(outDir, rel)).size, sha256: file.sha256 };
  });
  // One file per line: readable, diffable between releases, and a third of the size of indented JSON.
  // JSON.stringify(entry)'s text, with only the path needing escapes (a size and a hex digest do not).
  const lines = entries.map(
    (e) => `{"path":${JSON.stringify(e.path)},"size":${e.size},"sha256":"${e.sha256}"}`,
  );
  writeFileSync(path.join(outDir, MANIFEST_FILE), `{"files": [\n${lines.join(",\n")}\n]}\n`);
  return entries;
}

export const manifestStep: BuildStep = {
  name: "manifest",
  after: [EVERY_OTHER_STEP],
  outputs: () => [`/${MANIFEST_FILE}`],
  run: async (state, outDir) => {
    const session = sessionOf(state);
    // The files of the previous output this build did not claim go before the folder is listed.
    session?.sweep();
    const written = writtenPagesOf(state);
    const hashed = writtenFilesOf(state);
    const known: KnownFile = (rel) => {
      const facts = written.get(rel);
      if (facts) return { sha256: facts[0], size: facts[1] };
      const sha256 = session?.known.get(rel);
      if (sha256 !== undefined) return { sha256, size: session!.cache.sizeOf(sha256) };
      // Measured, not read: a step hashed it as it wrote it (the search index).
      const stepHash = hashed.get(rel);
      return stepHash === undefined ? undefined : { sha256: stepHash };
    };
    // With the build cache, only the folders changed since the spare folder was listed are read.
    await writeManifest(outDir, state.outputs, known, session?.outputFiles(outDir));
    // The last step: the dev server keeps the state, not the facts of 80k pages (~12 MB at 50k items).
    written.clear();
    hashed.clear();
  },
};
