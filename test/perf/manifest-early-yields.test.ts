/**
 * The manifest's early part (src/build/manifest.ts) answers the beside steps' workers while it
 * runs: a message a worker posted before it started is handled before it ends, not after. (The
 * search index's join waits for the main thread once its changed shard is spliced: while the
 * early part held the thread in one turn, the join's lanes sat idle for the whole of it.)
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { MessageChannel } from "node:worker_threads";
import { manifestStep } from "../../src/build/manifest.ts";
import type { BuildStep } from "../../src/build/steps.ts";
import type { BuildState } from "../../src/eleventy/state.ts";

test("a worker's message posted before the manifest's early part is handled before that part ends", async () => {
  const outDir = mkdtempSync(path.join(os.tmpdir(), "manifest-early-"));
  const { port1, port2 } = new MessageChannel();
  try {
    for (const rel of ["index.html", "news/1/index.html", "news/2/index.html"]) {
      mkdirSync(path.dirname(path.join(outDir, rel)), { recursive: true });
      writeFileSync(path.join(outDir, rel), rel);
    }
    mkdirSync(path.join(outDir, "pagefind"));
    writeFileSync(path.join(outDir, "pagefind", "index.json"), "{}");
    const beside: BuildStep = {
      name: "search index",
      beside: true,
      outputs: () => ["/pagefind/"],
      run: () => {},
    };
    // Only what the early part reads of a build's state: which steps write which folders.
    const state = {
      outputs: {
        all: [{ source: "search index", folder: true, url: "/pagefind/" }],
        declares: () => true,
      },
    } as unknown as BuildState;
    const order: string[] = [];
    const answered = new Promise<void>((resolve) =>
      port1.once("message", () => {
        order.push("worker answered");
        resolve();
      }),
    );
    port2.postMessage("spliced");
    await manifestStep.early!(state, outDir, [beside]);
    order.push("early part done");
    await answered;
    assert.deepEqual(order, ["worker answered", "early part done"]);
  } finally {
    port1.close();
    rmSync(outDir, { recursive: true, force: true });
  }
});
