/**
 * The shards' proofs ask of every page whether it was rendered anew by its URL (search-proof.ts
 * `inFiles`), not by its output file made per page: the answer is `outputFileOf`'s for every
 * shape of URL, those it looks up as they are and those it looks up by their file.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { inFiles } from "../../src/build/cache/search-proof.ts";
import { outputFileOf } from "../../src/eleventy/site-outputs.ts";

const URLS = [
  "/",
  "/index.html",
  "/news/2026/a/",
  "/news/2026/a/index.html",
  "/news/2026/a",
  "/news/2026/b/",
  "/news/2026/b.html",
  "/x/index.html/",
  "//news/2026/a/",
  "news/2026/a/",
  "/%E6%96%B0%E9%97%BB/",
  "/新闻/",
  "/news/2026/a/index.htm",
  "/findex.html",
];

test("a URL is in the files exactly when its output file is", () => {
  const files = [
    ["index.html", "news/2026/a/index.html", "新闻/index.html"],
    ["news/2026/a", "news/2026/b.html", "x/index.html/index.html"],
    ["findex.html"],
    [],
  ];
  for (const list of files) {
    const set = new Set(list);
    const has = inFiles(set);
    for (const url of URLS)
      assert.equal(has(url), set.has(outputFileOf(url)), `${url} in ${list.join(", ")}`);
  }
});
