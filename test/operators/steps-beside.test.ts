import { test } from "node:test";
import assert from "node:assert/strict";
import { EVERY_OTHER_STEP, orderSteps, runSteps, type BuildStep } from "../../src/build/steps.ts";

/** A step whose run is logged; `work` is what it does between its start and end. */
function logged(
  log: string[],
  name: string,
  options: { after?: string[]; beside?: boolean; work?: () => Promise<void> } = {},
): BuildStep {
  return {
    name,
    after: options.after,
    beside: options.beside,
    outputs: () => [],
    run: async () => {
      log.push(`${name} start`);
      await options.work?.();
      log.push(`${name} end`);
    },
  };
}

/** A promise and its resolve, to end a step when the test says so. */
function gate(): { wait: () => Promise<void>; open: () => void } {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { wait: () => opened, open };
}

const run = (step: BuildStep) => Promise.resolve(step.run({} as never, ""));

test("a beside step runs on while the next steps run; a step naming it and the manifest wait for it", async () => {
  const log: string[] = [];
  const search = gate();
  const steps = orderSteps([
    logged(log, "search index", { beside: true, work: search.wait }),
    logged(log, "media"),
    // The index's workers finish after the steps beside it.
    logged(log, "sitemap.xml", {
      work: () => {
        setTimeout(search.open, 10);
        return Promise.resolve();
      },
    }),
    logged(log, "search summary", { after: ["search index"] }),
    logged(log, "manifest", { after: [EVERY_OTHER_STEP] }),
  ]);
  await runSteps(steps, run);
  assert.deepEqual(log, [
    "search index start",
    "media start",
    "media end",
    "sitemap.xml start",
    "sitemap.xml end",
    "search index end",
    "search summary start",
    "search summary end",
    "manifest start",
    "manifest end",
  ]);
});

test("a failing step fails the steps only once the beside step has finished; a beside step's failure is thrown", async () => {
  const log: string[] = [];
  const search = gate();
  const failing: BuildStep = {
    ...logged(log, "sitemap.xml"),
    run: () => {
      log.push("sitemap.xml fails");
      // The beside step's workers end a little later: the build must not remove its folder before.
      setTimeout(search.open, 20);
      throw new Error("sitemap failed");
    },
  };
  const steps = [
    logged(log, "search index", { beside: true, work: search.wait }),
    failing,
    logged(log, "manifest", { after: [EVERY_OTHER_STEP] }),
  ];
  await assert.rejects(
    runSteps(steps, (step) => Promise.resolve().then(() => step.run({} as never, ""))),
    /sitemap failed/,
  );
  assert.deepEqual(log, ["search index start", "sitemap.xml fails", "search index end"]);

  const after: string[] = [];
  const broken: BuildStep = {
    ...logged(after, "search index", { beside: true }),
    run: async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      throw new Error("index failed");
    },
  };
  await assert.rejects(
    runSteps([broken, logged(after, "media"), logged(after, "manifest", { after: [EVERY_OTHER_STEP] })], run),
    /index failed/,
  );
  assert.deepEqual(after, ["media start", "media end"], "the manifest never runs");
});
