/**
 * The pages name the generator's stylesheets and scripts by versioned names (assets/v/, a hash of
 * the bytes: src/pages/asset-versions.ts). When one changes (theme.css, with the settings' colours),
 * a build with the cache must equal a clean build: every page names the new file, and the old one
 * is gone from assets/v/ though the staging folder is the output before last (src/build/cache/spare.ts).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { incrementalFixture } from "../helpers/incremental-fixture.ts";

const f = await incrementalFixture();
const themes = () => readdirSync(path.join(f.published, "assets", "v")).filter((n) => n.startsWith("theme."));

test("a stylesheet changed: the build with the cache equals a clean one, and names the new file only", async () => {
  await f.compare("first build, empty cache");
  await f.compare("unchanged");
  const original = f.site;
  const [before] = themes();
  f.site = {
    ...original,
    theme: { ...original.theme, colors: { ...original.theme.colors, brand: "#123456" } },
  };
  await f.compare("theme recoloured");
  const after = themes();
  assert.equal(after.length, 1, "one theme.css");
  assert.notEqual(after[0], before, "under a new name");
  const home = readFileSync(path.join(f.published, "index.html"), "utf8");
  assert.ok(
    home.includes(`/assets/v/${after[0]}`) && !home.includes(before),
    "the home page names the new one",
  );
  f.site = original;
  await f.compare("theme as before");
  assert.deepEqual(themes(), [before]);
});
