/** README's "How it works" names every folder of src/, so a newcomer finds where things live. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

test("README's How it works lists every folder of src/", () => {
  const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
  const section = readme.slice(
    readme.indexOf("## How it works"),
    readme.indexOf("\n## ", readme.indexOf("## How it works") + 3),
  );
  const folders = readdirSync(path.join(ROOT, "src"), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
  assert.ok(folders.length > 10);
  assert.deepEqual(
    folders.filter((name) => !section.includes(`| \`src/${name}/\` |`)),
    [],
  );
});
