/**
 * What an operator does around the build cache that the randomized harness does not (session
 * 49), each followed by a cached build compared byte for byte with a clean one: a preview build
 * (`--drafts`, which never uses the cache) published into the cached output, a build without the
 * cache into it, the whole project moved to another folder (cache and output with it), a second
 * checkout built with the same cache into its own output and then the first again, a dev
 * session (`npm start`, with the cache) that rebuilt the published output after saves, and the
 * output folder a symlink retargeted to an empty release folder and back.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSite } from "../../src/build/build-site.ts";
import { samplePortal } from "../helpers/sample-portal.ts";
import { DevSite } from "../../src/dev/dev-site.ts";
import { assertSameOutput, incrementalParts } from "../helpers/incremental-fixture.ts";

test("previews, builds without the cache, a moved project, a second checkout, a dev session and a retargeted output link: each cached build equals a clean one", async () => {
  const sample = await samplePortal();
  const base = mkdtempSync(path.join(tmpdir(), "gongkai-history-"));
  const build = (root: string, out: string, cacheDir?: string, includeDrafts?: boolean) =>
    buildSite({
      site: sample.site,
      contentDir: path.join(root, "content"),
      outDir: path.join(root, out),
      now: sample.now,
      parts: incrementalParts(),
      cacheDir,
      includeDrafts,
    });
  const compare = async (root: string, what: string) => {
    rmSync(path.join(root, "clean"), { recursive: true, force: true });
    await build(root, "clean");
    assertSameOutput(path.join(root, "site"), path.join(root, "clean"), what);
  };
  const edit = (root: string, rel: string, change: (text: string) => string) => {
    const file = path.join(root, "content", rel);
    writeFileSync(file, change(readFileSync(file, "utf8")));
  };
  const retitle = (root: string, rel: string, mark: string) =>
    edit(root, rel, (t) => t.replace(/^title: (.*?)(（[一二三四五六七八]）)?$/m, `title: $1（${mark}）`));
  const herders = "news/2026/0305-nmgrb-grassland-herders.md";
  const planting = "news/2025/0425-tree-planting.md";
  try {
    const a = path.join(base, "a");
    mkdirSync(a);
    cpSync(sample.contentDir, path.join(a, "content"), { recursive: true });
    const cacheOf = (root: string) => path.join(root, "cache");
    await build(a, "site", cacheOf(a));

    // A preview (drafts shown) published into the output, then an ordinary build with the cache.
    edit(a, herders, (t) => t.replace(/^title: .*$/m, (l) => `${l}\ndraft: true`));
    await build(a, "site", cacheOf(a), true);
    retitle(a, planting, "一");
    await build(a, "site", cacheOf(a));
    await compare(a, "after a preview build into the published output");

    // A build without the cache into the output.
    edit(a, herders, (t) => t.replace("\ndraft: true", ""));
    await build(a, "site");
    retitle(a, planting, "二");
    await build(a, "site", cacheOf(a));
    await compare(a, "after a build without the cache");

    // The project moved (a renamed checkout): content, cache and output at new paths.
    const b = path.join(base, "b");
    renameSync(a, b);
    retitle(b, herders, "三");
    await build(b, "site", cacheOf(b));
    await compare(b, "after the project moved");

    // A second checkout with other edits, built with the first one's cache, then the first again.
    const c = path.join(base, "c");
    mkdirSync(c);
    cpSync(sample.contentDir, path.join(c, "content"), { recursive: true });
    retitle(c, planting, "四");
    rmSync(path.join(c, "content", herders));
    await build(c, "site", cacheOf(b));
    await compare(c, "a second checkout with the same cache");
    retitle(b, herders, "五");
    await build(b, "site", cacheOf(b));
    await compare(b, "the first checkout again");

    // `npm start` on the published output with the cache (its first build, then a rebuild per
    // save, written into the output), stopped, then a build.
    const { site: dev } = await DevSite.start({
      site: sample.site,
      contentDir: path.join(b, "content"),
      outDir: path.join(b, "site"),
      now: sample.now,
      cacheDir: cacheOf(b),
    });
    retitle(b, planting, "五");
    rmSync(path.join(b, "content", "news/2025/0527-nmgrb-huaxi-river.md"));
    assert.ok((await dev.rebuild()).ok);
    retitle(b, herders, "六");
    await build(b, "site", cacheOf(b));
    await compare(b, "after a dev session on the published output");

    // The output a symlink to a release folder, pointed at an empty one, then back.
    mkdirSync(path.join(b, "releases", "2"), { recursive: true });
    renameSync(path.join(b, "site"), path.join(b, "releases", "1"));
    symlinkSync(path.join(b, "releases", "1"), path.join(b, "site"));
    retitle(b, planting, "七");
    await build(b, "site", cacheOf(b));
    await compare(b, "through a symlink");
    unlinkSync(path.join(b, "site"));
    symlinkSync(path.join(b, "releases", "2"), path.join(b, "site"));
    retitle(b, planting, "八");
    await build(b, "site", cacheOf(b));
    await compare(b, "the link retargeted to an empty release folder");
    unlinkSync(path.join(b, "site"));
    symlinkSync(path.join(b, "releases", "1"), path.join(b, "site"));
    retitle(b, herders, "七");
    await build(b, "site", cacheOf(b));
    await compare(b, "the link back to the old release");
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
});
