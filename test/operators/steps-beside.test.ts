import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { EVERY_OTHER_STEP, orderSteps, runSteps, type BuildStep } from "../../src/build/steps.ts";
import { buildSite } from "../../src/build/build-site.ts";
import { defaultPageSources, defaultSteps } from "../../src/build/defaults.ts";
import { outputFiles } from "../../src/build/output-files.ts";
import { samplePortal } from "../helpers/sample-portal.ts";

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

/** A beside step writing into its folder, and `stray` beside it, after the other steps ended. */
function lateWriter(stray?: string): BuildStep {
  return {
    name: "late",
    beside: true,
    outputs: () => ["/late/"],
    run: async (_state, outDir) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      mkdirSync(path.join(outDir, "late"), { recursive: true });
      writeFileSync(path.join(outDir, "late", "a.txt"), "后写\n");
      if (stray) writeFileSync(path.join(outDir, stray), "未声明\n");
    },
  };
}

test("the manifest lists the rest while a beside step runs: its files are in, an undeclared one still stops the build", async () => {
  const { site, contentDir, now } = await samplePortal("/portal/");
  const root = mkdtempSync(path.join(tmpdir(), "gongkai-beside-"));
  const outDir = path.join(root, "out");
  const steps = [lateWriter(), ...defaultSteps];
  await buildSite({ site, contentDir, outDir, now, parts: { pages: defaultPageSources, steps } });
  const manifest = JSON.parse(readFileSync(path.join(outDir, "manifest.json"), "utf8")) as {
    files: { path: string; sha256: string }[];
  };
  const listed = manifest.files.map((f) => f.path);
  assert.deepEqual(
    listed,
    outputFiles(outDir).filter((rel) => rel !== "manifest.json"),
    "every file, in order",
  );
  assert.ok(listed.includes("late/a.txt") && listed.some((rel) => rel.startsWith("pagefind/")));
  for (const entry of manifest.files)
    assert.equal(
      entry.sha256,
      createHash("sha256")
        .update(readFileSync(path.join(outDir, entry.path)))
        .digest("hex"),
      entry.path,
    );

  const strayOut = path.join(root, "stray");
  await assert.rejects(
    buildSite({
      site,
      contentDir,
      outDir: strayOut,
      now,
      parts: { pages: defaultPageSources, steps: [lateWriter("stray.txt"), ...defaultSteps] },
    }),
    /without being declared.*stray\.txt/,
  );
});
