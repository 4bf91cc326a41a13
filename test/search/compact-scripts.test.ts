/**
 * The search page's three scripts are written without comments or indentation (src/search/compact-script.ts):
 * every byte of them is fetched and parsed before the Worker starts or asks for anything (docs/search.md,
 * search34). The page still starts its Worker from its first script and shows the address's results,
 * with no script error; names are kept, so an error's stack still says where.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { bundleModules } from "../../src/search/worker-bundle.ts";
import { compactScript } from "../../src/search/compact-script.ts";
import { SEARCH_SCRIPTS, manifestLine } from "../../src/search/search-scripts.ts";
import { transformSync } from "esbuild";
import { noBrowser } from "../helpers/browser.ts";
import { searchDone, searchSample } from "../helpers/search-sample.ts";

const s = searchSample();
const tokens = (code: string) =>
  transformSync(code, { minifyWhitespace: true, charset: "utf8", loader: "js" }).code;

test("each script is its bundle without comments, the Worker's after its manifest line", () => {
  const manifest = JSON.parse(readFileSync(path.join(s.outDir, "pagefind", "index.json"), "utf8"));
  for (const [name, source] of Object.entries(SEARCH_SCRIPTS)) {
    const written = readFileSync(path.join(s.outDir, "pagefind", name), "utf8");
    const bundle = bundleModules(fileURLToPath(source));
    const lead = name === "worker.js" ? manifestLine(manifest) : "";
    assert.equal(written, lead + compactScript(bundle), name);
    // The bundle's own first line and a sentence of a doc comment are gone; the functions' names are not.
    assert.ok(!written.includes("laid end to end by src/search/worker-bundle.ts"), name);
    assert.ok(!/\/\*\*|^\s*\/\/ /m.test(written.slice(lead.length)), `${name}: no comment left`);
    assert.ok(
      written.length - lead.length < 0.75 * bundle.length,
      `${name}: ${written.length} of ${bundle.length}`,
    );
    // The same program: esbuild's parse of both, printed without white space, is the same text.
    assert.equal(tokens(written), tokens(lead + bundle), `${name}: the same tokens`);
  }
  const worker = readFileSync(path.join(s.outDir, "pagefind", "worker.js"), "utf8");
  for (const name of ["function openFromName", "function matchPages", "class SiteIndex"])
    assert.ok(worker.includes(name), `${name} kept`);
  const head = readFileSync(path.join(s.outDir, "pagefind", "search-head.js"), "utf8");
  assert.ok(head.includes("function matchSizes"), "the head script's names kept");
});

test(
  "the compacted page starts its Worker from the first script and shows the address's results",
  { skip: noBrowser },
  async () => {
    const page = await s.browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    const query = "秸秆禁烧";
    await page.goto(`${s.server.url}search/?q=${encodeURIComponent(query)}`);
    const count = await searchDone(page, query);
    assert.equal(count, s.containing(query).length);
    assert.ok(count > 0, `${query} is found`);
    // The Worker the head script started (named after the address), not one the page's module started.
    assert.equal(
      await page.evaluate(
        () =>
          self.name === "" &&
          Boolean((window as unknown as { gongkaiSearch?: { worker?: Worker } }).gongkaiSearch?.worker),
      ),
      true,
    );
    assert.deepEqual(errors, []);
    await page.close();
  },
);

test("what a line-by-line compaction cannot be sure of is refused", () => {
  assert.equal(
    compactScript("  /**\n   * a\n   */\n  const a = 1; // kept\n\n// gone\nf(`x`);\n"),
    "const a = 1; // kept\nf(`x`);\n",
  );
  for (const [code, message] of [
    ["const t = `a\n  // b\n`;\n", /template literal/],
    ['const s = "a\\\n  b";\n', /string over several lines/],
    ["/* a */ const a = 1;\n", /code after a block comment/],
    ["const a = 1; /* a\n b */\n", /block comment opened after code/],
  ] as const)
    assert.throws(() => compactScript(code), message, code);
});
