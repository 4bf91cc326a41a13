/**
 * `npm run build` and the other commands start from a precompiled bundle in plain Node
 * (src/cli/launch.mjs, src/bundle/module-bundle.mjs): the same output, the same messages, as the
 * command run through tsx; a bundle is made again when one of its sources changes; without one
 * (GONGKAI_BUNDLE=0) the command runs through tsx.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { news } from "../helpers/fixture.ts";
import { projectWith, runCommand } from "../helpers/cli.ts";
import { snapshot } from "../helpers/safety.ts";
import { filesOf, freshBundle, moduleBundle } from "../../src/bundle/module-bundle.mjs";
import { configBundleName } from "../../src/config/import-config.ts";
import { readCliOptions } from "../../src/cli/options.ts";
import { buildSite } from "../../src/build/build-site.ts";

const LAUNCHER = path.resolve(import.meta.dirname, "../../src/cli/launch.mjs");
const FILES = {
  "news/2026/a.md": news("春耕备耕工作会议召开", "2026-06-29 09:00"),
  "news/2026/b.md": news("城区供水管网改造工程完工", "2026-06-28 10:00"),
};

/** The compiled copies of a fixture's config, which no later run will use. */
function forgetBundle(name: string) {
  for (const file of Object.values(filesOf(name))) rmSync(file, { force: true });
}

function launch(args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [LAUNCHER, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, GONGKAI_NOW: "2026-06-30 12:00", ...env },
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test("the launched build writes the same bytes as the build run through tsx, with and without the bundle", () => {
  const site = projectWith(FILES);
  const viaTsx = runCommand("build.ts", ["--no-cache"], site.root, {}, { via: "tsx" });
  assert.equal(viaTsx.code, 0, viaTsx.stderr);
  const expected = snapshot(site);
  assert.ok(expected.size > 10);
  for (const env of [{}, { GONGKAI_BUNDLE: "0" }] as Record<string, string>[]) {
    rmSync(site.outDir, { recursive: true, force: true });
    const launched = launch(["build", "--no-cache"], site.root, env);
    assert.equal(launched.code, 0, launched.stderr);
    assert.deepEqual(snapshot(site), expected, JSON.stringify(env));
  }
  assert.ok(freshBundle("cli-build"), "the launched build left its bundle, fresh");
  forgetBundle(configBundleName(path.join(site.root, "site.config.ts")));
});

test("the launched check reports the site's problems as the command run through tsx does", () => {
  const site = projectWith({ ...FILES, "news/2026/c.md": "---\ntitle: 缺少日期\n---\n正文\n" });
  const viaTsx = runCommand("check.ts", [], site.root, {}, { via: "tsx" });
  const launched = launch(["check"], site.root);
  assert.equal(viaTsx.code, 1);
  assert.equal(launched.code, 1);
  assert.equal(launched.stderr, viaTsx.stderr);
  assert.match(launched.stderr, /news\/2026\/c\.md/);
  const broken = projectWith(FILES);
  writeFileSync(path.join(broken.root, "site.config.ts"), "export default { title: ;\n");
  const unreadable = launch(["build"], broken.root);
  assert.equal(unreadable.code, 1);
  assert.match(unreadable.stderr, /site\.config\.ts.*无法读取站点配置/);
  const unknown = launch(["deploy"], site.root);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /^未知命令：deploy；可用：build、serve/);
  for (const root of [site.root, broken.root])
    forgetBundle(configBundleName(path.join(root, "site.config.ts")));
});

/** The pages the launched build's line says it took from the cache (0 if it does not say). */
const reusedBy = (stdout: string) => Number(/其中 (\d+) 个页面取自构建缓存/.exec(stdout)?.[1] ?? 0);

test("a cache filled by the launched build is used whole by a build through tsx, and the other way round", async () => {
  // Last time each command's bundle wrote the default types' functions differently, the build
  // fingerprint hashed their text, and every command rebuilt what another had cached.
  const site = projectWith(FILES);
  const cacheDir = path.join(site.root, ".gongkai-cache");
  const filled = launch(["build"], site.root);
  assert.equal(filled.code, 0, filled.stderr);
  assert.equal(reusedBy(filled.stdout), 0);
  const expected = snapshot(site);
  const options = await readCliOptions([
    ...["--config", path.join(site.root, "site.config.ts"), "--content", site.contentDir],
    ...["--out", site.outDir, "--cache", cacheDir, "--now", "2026-06-30 12:00"],
  ]);
  const viaTsx = await buildSite(options);
  assert.equal(viaTsx.cache?.ignored, undefined);
  assert.equal(viaTsx.cache?.rendered, 0, "no page rendered again");
  assert.ok(viaTsx.cache.reused > 10);
  assert.deepEqual(snapshot(site), expected);
  const again = launch(["build"], site.root);
  assert.equal(again.code, 0, again.stderr);
  assert.doesNotMatch(again.stderr, /构建缓存未使用/);
  assert.equal(reusedBy(again.stdout), viaTsx.cache.reused);
  assert.deepEqual(snapshot(site), expected);
  forgetBundle(configBundleName(path.join(site.root, "site.config.ts")));
});

test("a bundle is made again when one of its sources changes, and each module keeps its own import.meta.url", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "gongkai-bundle-"));
  const entry = path.join(dir, "entry.ts");
  const helper = path.join(dir, "helper.ts");
  writeFileSync(
    helper,
    "export const where: string = import.meta.url;\nexport const dir = import.meta.dirname;\n",
  );
  writeFileSync(
    entry,
    'import { where, dir } from "./helper.ts";\nexport const said = "一";\nexport { where, dir };\n',
  );
  const name = `test-${path.basename(dir)}`;
  const first = await moduleBundle(name, entry);
  assert.ok(first);
  const one = (await import(`${first.href}?1`)) as { said: string; where: string; dir: string };
  assert.equal(one.said, "一");
  assert.equal(one.where, pathToFileURL(helper).href);
  assert.equal(one.dir, dir);
  assert.ok(freshBundle(name));
  writeFileSync(entry, readFileSync(entry, "utf8").replace('"一"', '"第二版"'));
  assert.equal(freshBundle(name), undefined, "a changed source makes the bundle stale");
  const second = await moduleBundle(name, entry);
  const two = (await import(`${second!.href}?2`)) as { said: string };
  assert.equal(two.said, "第二版");
  rmSync(dir, { recursive: true, force: true });
  forgetBundle(name);
});
