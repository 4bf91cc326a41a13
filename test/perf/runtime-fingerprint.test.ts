/**
 * The build cache's fingerprint names the runtime's ICU data as well as Node's version
 * (src/build/cache/fingerprint.ts `runtimeFingerprint`): a Node linked against the system's ICU
 * keeps its version when that is upgraded, and collation, time zones and case folding can change
 * the pages. With other ICU data, nothing is taken from the cache.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { cachedBuilds } from "../helpers/cached-build.ts";
import { createFixture, news } from "../helpers/fixture.ts";

test("other ICU data under the same Node version: no page is taken from the build cache", async () => {
  const fixture = createFixture({
    "news/2026/spring.md": news("春季植树活动启动", "2026-03-12 09:00"),
    "news/2026/summer.md": news("夏季防汛工作会议召开", "2026-06-20 09:00"),
  });
  const { build } = cachedBuilds(fixture, "2026-06-30 12:00");
  await build(fixture.outDir);
  assert.ok((await build(fixture.outDir)).cache!.reused > 0, "the same runtime reuses pages");
  const real = Object.getOwnPropertyDescriptor(process.versions, "tz")!;
  Object.defineProperty(process.versions, "tz", { ...real, value: `${String(real.value)}-other` });
  try {
    const other = await build(fixture.outDir);
    assert.equal(other.cache!.reused, 0);
    assert.ok(other.cache!.ignored, "the cache says why it was not used");
  } finally {
    Object.defineProperty(process.versions, "tz", real);
  }
});
