/**
 * Every URL a page or stylesheet names under assets/ and the search folder is a file in their
 * `v/` folders whose name carries the hash of its bytes, so `_headers` may let a reader keep those
 * files for a year: after a deploy no page is shown with a cached stylesheet or script of the
 * build before (issue 14: a day-old worker.js refused a new index). The Worker's URL names its
 * code's version. Each file has at most one Cache-Control rule, immutable only for named versions.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSite } from "../../src/build/build-site.ts";
import { outputFiles } from "../../src/build/output-files.ts";
import { CACHE_HEADERS } from "../../src/deploy/security-headers.ts";
import { contentVersion } from "../../src/view/asset-version.ts";
import type { Site } from "../../src/config/schema.ts";
import { samplePortal } from "../helpers/sample-portal.ts";
import { headersFor, parseHeadersFile } from "../helpers/headers-rules.ts";

const PREFIX = "/portal/";
const VERSIONED = /^\/portal\/(?:assets|pagefind)\//;

/** Every URL under assets/ or pagefind/ a page names (src, href), and every url() of a page or stylesheet. */
function references(outDir: string): { file: string; url: string }[] {
  const found: { file: string; url: string }[] = [];
  for (const file of outputFiles(outDir)) {
    const text =
      file.endsWith(".html") || file.endsWith(".css") ? readFileSync(path.join(outDir, file), "utf8") : "";
    for (const [, url] of text.matchAll(/(?:src|href)="([^"]*)"/g))
      if (VERSIONED.test(url)) found.push({ file, url });
    for (const [, url] of text.matchAll(/url\("?([^")]*)"?\)/g)) found.push({ file, url });
  }
  return found;
}

/** The file a versioned URL names (`assets/v/site.css` for `/portal/assets/v/site.<hash>.css`) and its hash. */
const versionIn = (url: string) =>
  /^\/portal\/(assets|pagefind)\/v\/([\w-]+)\.([0-9a-f]{12})(\.\w+)$/.exec(url);

async function build(site: Site, contentDir: string, now: number): Promise<string> {
  const outDir = path.join(mkdtempSync(path.join(tmpdir(), "gongkai-asset-versions-")), "site");
  await buildSite({ site, contentDir, outDir, now });
  return outDir;
}

test("every asset URL of every page carries the hash of the current file; the headers keep only those a year", async (t) => {
  const { site, contentDir, now } = await samplePortal(PREFIX);
  const outDir = await build(site, contentDir, now);
  t.after(() => rmSync(path.dirname(outDir), { recursive: true, force: true }));
  const refs = references(outDir);
  const named = new Set<string>();
  for (const { file, url } of refs) {
    if (url.startsWith("data:")) continue;
    // A stylesheet names other files by a site path: relative to a versioned URL, it would name an unversioned one.
    assert.ok(url.startsWith("/"), `${file}: url(${url}) is not a site path`);
    if (!VERSIONED.test(url)) continue;
    const parts = versionIn(url);
    assert.ok(parts, `${file}: ${url} is no versioned name`);
    const rel = url.slice(PREFIX.length);
    assert.equal(
      parts[3],
      contentVersion(readFileSync(path.join(outDir, rel))),
      `${file}: ${url} is named by its bytes`,
    );
    named.add(`${parts[1]}/${parts[2]}${parts[4]}`);
  }
  for (const rel of [
    "assets/site.css",
    "assets/theme.css",
    "assets/print.css",
    "assets/home.css",
    "assets/site.js",
    "assets/favicon.svg",
    "assets/emblem.svg",
    "assets/dzjg.svg",
    "assets/cursor.svg",
    "assets/cursor-pointer.svg",
    "assets/search-page.css",
    "pagefind/search-head.js",
    "pagefind/search-page.js",
  ])
    assert.ok(named.has(rel), `some page names ${rel}`);
  assert.ok(refs.filter((r) => r.file.endsWith(".html")).length > 100, "the pages were read");

  // The Worker, started by the search page's two scripts, by its code's version (worker.js also
  // starts with the index's manifest, which the page cannot know: it is revalidated instead).
  const worker = readFileSync(path.join(outDir, "pagefind/worker.js"), "utf8");
  const code = worker.replace(/^self\.searchIndexManifest = .*;\n/, "");
  assert.notEqual(code, worker, "worker.js starts with its manifest");
  for (const script of ["search-head.js", "search-page.js"]) {
    const text = readFileSync(path.join(outDir, "pagefind", script), "utf8");
    assert.equal(
      /^self\.gongkaiSearchWorker = "worker\.js\?v=([0-9a-f]{12})";\n/.exec(text)?.[1],
      contentVersion(code),
      `${script} starts the Worker of this build's code`,
    );
  }

  // One Cache-Control per file (hosts read two matching rules differently): a year only for a
  // versioned name; the index's files (URLs with the index's version, names kept) a day; its
  // manifest (and the stub an upload puts in its place) and the Worker revalidated; the plain names
  // under assets/ the host's default.
  const rules = parseHeadersFile(readFileSync(path.join(outDir, "_headers"), "utf8"));
  const revalidated = new Set(["pagefind/index.json", "pagefind/index.updating.json", "pagefind/worker.js"]);
  for (const rel of outputFiles(outDir).filter((f) => /^(assets|pagefind)\//.test(f))) {
    const value = headersFor(rules, PREFIX + rel)["Cache-Control"];
    const expected = /^(assets|pagefind)\/v\//.test(rel)
      ? CACHE_HEADERS.versioned
      : revalidated.has(rel)
        ? CACHE_HEADERS.pages
        : rel.startsWith("pagefind/") && !/^pagefind\/[\w-]+\.js$/.test(rel)
          ? CACHE_HEADERS.index
          : undefined;
    assert.equal(value, expected, `${rel}: Cache-Control`);
  }
  assert.equal(
    headersFor(rules, `${PREFIX}news/`)["Cache-Control"],
    undefined,
    "pages keep the host's revalidation",
  );
});

test("a changed stylesheet is a new URL on every page that links it; the others keep theirs", async (t) => {
  const { site, contentDir, now } = await samplePortal(PREFIX);
  const before = await build(site, contentDir, now);
  const recoloured: Site = {
    ...site,
    theme: { ...site.theme, colors: { ...site.theme.colors, brand: "#123456" } },
  };
  const after = await build(recoloured, contentDir, now);
  t.after(() => {
    for (const dir of [before, after]) rmSync(path.dirname(dir), { recursive: true, force: true });
  });
  assert.notEqual(
    readFileSync(path.join(before, "assets/theme.css"), "utf8"),
    readFileSync(path.join(after, "assets/theme.css"), "utf8"),
  );
  const byPage = (outDir: string) => {
    const urls = new Map<string, string[]>();
    for (const { file, url } of references(outDir))
      if (file.endsWith(".html")) urls.set(file, [...(urls.get(file) ?? []), url]);
    return urls;
  };
  const was = byPage(before);
  const now2 = byPage(after);
  assert.deepEqual([...now2.keys()], [...was.keys()]);
  const linking = { theme: 0, search: 0 };
  for (const [file, urls] of was) {
    const next = now2.get(file)!;
    for (const [k, url] of urls.entries()) {
      const changed = /\/assets\/v\/(theme|search-page)\./.test(url);
      if (changed) {
        assert.notEqual(next[k], url, `${file}: ${url} changed with the theme`);
        linking[/\/v\/theme\./.test(url) ? "theme" : "search"]++;
      } else assert.equal(next[k], url, `${file}: ${url} is the same file`);
    }
  }
  assert.ok(linking.theme > 100 && linking.search === 1, JSON.stringify(linking));
});
