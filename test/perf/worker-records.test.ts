/**
 * The render worker keeps the records it read: with one worker, the main thread names those by
 * their listing index in the state job (src/build/parallel/pool.ts `shareRecords`) instead of
 * cloning each back to the thread that made it. That the pages come out the same is
 * parallel-build.test.ts's; this checks what is sent.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { BuildWorkers } from "../../src/build/parallel/pool.ts";
import type { Job, StateJob } from "../../src/build/parallel/messages.ts";
import { loadContent } from "../../src/content/loader.ts";
import { DEFAULT_TYPES } from "../../src/content-types/index.ts";
import { defaultParts } from "../../src/build/defaults.ts";
import type { BuildOptions } from "../../src/eleventy/state.ts";
import { samplePortal } from "../helpers/sample-portal.ts";
import { notableStrings, notableStringsKnown } from "../../src/check/notable-strings.ts";
import type { ContentRecord } from "../../src/content/types.ts";

/** The jobs the main thread posts to its workers, in order. */
function sentJobs(): { jobs: Job[]; restore(): void } {
  const jobs: Job[] = [];
  const proto = Worker.prototype;
  const post = Object.getOwnPropertyDescriptor(proto, "postMessage")!;
  Object.defineProperty(proto, "postMessage", {
    ...post,
    value(this: Worker, message: unknown) {
      jobs.push(message as Job);
      return (post.value as (message: unknown) => void).call(this, message);
    },
  });
  return { jobs, restore: () => Object.defineProperty(proto, "postMessage", post) };
}

interface ReadByWorker {
  workers: BuildWorkers;
  options: BuildOptions;
  /** The records as the main thread loaded them from what was read. */
  all: readonly ContentRecord[];
  outDir: string;
  /** The jobs posted to the worker so far. */
  jobs: Job[];
}

/**
 * The sample portal read on two threads, the worker reading every file (workersOnly: how many the
 * main thread would read depends on timing), then `check` on what was read.
 */
async function readByWorker(check: (run: ReadByWorker) => void): Promise<void> {
  const { site, contentDir, now } = await samplePortal();
  const outDir = mkdtempSync(path.join(tmpdir(), "gongkai-worker-records-"));
  const spy = sentJobs();
  const workers = new BuildWorkers({ threads: 2, minFiles: 1, minPages: 1, workersOnly: true });
  try {
    const prepared = await workers.readContent(site, DEFAULT_TYPES, contentDir);
    assert.ok(prepared, "the files were read on two threads");
    const options: BuildOptions = { site, contentDir, now, prepared };
    check({ workers, options, all: loadContent(options).all, outDir, jobs: spy.jobs });
  } finally {
    spy.restore();
    await workers.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

const stateJobOf = (jobs: Job[]): StateJob => {
  const state = jobs.find((job): job is StateJob => job.kind === "state");
  assert.ok(state, "the worker was given the records");
  return state;
};

test("the records a worker read go back to it as their listing index", () =>
  readByWorker(({ workers, options, all, outDir, jobs }) => {
    workers.shareRecords(options, all, defaultParts.pages, outDir);
    const state = stateJobOf(jobs);
    assert.equal(state.all.length, all.length);
    state.all.forEach((sent, i) => {
      assert.equal(typeof sent, "number", `record ${i} (${all[i].id}) was cloned to the worker`);
      assert.equal(options.prepared?.result(sent as number)?.record, all[i]);
    });
  }));

test("each record's notable strings are found once, by the thread that read it, and sent with it", () =>
  readByWorker(({ workers, options, all, outDir, jobs }) => {
    // The worker read every file: the main thread has their strings without walking a field.
    const { site, contentDir, now } = options;
    const fresh = loadContent({ site, contentDir, now });
    for (const [i, record] of all.entries()) {
      assert.deepEqual(notableStringsKnown(record), notableStrings(fresh.all[i]), record.id);
    }
    assert.ok(
      all.some((r) => notableStrings(r).length > 0),
      "the sample portal has strings to find",
    );
    // Records this thread holds (here: read again) go whole, with the strings found in them.
    workers.shareRecords(options, fresh.all, defaultParts.pages, outDir);
    const state = stateJobOf(jobs);
    fresh.all.forEach((record, i) => assert.deepEqual(state.strings[i], notableStrings(record), record.id));
  }));
