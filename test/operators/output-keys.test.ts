/**
 * The enumeration's lookup by file (src/eleventy/site-outputs.ts) keys an output by its URL when
 * the URL has one leading slash, so no key string is made per output (~95k at 50k items). The
 * answers must be those of keying every output by its output file (`/a/` and `/a/index.html` are
 * one file, `/a` another): duplicates, `find`, `has` and `declares`, for every odd URL.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import v8 from "node:v8";
import vm from "node:vm";
import { SiteOutputs, type SiteOutput } from "../../src/eleventy/site-outputs.ts";

/** The output file of a URL, as Eleventy writes it, leading slashes dropped, undecoded. */
function fileOf(url: string): string {
  const clean = url.replace(/^\/+/, "");
  return clean === "" || clean.endsWith("/") ? `${clean}index.html` : clean;
}

/** The answers of a list keyed by output file, compared output by output. */
function naive(outputs: readonly SiteOutput[]) {
  const files = outputs.filter((o) => !o.folder);
  const folders = outputs.filter((o) => o.folder);
  const prefix = (f: SiteOutput) => fileOf(f.url).slice(0, -"index.html".length);
  const first = (file: string) => files.find((o) => fileOf(o.url) === file);
  const duplicates: { url: string; sources: readonly [string, string] }[] = [];
  files.forEach((o, i) => {
    const before = files.slice(0, i).find((p) => fileOf(p.url) === fileOf(o.url));
    if (before) duplicates.push({ url: o.url, sources: [before.source, o.source] });
  });
  const firsts = files.filter((o, i) => files.findIndex((p) => fileOf(p.url) === fileOf(o.url)) === i);
  for (const folder of folders)
    for (const o of firsts)
      if (fileOf(o.url).startsWith(prefix(folder)))
        duplicates.push({ url: o.url, sources: [folder.source, o.source] });
  return {
    duplicates,
    find: (url: string) => first(fileOf(url)) ?? folders.find((f) => fileOf(url).startsWith(prefix(f))),
    declares: (file: string) =>
      files.some((o) => fileOf(o.url) === file) || folders.some((f) => file.startsWith(prefix(f))),
  };
}

const URLS = [
  "/",
  "",
  "//",
  "/index.html",
  "index.html",
  "//index.html",
  "/a/",
  "/a/index.html",
  "a/",
  "//a/",
  "/a",
  "a",
  "/aindex.html",
  "/a/bindex.html",
  "/a/b/",
  "/a/b/index.html",
  "/a/b/c.xml",
  "/A/",
  "/%E6%96%B0/",
  "/news/2026/x/",
  "/news/2026/x/index.html/",
  "/index.html/",
  "/search/",
  "/search/g/b.bin",
];

const QUERIES = [
  ...URLS,
  "a/index.html",
  "a/b/index.html",
  "a/b/c.xml",
  "aindex.html",
  "search/x.json",
  "search/g/",
  "/search/g/z",
  "news/2026/x/index.html",
  "b",
  "index.htm",
];

test("outputs keyed by URL answer as outputs keyed by their file, for every odd URL", () => {
  const sets: SiteOutput[][] = [
    URLS.map((url, i) => ({ url, source: `s${i}` })),
    URLS.map((url, i) => ({ url, source: `s${i}` })).reverse(),
    [
      ...URLS.slice(10).map((url, i) => ({ url, source: `p${i}` })),
      { url: "/search/", source: "index", folder: true as const },
      { url: "/a/", source: "a-folder", folder: true as const },
      { url: "/", source: "root", folder: true as const },
      { url: "/x", source: "odd folder", folder: true as const },
    ],
    // More folder outputs than are compared with every key: found through each key's own folders.
    [
      ...URLS.slice(5).map((url, i) => ({ url, source: `q${i}` })),
      ...[
        "/search/",
        "/search/g/",
        "/a/",
        "/a/b/",
        "/news/",
        "/news/2026/",
        "/A/",
        "//a/",
        "/z/y/x/",
        "/b/",
        "/c/d/",
        "/",
      ].map((url, i) => ({ url, source: `folder${i}`, folder: true as const })),
      { url: "/x", source: "odd folder", folder: true as const },
    ],
  ];
  for (const outputs of sets) {
    const them = new SiteOutputs(outputs);
    const want = naive(outputs);
    assert.deepEqual(them.duplicates, want.duplicates);
    for (const q of QUERIES) {
      assert.equal(them.find(q), want.find(q), `find ${JSON.stringify(q)}`);
      assert.equal(them.has(q), want.find(q) !== undefined, `has ${JSON.stringify(q)}`);
      assert.equal(them.declares(q), want.declares(q), `declares ${JSON.stringify(q)}`);
    }
  }
});

test("an output with one leading slash costs its lookup no string of its own", () => {
  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc") as () => void;
  const n = 20_000;
  // Flat URL strings, as a page's URL is once it has been hashed or written.
  const outputs: SiteOutput[] = Array.from({ length: n }, (_, i) => ({
    url: `/news/2026/item-${String(i).padStart(6, "0")}/`.split("").join(""),
    source: "details",
  }));
  gc();
  const before = process.memoryUsage().heapUsed;
  const them = new SiteOutputs(outputs);
  gc();
  const perOutput = (process.memoryUsage().heapUsed - before) / n;
  assert.equal(them.duplicates.length, 0);
  assert.ok(them.has("/news/2026/item-000001/index.html"));
  // The map's entries and buckets are ~40 bytes an output; a `news/…/index.html` key string of
  // its own made it ~110.
  assert.ok(perOutput < 75, `${perOutput.toFixed(0)} bytes an output`);
});
