/**
 * worker.js carries its index's manifest (docs/search.md, search33): the Worker named after the
 * search page's address fetches its first grams at once, beside index.json, instead of after it; it
 * answers only once index.json is in, and when index.json differs (a worker.js from an earlier build,
 * cached), it searches again on the fetched manifest. The Worker's own module runs here in Node with
 * `self` and `fetch` stood in for the browser's, on the index of a small synthetic portal.
 */
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { setImmediate as tick } from "node:timers/promises";
import { countedGramSite } from "../helpers/counted-gram-site.ts";
import { manifestLine } from "../../src/search/search-scripts.ts";
import { SiteIndex } from "../../src/assets/search-site-index.js";
import { foldText } from "../../src/assets/search-query.js";

const { root, folder } = await countedGramSite("gongkai-worker-manifest-", { count: 300 });
after(() => rmSync(root, { recursive: true, force: true }));

const manifestText = readFileSync(path.join(folder, "index.json"), "utf8");
const manifest = JSON.parse(manifestText) as { version: string; buckets: number };

/** A four-character term from a page title (two covering bigrams: lists and positions). */
const term = await (async () => {
  const index = await new SiteIndex("/pagefind/").open();
  for (let id = 0; ; id++) {
    const title = foldText((await index.record(id)).meta.title);
    const at = [...title].findIndex((_, k, cps) =>
      cps.slice(k, k + 4).every((c) => /\p{Script=Han}/u.test(c)),
    );
    if (at >= 0) return [...title].slice(at, at + 4).join("");
  }
})();

interface Run {
  /** `file?v=version`, in the order asked for. */
  requests: string[];
  /** Whether a gram's file (g/ or x/) was asked for while index.json was held back. */
  gramBeforeManifest: boolean;
  answer: { ids: Int32Array; data: unknown[] };
}

let runs = 0;
const WORKER_MODULE = new URL("../../src/assets/search-worker.js", import.meta.url).href;

/**
 * The Worker's module started as search-boot.js starts it (named "open" + the address), with `embedded`
 * as worker.js's manifest; index.json's response is held until a gram's file is asked for, or the
 * Worker has had many turns without asking (no clock: the order is what is checked).
 */
async function runWorker(embedded: unknown): Promise<Run> {
  const requests: string[] = [];
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const g = globalThis as Record<string, unknown>;
  g.fetch = async (url: string) => {
    const { pathname, searchParams } = new URL(url, "http://x/");
    const file = pathname.replace(/^\/pagefind\//, "");
    requests.push(`${file}?v=${searchParams.get("v") ?? ""}`);
    if (file === "index.json") await held;
    try {
      return new Response(readFileSync(path.join(folder, file)));
    } catch {
      return new Response("", { status: 404 });
    }
  };
  const posted: { id: number; value?: unknown; error?: string }[] = [];
  Object.assign(g, {
    self: globalThis,
    name: `open?q=${encodeURIComponent(term)}`,
    location: { href: "http://x/pagefind/worker.js" },
    postMessage: (m: { id: number }) => posted.push(m),
    searchIndexManifest: embedded,
  });
  // A fresh instance of the module for each run (its state is the Worker's).
  // A fresh module each run; the URL made at run time, so the compiled copy (npm test) imports the
  // source too (esbuild would take a template literal for a glob of files to bundle).
  await import(`${WORKER_MODULE}?run=${runs++}`);
  const grams = () => requests.some((r) => /^[gx]\//.test(r));
  for (let turn = 0; turn < 500 && !grams(); turn++) await tick();
  const gramBeforeManifest = grams();
  release();
  (g.onmessage as (e: { data: unknown }) => void)({ data: { id: 1, type: "early" } });
  while (!posted.length) await tick();
  assert.equal(posted[0].error, undefined);
  return { requests, gramBeforeManifest, answer: posted[0].value as Run["answer"] };
}

const files = (run: Run, version = manifest.version) =>
  new Set(run.requests.filter((r) => r.endsWith(`?v=${version}`)).map((r) => r.replace(/\?.*$/, "")));

const plain = await runWorker(undefined);

test("worker.js starts with its index's manifest", () => {
  const worker = readFileSync(path.join(folder, "worker.js"), "utf8");
  assert.ok(worker.startsWith(manifestLine(JSON.parse(manifestText))), "the manifest line first");
  assert.equal(`${JSON.stringify(JSON.parse(manifestText))}\n`, manifestText);
});

test("with the manifest, the first grams are asked for before index.json is in; same answer, same files", async () => {
  assert.equal(plain.gramBeforeManifest, false, "without it, the grams wait for index.json");
  assert.ok(plain.answer.ids.length > 0, `${term} is found`);
  const run = await runWorker(JSON.parse(manifestText));
  assert.equal(run.gramBeforeManifest, true, run.requests.join(" "));
  assert.deepEqual([...run.answer.ids], [...plain.answer.ids]);
  assert.deepEqual(run.answer.data, plain.answer.data);
  assert.deepEqual(run.requests.sort(), plain.requests.sort(), "the same requests, index.json included");
});

test("a manifest from an earlier build: searched again on index.json's, same answer", async () => {
  for (const stale of [
    { ...manifest, version: "0000000000000000" },
    // Another bucket count: the guessed buckets are not there (404), the guess fails.
    { ...manifest, version: "0000000000000000", buckets: manifest.buckets * 2 },
  ]) {
    const run = await runWorker(stale);
    assert.deepEqual([...run.answer.ids], [...plain.answer.ids]);
    assert.deepEqual(run.answer.data, plain.answer.data);
    assert.ok(files(run, stale.version).size > 0, "the guess asked for its files");
    assert.deepEqual(files(run), files(plain), "then every file of the search with index.json's version");
  }
});
