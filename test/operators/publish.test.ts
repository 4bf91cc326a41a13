/**
 * Publishing is atomic and self-healing: `npm run build` is killed (SIGKILL) at each step of the
 * swap; afterwards the published folder, once the next build has started, is the complete old or
 * the complete new site (checked file by file against its manifest.json), and after the next
 * build nothing of the killed build is left.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { news } from "../helpers/fixture.ts";
import { projectWith, runCommand } from "../helpers/cli.ts";
import { outputFiles } from "../../src/build/output-files.ts";
import { SWAP_STEPS } from "../../src/build/publish.ts";

/** Throws unless dir holds exactly the files its manifest lists, with their hashes. */
function assertComplete(dir: string): void {
  const manifest = JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8")) as {
    files: { path: string; sha256: string }[];
  };
  assert.deepEqual(
    outputFiles(dir).filter((f) => f !== "manifest.json"),
    manifest.files.map((f) => f.path),
    `${dir}: the files are the manifest's`,
  );
  for (const f of manifest.files)
    assert.equal(
      createHash("sha256")
        .update(readFileSync(path.join(dir, f.path)))
        .digest("hex"),
      f.sha256,
      f.path,
    );
}

const leftovers = (root: string) => readdirSync(root).filter((name) => name.startsWith("_site."));

test("a build killed at each step of the swap leaves the old or the new site, and the next build cleans up", async () => {
  const site = projectWith({ "news/2026/a.md": news("旧版新闻", "2026-06-29 09:00") });
  await site.build();
  let published = "旧版新闻";
  for (const step of SWAP_STEPS) {
    const title = `新版新闻${step}`;
    site.write("news/2026/a.md", news(title, "2026-06-29 09:00"));
    const killed = runCommand("build.ts", [], site.root, { GONGKAI_TEST_KILL_AT: step });
    assert.equal(killed.signal, "SIGKILL", `${step}: the build was killed (${killed.stderr})`);
    assert.ok(leftovers(site.root).length > 0 || step === "done", `${step}: the kill left something`);

    // The next build, even one that fails on a content error, first repairs the output folder.
    site.write("news/2026/bad.md", news("日期错", "2026-02-30 09:00"));
    await assert.rejects(site.build(), /2026-02-30/);
    assertComplete(site.outDir);
    const home = site.read("/");
    const shown = [published, title].filter((t) => home.includes(t));
    assert.equal(shown.length, 1, `${step}: old or new site, not a mix (${shown.join(", ")})`);
    // Before the second rename the old site stays; from it on, the new one.
    const expected = ["staged", "moved-old"].includes(step) ? published : title;
    assert.equal(shown[0], expected, step);
    assert.deepEqual(leftovers(site.root), [], `${step}: leftovers removed`);

    rmSync(path.join(site.contentDir, "news/2026/bad.md"));
    published = expected;
  }
  await site.build();
  assertComplete(site.outDir);
  assert.match(site.read("/"), /新版新闻done/);
  assert.deepEqual(leftovers(site.root), [], "nothing left after a good build");
});

test("a running build's staging folder is left alone; a dead build's is removed", async () => {
  const site = projectWith({ "news/2026/a.md": news("新闻", "2026-06-29 09:00") });
  const running = spawn("sleep", ["60"]);
  try {
    const live = path.join(site.root, `_site.staging-${running.pid}`);
    const dead = path.join(site.root, "_site.staging-999999999");
    const deadOld = path.join(site.root, "_site.old-999999998");
    for (const dir of [live, dead, deadOld]) mkdirSync(dir);
    await site.build();
    assert.ok(existsSync(live), "another build still writing there");
    assert.ok(!existsSync(dead) && !existsSync(deadOld), "a dead build's folders are removed");
    assert.match(site.read("/"), /新闻/, "an empty old-PID folder is not mistaken for a published site");
  } finally {
    running.kill();
  }
});
