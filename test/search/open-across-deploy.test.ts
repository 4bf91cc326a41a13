/**
 * A search page left open across a deploy (docs/search.md, "A search page left open across a
 * deploy"): its Worker opened the index before the deploy and asks for the index's files by the
 * same names afterwards, when the host serves the new build's files under them. It must answer
 * from the new build, without a reload: never a page the deploy removed, never 搜索暂时不可用. The
 * served folder is a symbolic link swapped at once, as an atomic deploy swaps a site. A bucket
 * sync is not atomic: its upload puts `index.updating.json` in index.json's place first and the new
 * index.json last (README.md), and meanwhile a search waits rather than read two builds' files.
 */
import { test, after } from "node:test";
import assert from "node:assert/strict";
import {
  appendFileSync,
  cpSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { buildSite } from "../../src/build/build-site.ts";
import { defaultPageSources } from "../../src/build/defaults.ts";
import { searchIndexStep } from "../../src/search/index-step.ts";
import { generateSyntheticPortal } from "../../bench/synthetic.ts";
import { UNAVAILABLE } from "../../src/assets/search-unavailable.js";
import { UPDATING } from "../../src/assets/search-waiting.js";
import { samplePortal } from "../helpers/sample-portal.ts";
import { newsItems } from "../helpers/counted-gram-site.ts";
import { serveStatic } from "../helpers/serve.ts";
import { launchBrowser, noBrowser } from "../helpers/browser.ts";

/** On one page before the deploy and on another after it. */
const MOVED = "甯鸫湾渡口";
/** Only on a page the deploy removes. */
const GONE = "荇菱坞码头";
/** On several pages in both builds (its files are read, and kept by the Worker, before the deploy). */
const KEPT = "鹬汀洲";

const root = mkdtempSync(path.join(tmpdir(), "gongkai-open-deploy-"));
after(() => rmSync(root, { recursive: true, force: true }));

const { site } = await samplePortal();
const contentDir = path.join(root, "content");
generateSyntheticPortal(site, contentDir, { count: 300 });
const items = newsItems(contentDir);
const [from, to, removed] = [items[10], items.at(-3)!, items.at(-40)!];
for (const file of [...items.slice(0, 40), removed]) appendFileSync(file, `\n\n${KEPT}的通告。\n`);
appendFileSync(from, `\n\n${MOVED}的通告。\n`);
appendFileSync(removed, `\n\n${GONE}的通告。\n`);
const urlOf = (file: string) => `/${path.relative(contentDir, file).replace(/\.md$/, "/")}`;

/** A build of the content as it is now, with small shards (several record and bucket files). */
async function build(name: string): Promise<string> {
  const outDir = path.join(root, name);
  const parts = { pages: defaultPageSources, steps: [searchIndexStep({ shardPages: 128, workers: 1 })] };
  await buildSite({ site, contentDir, outDir, now: Date.UTC(2026, 0, 1), parts });
  return outDir;
}

const before = await build("before");
// The deploy: a page removed, a word moved to another page.
writeFileSync(from, readFileSync(from, "utf8").replace(`${MOVED}的通告。`, ""));
appendFileSync(to, `\n\n${MOVED}的通告。\n`);
rmSync(removed);
const afterDeploy = await build("after");

/** The folder the server serves: a link to one build, swapped at once. */
const served = path.join(root, "served");
function deploy(outDir: string): void {
  const next = path.join(root, "served.next");
  symlinkSync(outDir, next);
  renameSync(next, served);
}
deploy(before);

/**
 * Submits `query` as the form's: its state is "searching" once this returns. Not typed: typing also
 * starts a search 300 ms later (search.js), which would clear the results this one showed.
 */
const submit = (page: Page, query: string) =>
  page.$eval(
    "#search-q",
    (input, q) => {
      (input as HTMLInputElement).value = q;
      (input as HTMLInputElement).form!.requestSubmit();
    },
    query,
  );

/** Searches `query` in the open page (as typed and submitted); the results' paths, or the status. */
async function search(page: Page, query: string): Promise<{ paths: string[]; status: string }> {
  await submit(page, query);
  await page.waitForSelector("#search-app[data-state=done], #search-app[data-state=error]", {
    timeout: 20_000,
  });
  const status = (await page.textContent("#search-status")) ?? "";
  const paths = await page.$$eval("#search-results li a", (as) =>
    as.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
  );
  return { paths: paths.sort(), status };
}

const count = async (page: Page) => Number(await page.getAttribute("#search-app", "data-result-count"));

test(
  "a search page open across a deploy answers from the new build, without a reload",
  { skip: noBrowser },
  async () => {
    const server = await serveStatic(served);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      // The page's own errors (search.js logs what made it say 搜索暂时不可用), not the browser's line
      // for a file gone (a 404 is how the Worker may first meet the new build).
      const errors: string[] = [];
      page.on(
        "console",
        (m) =>
          m.type() === "error" && !m.text().startsWith("Failed to load resource") && errors.push(m.text()),
      );
      const gone404: string[] = [];
      page.on("response", (r) => r.status() === 404 && gone404.push(new URL(r.url()).pathname));
      await page.goto(`${server.url}search/?q=${encodeURIComponent(MOVED)}`);
      await page.waitForSelector("#search-app[data-state=done]", { timeout: 20_000 });
      assert.deepEqual(await search(page, MOVED).then((r) => r.paths), [urlOf(from)]);
      assert.deepEqual(await search(page, GONE).then((r) => r.paths), [urlOf(removed)]);
      const kept = await search(page, KEPT);
      assert.equal(await count(page), 41, kept.status);

      deploy(afterDeploy);
      const moved = await search(page, MOVED);
      assert.deepEqual(moved.paths, [urlOf(to)], moved.status);
      const gone = await search(page, GONE);
      assert.deepEqual(gone.paths, [], gone.status);
      assert.match(gone.status, /没有找到/);
      // Read from files the Worker kept from before the deploy: still the new build's answer.
      const keptAfter = await search(page, KEPT);
      assert.equal(await count(page), 40, keptAfter.status);
      assert.ok(!keptAfter.paths.includes(urlOf(removed)));
      // Its next results, asked for after the deploy: of the new build too.
      await page.click("#search-more");
      await page.waitForFunction(() => document.querySelectorAll("#search-results li").length >= 20, null, {
        timeout: 20_000,
      });
      const all = await page.$$eval("#search-results li a", (as) =>
        as.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
      );
      assert.ok(!all.includes(urlOf(removed)), JSON.stringify(all));
      for (const r of [moved, gone, keptAfter]) assert.ok(!r.status.includes(UNAVAILABLE), r.status);
      assert.deepEqual(errors, []);
      console.log(
        `files gone after the deploy, asked for by the Worker before it reopened: ${gone404.join(" ") || "none"}`,
      );

      // And back (a rollback is a deploy too).
      deploy(before);
      assert.deepEqual(await search(page, MOVED).then((r) => r.paths), [urlOf(from)]);
    } finally {
      await browser.close();
      await server.close();
    }
  },
);

test(
  "while a bucket upload is under way a search waits for it, says why, then answers from the new build",
  { skip: noBrowser },
  async () => {
    // Half uploaded: index.json replaced by the build's stub, the new buckets over the old build's files.
    const half = path.join(root, "half");
    cpSync(before, half, { recursive: true });
    cpSync(path.join(afterDeploy, "pagefind", "g"), path.join(half, "pagefind", "g"), { recursive: true });
    cpSync(
      path.join(afterDeploy, "pagefind", "index.updating.json"),
      path.join(half, "pagefind", "index.json"),
    );
    deploy(before);
    const server = await serveStatic(served);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(`${server.url}search/?q=${encodeURIComponent(GONE)}`);
      await page.waitForSelector("#search-app[data-state=done]", { timeout: 20_000 });
      assert.deepEqual(await search(page, MOVED).then((r) => r.paths), [urlOf(from)]);

      deploy(half);
      await submit(page, MOVED);
      // A page opened during the upload waits too.
      const opened = await browser.newPage();
      await opened.goto(`${server.url}search/?q=${encodeURIComponent(GONE)}`);
      // Both still searching, and the reader told why (search-waiting.js).
      for (const p of [page, opened]) {
        await p.waitForFunction(
          (text) => document.getElementById("search-status")?.textContent === text,
          UPDATING,
          {
            timeout: 10_000,
          },
        );
        assert.equal(await p.getAttribute("#search-app", "data-state"), "searching");
      }

      deploy(afterDeploy);
      await page.waitForSelector("#search-app[data-state=done]", { timeout: 20_000 });
      const paths = await page.$$eval("#search-results li a", (as) =>
        as.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
      );
      assert.deepEqual(paths, [urlOf(to)]);
      await opened.waitForSelector("#search-app[data-state=done]", { timeout: 20_000 });
      assert.match((await opened.textContent("#search-status")) ?? "", /没有找到/);
    } finally {
      await browser.close();
      await server.close();
    }
  },
);
