/**
 * The search index's workers started before a one-edit build's render (src/build/warm-index-workers.ts):
 * the step takes them; those it does not take end with the build; one that fails before it is
 * taken is never handed to the step (it would wait for an answer forever). The whole build with
 * them is compared with a clean build by incremental-build.test.ts and the fuzz harness.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { once } from "node:events";
import { Worker } from "node:worker_threads";
import { withWarmIndexWorkers } from "../../src/build/warm-index-workers.ts";
import {
  keepIndexWorkers,
  keepWorkers,
  takeKeptWorker,
  warmKeptWorkers,
} from "../../src/search/kept-index-workers.ts";
import { DEFAULT_SEARCH_INDEX, searchIndexStep } from "../../src/search/index-step.ts";
import { sitemapStep } from "../../src/build/sitemap-xml.ts";

test("with the search index among the steps, its workers are started and taken; the rest end with the work", async () => {
  let left: Worker | undefined;
  const taken = await withWarmIndexWorkers([sitemapStep(), searchIndexStep()], async () => {
    const first = takeKeptWorker();
    assert.ok(first, "a warm worker is there to take");
    left = DEFAULT_SEARCH_INDEX.workers > 1 ? takeKeptWorker() : undefined;
    await first.terminate();
    return DEFAULT_SEARCH_INDEX.workers;
  });
  assert.equal(taken, DEFAULT_SEARCH_INDEX.workers);
  if (left) await left.terminate();
  // Outside the work nothing is kept any more.
  assert.equal(takeKeptWorker(), undefined);
});

test("a worker not taken is ended when the work ends", async () => {
  let exited: Promise<unknown> | undefined;
  await withWarmIndexWorkers([searchIndexStep()], () => {
    const worker = takeKeptWorker()!;
    exited = once(worker, "exit");
    // Put back, as a step that did not need it leaves it (index-workers.ts `close`).
    assert.equal(keepWorkers([worker]), true);
    warmKeptWorkers(1, () => assert.fail("no worker is started while enough are idle"));
    return Promise.resolve();
  });
  await exited;
});

test("without the search index (or not after an edit) no worker is started", async () => {
  for (const steps of [[sitemapStep()], []])
    await withWarmIndexWorkers(steps, () => Promise.resolve(assert.equal(takeKeptWorker(), undefined)));
});

test("a warm worker that fails before it is taken leaves the list", async () => {
  await keepIndexWorkers(async () => {
    let failing: Worker | undefined;
    warmKeptWorkers(1, () => (failing = new Worker("throw new Error('broken')", { eval: true })));
    // Not events.once: it would reject on the worker's error, which the list handles.
    await new Promise((resolve) => failing!.once("exit", resolve));
    assert.equal(takeKeptWorker(), undefined);
  });
});
