/**
 * Hashes output files for the manifest in a worker thread (src/build/hash-files.ts): reads each
 * file and answers its size and SHA-256. Plain JavaScript: workers do not inherit tsx's loader.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";

const { root, files } = workerData;
const result = files.map((rel) => {
  const bytes = readFileSync(`${root}/${rel}`);
  return [bytes.length, createHash("sha256").update(bytes).digest("hex")];
});
parentPort.postMessage(result);
