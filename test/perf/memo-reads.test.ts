/**
 * Values memoized per portal and the build cache (src/portal/memo-reads.ts): a policy's page shows
 * the documents that amend it (policyHistory, computed once per portal). Editing the amending
 * document must render the amended one again, whichever page computed the memo first; the output
 * equals a build without the cache after each edit.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { cachedBuilds } from "../helpers/cached-build.ts";
import { createFixture, textOf } from "../helpers/fixture.ts";
import { indexNo as no, numberedPolicy as policy } from "../helpers/policy-fixture.ts";

test("a page showing another document through a per-portal memo is rendered again when that document changes", async () => {
  const fixture = createFixture({
    "policies/2026/first.md": policy(1, "测试市低保办法"),
    "policies/2026/first-amendment.md": policy(2, "关于修改《测试市低保办法》的决定", { amends: [no(1)] }),
    "policies/2026/second.md": policy(3, "测试市公租房办法"),
    "policies/2026/second-amendment.md": policy(4, "关于修改《测试市公租房办法》的决定", { amends: [no(3)] }),
  });
  const { build, edit, sameAsClean } = cachedBuilds(fixture, "2026-12-30 12:00");

  await build(fixture.outDir);
  // Both amended pages are taken from the cache unless the memo's reads are theirs too.
  edit(
    "policies/2026/first-amendment.md",
    "关于修改《测试市低保办法》的决定",
    "关于修订《测试市低保办法》的决定",
  );
  await build(fixture.outDir);
  assert.match(
    textOf(fixture.read("/policies/2026/first/")),
    /本文件已被修改：关于修订《测试市低保办法》的决定/,
  );
  await sameAsClean("first");
  edit(
    "policies/2026/second-amendment.md",
    "关于修改《测试市公租房办法》的决定",
    "关于修订《测试市公租房办法》的决定",
  );
  await build(fixture.outDir);
  assert.match(
    textOf(fixture.read("/policies/2026/second/")),
    /本文件已被修改：关于修订《测试市公租房办法》的决定/,
  );
  await sameAsClean("second");
});
