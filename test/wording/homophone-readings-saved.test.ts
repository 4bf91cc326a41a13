/**
 * The pinyin readings a thread looks up are saved to node_modules/.cache/gongkai/pinyin.json
 * while the thread runs, not only at its exit: a build's render worker, which runs the wording
 * checks, is terminated, and a terminated thread runs no exit handler, so its readings were lost
 * and every build loaded pinyin-pro again for the same characters.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { compiledBundle, PROJECT_ROOT } from "../../src/bundle/module-bundle.mjs";

const CACHE = path.join(PROJECT_ROOT, "node_modules/.cache/gongkai/pinyin.json");

const savedReadings = (): Record<string, string[]> => {
  try {
    return JSON.parse(readFileSync(CACHE, "utf8")) as Record<string, string[]>;
  } catch {
    return {};
  }
};

test("a worker thread's readings are in the cache file after the thread is terminated", async () => {
  // Two CJK characters the cache has not seen yet (the range has ~20k; a run adds two).
  // Compiled, as the build worker runs it (a worker thread has no TypeScript loader).
  const module = (await compiledBundle("test-homophones", "src/check/wording/homophones.ts")).href;
  const saved = savedReadings();
  const fresh: string[] = [];
  for (let code = 0x4e00 + Math.floor(Math.random() * 0x4000); fresh.length < 2; code++) {
    const char = String.fromCodePoint(code);
    if (!(char in saved)) fresh.push(char);
  }
  const worker = new Worker(
    `import { parentPort, workerData } from "node:worker_threads";
     const { isHomophone } = await import(workerData.module);
     isHomophone(workerData.a, workerData.b);
     // Two turns of the event loop, then the parent terminates the thread as a build ends its worker.
     setImmediate(() => setImmediate(() => parentPort.postMessage("asked")));`,
    {
      eval: true,
      workerData: { module, a: fresh[0], b: fresh[1] },
    },
  );
  await new Promise((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
  });
  await worker.terminate();
  const after = savedReadings();
  for (const char of fresh) assert.ok(Array.isArray(after[char]), `${char} saved`);
});
