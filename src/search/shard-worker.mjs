/**
 * Writes one search shard in a worker thread (src/search/index-step.ts). Each worker thread has
 * its own instance of the `pagefind` module, hence its own Pagefind process, so shards are
 * indexed in parallel on several cores. Plain JavaScript: workers do not inherit tsx's loader.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { parentPort } from "node:worker_threads";
import * as pagefind from "pagefind";

/** Pagefind's prebuilt UIs (the portal has its own, src/assets/search.js) and its web worker (not used: see search.js). */
const UNUSED_FILES = [
  "pagefind-worker.js",
  "pagefind-ui.js",
  "pagefind-ui.css",
  "pagefind-component-ui.js",
  "pagefind-component-ui.css",
  "pagefind-modular-ui.js",
  "pagefind-modular-ui.css",
  "pagefind-highlight.js",
];
/** Records in flight at once: enough to keep the Pagefind binary busy, bounded for memory. */
const BATCH = 256;
/** Time for the killed Pagefind process to exit and be collected. */
const EXIT_GRACE_MS = 300;

async function writeShard({ records, dir, labels }) {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) return [`创建索引：${errors.join("；")}`];
  for (let start = 0; start < records.length; start += BATCH) {
    const batch = records.slice(start, start + BATCH);
    const responses = await Promise.all(batch.map((r) => index.addCustomRecord(r)));
    const failed = responses.flatMap((res, i) => res.errors.map((e) => `${labels[start + i]}：${e}`));
    if (failed.length) return failed;
  }
  const written = await index.writeFiles({ outputPath: dir });
  if (written.errors.length) return written.errors.map((e) => `写入文件：${e}`);
  await index.deleteIndex();
  for (const file of UNUSED_FILES) rmSync(path.join(dir, file), { force: true });
  return [];
}

parentPort.on("message", async (job) => {
  if (job === "close") {
    // Stop this thread's Pagefind process, then keep the thread's event loop running a moment:
    // Pagefind unrefs its process, and only this loop can collect its exit (else a zombie stays).
    await pagefind.close();
    parentPort.removeAllListeners("message");
    setTimeout(() => parentPort.unref(), EXIT_GRACE_MS);
    return;
  }
  try {
    parentPort.postMessage({ errors: await writeShard(job) });
  } catch (err) {
    parentPort.postMessage({ errors: [String(err?.stack ?? err)] });
  }
});
