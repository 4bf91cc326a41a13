/**
 * /manifest.json: every published file with its size and SHA-256, in path order, so an operator
 * can audit what went out (and diff two releases). It hashes the finished folder, so it runs
 * after every other step: a file written after it would be missing from the list. A file that no
 * page source, step or passthrough copy declared (src/eleventy/site-outputs.ts) stops the build:
 * the link check and the dev server trust that list.
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { outputFiles } from "./output-files.ts";
import { EVERY_OTHER_STEP, type BuildStep } from "./steps.ts";
import type { BuildState } from "../eleventy/state.ts";
import type { SiteOutputs } from "../eleventy/site-outputs.ts";
import { sessionOf } from "./cache/session.ts";
import type { CacheReport } from "./cache/cache-report.ts";
import { hashFiles } from "./hash-files.ts";
import { writtenFilesOf, writtenPagesOf } from "./written-pages.ts";
import type { VouchedFiles } from "./cache/staging-claims.ts";
import { NO_PART, PartEncoder, writeManifestText, type EncodedPart } from "./manifest-text.ts";

export const MANIFEST_FILE = "manifest.json";

/**
 * Files in the output that no source declared (a page source or step that writes more than it
 * says). `vouched[i]`: file i is known to be declared (a spare file kept in place for a page or
 * a declared folder's file, staging-claims.ts `vouched`), not looked up.
 */
export function undeclaredFiles(
  files: readonly string[],
  outputs: SiteOutputs,
  vouched?: Uint8Array,
): string[] {
  const found: string[] = [];
  for (let i = 0; i < files.length; i++)
    if (vouched?.[i] !== 1 && !outputs.declares(files[i])) found.push(files[i]);
  return found;
}

/** How many of `files` undeclaredFiles looks up. */
function lookedUp(files: readonly string[], vouched: Uint8Array | undefined): number {
  let count = files.length;
  if (vouched) for (let i = 0; i < vouched.length; i++) count -= vouched[i];
  return count;
}

/** `files` (a listing of the output) without the manifest itself, and `vouched` kept in step with it. */
function withoutManifest(
  files: readonly string[],
  vouched: VouchedFiles | undefined,
): { files: readonly string[]; vouched?: VouchedFiles } {
  const at = files.indexOf(MANIFEST_FILE);
  if (at === -1) return { files, vouched };
  const rest = files.slice(0, at).concat(files.slice(at + 1));
  if (vouched === undefined) return { files: rest };
  const without = <T extends Uint8Array | Int32Array>(array: T): T => {
    const kept = array.slice(0, rest.length) as T;
    kept.set(array.subarray(at + 1), at);
    return kept;
  };
  return {
    files: rest,
    vouched: {
      vouched: without(vouched.vouched),
      rows: without(vouched.rows),
      blobs: vouched.blobs,
    },
  };
}

/** A file this build already hashed: its SHA-256 and, when known without a stat, its size. */
export type KnownFile = (rel: string) => { sha256: string; size?: number } | undefined;

/**
 * The manifest's lines of `files` (relative paths, in order), encoded: `known` files this build
 * already hashed (pages it rendered, files written from or into the build cache, src/build/cache/,
 * or hashed by a step) are only measured (or not even that), not read. A file no source declared
 * is an error. Each line is written into the part's buffer as it is made (manifest-text.ts), no
 * entry object or line string kept per file: the early part's ~95k at 50k items outlived the
 * search index step, so the collector moved them all to the old generation.
 */
async function manifestPart(
  outDir: string,
  files: readonly string[],
  outputs: SiteOutputs | undefined,
  known: KnownFile,
  facts?: VouchedFiles,
  report?: CacheReport,
): Promise<EncodedPart> {
  const vouched = facts?.vouched;
  const undeclared = outputs ? undeclaredFiles(files, outputs, vouched) : [];
  if (outputs && report) report.declaredLookedUp = (report.declaredLookedUp ?? 0) + lookedUp(files, vouched);
  if (undeclared.length)
    throw new Error(
      `files written without being declared by a page source or step (src/build/steps.ts \`outputs\`): ${undeclared.slice(0, 10).join(", ")}`,
    );
  // Files the cache already hashed are only measured; the rest are read on every core.
  const sizes = new Float64Array(files.length);
  const digests = new Array<string>(files.length);
  const unknown: string[] = [];
  const unknownAt: number[] = [];
  const { rows, blobs } = facts ?? {};
  let taken = 0;
  for (let i = 0; i < files.length; i++) {
    // A file kept in place as a blob's link: that blob's SHA-256 and size (most files of a cached build).
    const row = rows === undefined ? 0 : rows[i];
    if (row !== 0) {
      sizes[i] = blobs!.stats[3 * (row - 1)];
      digests[i] = blobs!.sha256s[row - 1];
      taken++;
      continue;
    }
    const rel = files[i];
    const file = known(rel);
    if (file === undefined) {
      unknown.push(rel);
      unknownAt.push(i);
    } else {
      sizes[i] = file.size ?? statSync(path.join(outDir, rel)).size;
      digests[i] = file.sha256;
    }
  }
  if (report && blobs) report.manifestRowsTaken = (report.manifestRowsTaken ?? 0) + taken;
  const hashed = await hashFiles(outDir, unknown);
  for (let j = 0; j < unknown.length; j++) [sizes[unknownAt[j]], digests[unknownAt[j]]] = hashed[j];
  const part = new PartEncoder(files);
  for (let i = 0; i < files.length; i++) part.add(sizes[i], digests[i]);
  return part.done();
}

/** `listed`: the folder's files when the caller knows them (the build cache), else it is listed. */
export async function writeManifest(
  outDir: string,
  outputs?: SiteOutputs,
  known: KnownFile = () => undefined,
  listed: readonly string[] = outputFiles(outDir),
): Promise<void> {
  return writeParts(outDir, outputs, known, listed, NO_PART, undefined);
}

/**
 * As writeManifest; `before`: the lines of files found earlier, not in `listed` (the step's early
 * part); `vouched`: per file of `listed`, 1 when known to be declared (undeclaredFiles).
 */
async function writeParts(
  outDir: string,
  outputs: SiteOutputs | undefined,
  known: KnownFile,
  listed: readonly string[],
  before: EncodedPart,
  vouched: VouchedFiles | undefined,
  report?: CacheReport,
): Promise<void> {
  const rest = withoutManifest(listed, vouched);
  const part = await manifestPart(outDir, rest.files, outputs, known, rest.vouched, report);
  // One file per line: readable, diffable between releases, and a third of the size of indented JSON.
  writeManifestText(path.join(outDir, MANIFEST_FILE), before, part);
}

/** The files this build hashed as it wrote them: pages, the build cache's, the steps'. */
function knownOf(state: BuildState): KnownFile {
  const session = sessionOf(state);
  const written = writtenPagesOf(state);
  const hashed = writtenFilesOf(state);
  return (rel) => {
    const facts = written.get(rel);
    if (facts) return { sha256: facts[0], size: facts[1] };
    const sha256 = session?.known.get(rel);
    if (sha256 !== undefined) return { sha256, size: session!.cache.sizeOf(sha256) };
    // Not read: a step hashed it as it wrote it (the search index); measured unless it is a blob
    // this build placed or stored (same bytes, same size: most index files of a one-edit build).
    const stepHash = hashed.get(rel);
    return stepHash === undefined ? undefined : { sha256: stepHash, size: session?.cache.sizeOf(stepHash) };
  };
}

/**
 * The top-level folders the still running `beside` steps write into, when that is all they write
 * (the search index: `pagefind`); else undefined.
 */
function besideFolders(state: BuildState, running: readonly BuildStep[]): string[] | undefined {
  const names = new Set(running.map((step) => step.name));
  const theirs = state.outputs.all.filter((output) => names.has(output.source));
  if (!theirs.every((output) => output.folder && /^\/[^/]+\/$/.test(output.url))) return undefined;
  return theirs.map((output) => output.url.slice(1, -1));
}

/** A turn of the event loop: the messages of the beside steps' workers are handled. */
const yieldToWorkers = () => new Promise<void>((resolve) => setImmediate(resolve));

/** What the step found while the beside steps ran: the top-level names it listed, their entries. */
const earlyParts = new WeakMap<BuildState, { listed: Set<string>; part: EncodedPart }>();

export const manifestStep: BuildStep = {
  name: "manifest",
  after: [EVERY_OTHER_STEP],
  outputs: () => [`/${MANIFEST_FILE}`],
  // Lists and hashes all but the search index's folder while the index is still being written.
  early: async (state, outDir, running) => {
    const folders = besideFolders(state, running);
    if (!folders) return;
    const session = sessionOf(state);
    // With the spare output as the staging folder, its unclaimed files go before it is listed:
    // those outside the running steps' folders now, as nothing may claim them any more.
    session?.sweep(folders);
    const skip = new Set(folders);
    const listed = new Set(readdirSync(outDir).filter((name) => !skip.has(name)));
    // With the build cache, only the folders changed since the spare folder was listed are read
    // (on the spare scan's worker, while this thread answers the search index's).
    const listedFiles = (await session?.outputFiles(outDir, skip)) ?? outputFiles(outDir, skip);
    const { files, vouched } = withoutManifest(listedFiles, session?.cache.vouched(listedFiles));
    // The running steps' workers are answered between the parts (the search index's join waits
    // for this thread once its changed shard is spliced, its lanes idle until then).
    await yieldToWorkers();
    const part = await manifestPart(outDir, files, state.outputs, knownOf(state), vouched, session?.report);
    if (session) session.report.listedEarly = part.paths.length;
    await yieldToWorkers();
    // Encoded now, while the search index's workers run (manifest-text.ts).
    earlyParts.set(state, { listed, part });
  },
  run: async (state, outDir) => {
    const session = sessionOf(state);
    // The files of the previous output this build did not claim go before the folder is listed.
    session?.sweep();
    const early = earlyParts.get(state);
    earlyParts.delete(state);
    // After an early part: what it did not list (the beside steps' folders, anything new at the top).
    const listed = (await session?.outputFiles(outDir, early?.listed)) ?? outputFiles(outDir, early?.listed);
    session?.listedWhole();
    const vouched = session?.cache.vouched(listed);
    await writeParts(
      outDir,
      state.outputs,
      knownOf(state),
      listed,
      early?.part ?? NO_PART,
      vouched,
      session?.report,
    );
    // The last step: the dev server keeps the state, not the facts of 80k pages (~12 MB at 50k items).
    writtenPagesOf(state).clear();
    writtenFilesOf(state).clear();
  },
};
