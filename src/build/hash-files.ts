/**
 * Size and SHA-256 of many output files on every core: the manifest's hashing of a whole build
 * (131k files, 657 MB at 50k items) took seconds on one core while the other idled. The files
 * are cut into one contiguous run per worker thread (each holds one file's bytes at a time);
 * a few files are hashed on the calling thread, where starting workers would cost more.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";

const WORKER = new URL("./hash-worker.mjs", import.meta.url);
/** Below this many files, one thread is faster than starting workers. */
const MIN_PARALLEL = 2_000;

export type SizeAndHash = [size: number, sha256: string];

export async function hashFiles(
  root: string,
  files: readonly string[],
  threads = availableParallelism(),
): Promise<SizeAndHash[]> {
  if (files.length < MIN_PARALLEL || threads < 2)
    return files.map((rel) => {
      const bytes = readFileSync(path.join(root, rel));
      return [bytes.length, createHash("sha256").update(bytes).digest("hex")];
    });
  const size = Math.ceil(files.length / threads);
  const runs = Array.from({ length: threads }, (_, k) => files.slice(k * size, (k + 1) * size));
  const results = await Promise.all(
    runs.map(
      (run) =>
        new Promise<SizeAndHash[]>((resolve, reject) => {
          // Plain JavaScript needing no Node option: started without tsx's loader, which cost each
          // worker more than its hashing (and importing worker-bundle.ts's workerExecArgv here would
          // pull the bundler into the build workers' bundle).
          const worker = new Worker(WORKER, { workerData: { root, files: run }, execArgv: [] });
          worker.once("message", (result: SizeAndHash[]) => resolve(result));
          worker.once("error", reject);
          worker.once("exit", (code) => code !== 0 && reject(new Error(`hash worker exited with ${code}`)));
        }),
    ),
  );
  return results.flat();
}
