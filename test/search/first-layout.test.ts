import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";

const assets = path.resolve(import.meta.dirname, "../../src/assets");

test("the search page's first script matches the fonts of site.css's stack, the same families in the same order", () => {
  const css = readFileSync(path.join(assets, "site.css"), "utf8");
  const script = readFileSync(path.join(assets, "search-first-layout.js"), "utf8");
  const cssStack = /--font:\s*([^;]+);/.exec(css)?.[1];
  const scriptStack = /var STACK =\s*((?:'[^']*'\s*\+?\s*)+);/.exec(script)?.[1];
  assert.ok(cssStack && scriptStack);
  const families = (stack: string) =>
    stack
      .replace(/\s+/g, " ")
      .split(",")
      .map((f) => f.trim());
  // The script's string is written as JavaScript string literals joined with +.
  const joined = [...scriptStack.matchAll(/'([^']*)'/g)].map((m) => m[1]).join("");
  assert.deepEqual(families(joined), families(cssStack));
});

test("without a CJK font the page's stack is site.css's without its CJK families and sans-serif, ended by the last-resort face, in search.css and the script alike", () => {
  const site = readFileSync(path.join(assets, "site.css"), "utf8");
  const css = readFileSync(path.join(assets, "search.css"), "utf8");
  const script = readFileSync(path.join(assets, "search-first-layout.js"), "utf8");
  const families = (stack: string) => stack.split(",").map((f) => f.trim());
  const siteStack = families(/--font:\s*([^;]+);/.exec(site)![1]);
  const cssStack = families(/\.search-last-resort body \{ font-family: ([^;]+); \}/.exec(css)![1]);
  const face = /var LAST_RESORT = "([^"]+)";/.exec(script)![1];
  const scriptStack = /STACK = '([^']+)' \+ LAST_RESORT \+ '"'/.exec(script)![1] + face + '"';
  // The CJK families: none is installed where the face is made (a CJK font would draw 一).
  const cjk = /PingFang|Hiragino|YaHei|CJK|Han Sans|WenQuanYi|Heiti/;
  // -apple-system names the system font on Apple's systems only, which all have CJK fonts; sans-serif
  // is left out too (system-ui drew the script's check, and every family is one more synchronous
  // font call per size: search-font-calls.test.ts).
  const latin = siteStack.filter((f) => !cjk.test(f) && f !== "-apple-system" && f !== "sans-serif");
  assert.deepEqual(cssStack, [...latin, `"${face}"`]);
  assert.deepEqual(families(scriptStack), cssStack);
});
