import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { bundleModules } from "../../src/search/worker-bundle.ts";

function modules(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "gongkai-bundle-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

test("modules laid end to end keep their own scopes and run as one module", async () => {
  const dir = modules({
    "a.js": `const secret = 1;\nexport const A = secret + 1;\nexport function twice(x) {\n  return x * 2;\n}\n`,
    "b.js": `import { A, twice } from "./a.js";\nconst secret = 10;\nexport class B {\n  value() {\n    return twice(A) + secret;\n  }\n}\nexport { secret };\n`,
    "main.js": `import { B, secret } from "./b.js";\nimport "./a.js";\nglobalThis.result = [new B().value(), secret];\n`,
  });
  const text = bundleModules(path.join(dir, "main.js"));
  assert.equal(text.match(/const __a = /g)?.length, 1, "a module imported twice is included once");
  assert.ok(!/^\s*(import|export)\b/m.test(text), "no import or export left");
  const file = path.join(dir, "bundle.mjs");
  writeFileSync(file, text);
  await import(file);
  assert.deepEqual((globalThis as unknown as { result: number[] }).result, [14, 10]);
});

test("anything but named imports of ./x.js and exported declarations is refused", () => {
  for (const [source, message] of [
    [`import thing from "./a.js";\n`, /only named imports/],
    [`import {\n  a,\n} from "./a.js";\n`, /only named imports/],
    [`export default 1;\n`, /unsupported export/],
    [`export { a as b };\n`, /renamed exports/],
  ] as const) {
    const dir = modules({ "a.js": "export const a = 1;\n", "main.js": source });
    assert.throws(() => bundleModules(path.join(dir, "main.js")), message, source);
  }
});

test("the search page's and the Worker's bundles hold every module they import", () => {
  const page = bundleModules(path.resolve(import.meta.dirname, "../../src/assets/search.js"));
  for (const name of ["search_query", "search_result", "search_client", "search"])
    assert.match(page, new RegExp(`const __${name} = `));
  const text = bundleModules(path.resolve(import.meta.dirname, "../../src/assets/search-worker.js"));
  for (const name of [
    "search_query",
    "search_stream",
    "search_index",
    "search_result",
    "search_site_index",
    "search_match",
    "search_worker",
  ])
    assert.match(text, new RegExp(`const __${name} = `));
});
