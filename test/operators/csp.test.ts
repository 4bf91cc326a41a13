import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSite } from "../../src/build/build-site.ts";
import { outputFiles } from "../../src/build/output-files.ts";
import type { BuildState } from "../../src/eleventy/state.ts";
import {
  CONTENT_SECURITY_POLICY,
  MEDIA_SECURITY_POLICY,
  contentSecurityPolicy,
  headersFile,
  securityHeaders,
  strictTransportSecurity,
} from "../../src/deploy/security-headers.ts";
import type { Site } from "../../src/config/schema.ts";
import { headersFor, parseHeadersFile } from "../helpers/headers-rules.ts";
import { serveStatic } from "../helpers/serve.ts";
import { launchBrowser, noBrowser } from "../helpers/browser.ts";
import { samplePortal } from "../helpers/sample-portal.ts";

const PREFIX = "/portal/";

async function buildSample(): Promise<{ outDir: string; state: BuildState; site: Site }> {
  const { site, contentDir, now } = await samplePortal(PREFIX);
  const outDir = path.join(mkdtempSync(path.join(tmpdir(), "gongkai-csp-")), "_site");
  const { state } = await buildSite({ site, contentDir, outDir, now });
  return { outDir, state, site };
}

/** The built `_headers` file as the static test server's headers, rule by rule as the hosts apply it. */
function hostHeaders(outDir: string) {
  const rules = parseHeadersFile(readFileSync(path.join(outDir, "_headers"), "utf8"));
  return (pathname: string) => headersFor(rules, pathname);
}

/** One URL of every kind of page the portal generates. */
function oneOfEachTemplate(state: BuildState): string[] {
  const detail = (type: string) => state.details.find((r) => r.type === type)?.url;
  const firstList = (prefix: string) => state.lists.find((l) => l.url.startsWith(prefix))?.url;
  const urls = [
    "/",
    "/sitemap/",
    "/contact/",
    "/topics/",
    "/search/",
    "/no-such-page/",
    firstList("/news/"),
    state.lists.find((l) => l.pageNumber > 1)?.url,
    firstList("/policies/"),
    firstList("/guides/"),
    firstList("/videos/"),
    firstList("/periodicals/"),
    firstList("/topics/"),
    ...["news", "policy", "video", "guide", "periodical", "page"].map(detail),
  ];
  return [...new Set(urls.filter((u): u is string => u !== undefined))];
}

test("_headers carries the security headers and the cache rules, under the path prefix", () => {
  const site = { baseUrl: "https://www.example.gov.cn", pathPrefix: PREFIX };
  const text = headersFile(site);
  assert.ok(text.startsWith(`${PREFIX}*\n  Content-Security-Policy: ${contentSecurityPolicy(PREFIX)}\n`));
  for (const [name, value] of Object.entries(securityHeaders(site)))
    assert.ok(text.includes(`  ${name}: ${value}\n`), name);
  // Files named by their bytes a year, the index's files a day, its manifest and the Worker revalidated.
  assert.match(text, /\/portal\/assets\/v\/\*\n {2}Cache-Control: public, max-age=31536000, immutable\n/);
  assert.match(text, /\/portal\/pagefind\/v\/\*\n {2}Cache-Control: public, max-age=31536000, immutable\n/);
  assert.match(text, /\/portal\/pagefind\/g\/\*\n {2}Cache-Control: public, max-age=86400\n/);
  assert.match(text, /\/portal\/pagefind\/worker\.js\n {2}Cache-Control: no-cache\n/);
  // Scripts: the site's own, and only from its script folder and the search bundle.
  assert.ok(contentSecurityPolicy(PREFIX).endsWith(", script-src *:*/portal/assets/ *:*/portal/pagefind/"));
  // media/: nothing there runs (a sandbox, no script source), and types are not sniffed.
  assert.ok(
    text.includes(
      `/portal/media/*\n  Content-Security-Policy: ${MEDIA_SECURITY_POLICY}\n  X-Content-Type-Options: nosniff\n`,
    ),
  );
  assert.match(MEDIA_SECURITY_POLICY, /^sandbox; default-src 'none'/);
  for (const directive of [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "frame-ancestors 'self'",
  ]) {
    assert.ok(CONTENT_SECURITY_POLICY.includes(directive), directive);
  }
});

test("no page has an inline script, inline style, event handler attribute or resource from another host", async () => {
  const { outDir, site } = await buildSample();
  const offenders: string[] = [];
  for (const rel of outputFiles(outDir).filter((f) => f.endsWith(".html"))) {
    const page = readFileSync(path.join(outDir, rel), "utf8");
    if (/<script(?![^>]*\ssrc=)[^>]*>/.test(page)) offenders.push(`${rel}: inline <script>`);
    if (/<style[\s>]/.test(page)) offenders.push(`${rel}: <style>`);
    if (/<[a-z][^>]*\sstyle="/.test(page)) offenders.push(`${rel}: style attribute`);
    if (/<[a-z][^>]*\son[a-z]+="/.test(page)) offenders.push(`${rel}: event handler attribute`);
    // Resources a page loads by itself (links to other sites are fine; embedding them is not).
    for (const m of page.matchAll(
      /<(?:script|img|video|audio|source|track|iframe|embed|object)\b[^>]*\s(?:src|poster|data)="(https?:)?\/\/[^"]*"|<link\b(?![^>]*rel="(?:canonical|alternate)")[^>]*\shref="(?:https?:)?\/\/[^"]*"/g,
    )) {
      offenders.push(`${rel}: third-party resource ${m[0].slice(0, 120)}`);
    }
  }
  assert.deepEqual(offenders.slice(0, 20), []);
  assert.equal(readFileSync(path.join(outDir, "_headers"), "utf8"), headersFile(site));
});

test(
  "every kind of page loads under the CSP with no violation and no request off the machine",
  { skip: noBrowser },
  async () => {
    const { outDir, state } = await buildSample();
    const server = await serveStatic(outDir, { prefix: PREFIX, headers: hostHeaders(outDir) });
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on("console", (msg) => {
        if (msg.type() === "error" || /Content.Security.Policy/i.test(msg.text()))
          problems.push(`console ${msg.type()}: ${msg.text()}`);
      });
      page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
      page.on("request", (req) => {
        const { protocol, hostname } = new URL(req.url());
        if (protocol !== "data:" && hostname !== "127.0.0.1") problems.push(`request to ${req.url()}`);
      });
      const visited = oneOfEachTemplate(state);
      assert.ok(visited.length >= 15, `pages of every template (${visited.length})`);
      for (const url of visited) {
        const before = problems.length;
        const response = await page.goto(server.url + url.slice(1), { waitUntil: "load" });
        assert.equal(response?.headers()["content-security-policy"], contentSecurityPolicy(PREFIX), url);
        // The 404 page is expected to answer 404 (the static server's missing-file page); its own assets must still load.
        if (url !== "/no-such-page/") assert.equal(response?.status(), 200, url);
        for (const p of problems.slice(before)) problems[problems.indexOf(p)] = `${url}: ${p}`;
      }
      const real = problems.filter(
        (p) => !(p.startsWith("/no-such-page/") && /404/.test(p) && /Failed to load resource/.test(p)),
      );
      assert.deepEqual(real, []);
    } finally {
      await browser.close();
      await server.close();
    }
  },
);

test("Strict-Transport-Security: a year by default for https, off for http or when turned off, configurable", () => {
  const https = { baseUrl: "https://www.example.gov.cn", pathPrefix: "/" };
  assert.equal(strictTransportSecurity(https), "max-age=31536000");
  assert.equal(strictTransportSecurity({ ...https, baseUrl: "http://www.example.gov.cn" }), undefined);
  assert.equal(strictTransportSecurity({ ...https, hsts: false }), undefined);
  assert.equal(
    strictTransportSecurity({ ...https, hsts: { maxAge: 600, includeSubDomains: true, preload: false } }),
    "max-age=600; includeSubDomains",
  );
  assert.ok(!headersFile({ ...https, hsts: false }).includes("Strict-Transport-Security"));
  assert.ok(headersFile(https).includes("\n  Strict-Transport-Security: max-age=31536000\n"));
});

test(
  "under the built _headers, a script under media/ does not run from a page, nor an HTML or SVG file opened there",
  { skip: noBrowser },
  async () => {
    const { outDir } = await buildSample();
    // What an attacker would need: a page that loads a script from media/ (HTML injection), or an
    // active file opened directly. Planted after the build, as if they had slipped past the checks.
    const probe = (flag: string) => `document.documentElement.setAttribute("data-${flag}", "ran");`;
    mkdirSync(path.join(outDir, "media"), { recursive: true });
    writeFileSync(path.join(outDir, "assets", "probe.js"), probe("assets"));
    writeFileSync(path.join(outDir, "media", "probe.js"), probe("media"));
    writeFileSync(
      path.join(outDir, "probe.html"),
      `<!doctype html><title>p</title><link rel="icon" href="data:,"><script src="${PREFIX}assets/probe.js"></script><script src="${PREFIX}media/probe.js"></script>`,
    );
    writeFileSync(
      path.join(outDir, "media", "x.html"),
      `<!doctype html><title>x</title><script>${probe("inline")}</script>`,
    );
    writeFileSync(
      path.join(outDir, "media", "x.svg"),
      `<svg xmlns="http://www.w3.org/2000/svg"><script>${probe("svg")}</script></svg>`,
    );
    const server = await serveStatic(outDir, { prefix: PREFIX, headers: hostHeaders(outDir) });
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const flags = () =>
        page.evaluate(() =>
          document.documentElement.getAttributeNames().filter((n) => n.startsWith("data-")),
        );
      await page.goto(server.url + "probe.html");
      assert.deepEqual(await flags(), ["data-assets"], "the site's folder runs, media/ does not");
      // The search page still works: its script and Pagefind's bundle are on the two allowed paths.
      const errors: string[] = [];
      // The probe page's favicon request may answer late (404): only the search page's own messages count.
      page.on(
        "console",
        (m) => m.type() === "error" && !m.location().url.endsWith("/favicon.ico") && errors.push(m.text()),
      );
      await page.goto(`${server.url}search/?q=${encodeURIComponent("政务公开")}`);
      await page.waitForSelector('#search-app[data-state=done][data-query="政务公开"]', { timeout: 90_000 });
      assert.ok(
        Number(await page.getAttribute("#search-app", "data-result-count")) > 0,
        "search finds pages",
      );
      assert.deepEqual(errors, []);
      for (const file of ["media/x.html", "media/x.svg"]) {
        const response = await page.goto(server.url + file);
        assert.match(
          response?.headers()["content-security-policy"] ?? "",
          /sandbox; default-src 'none'/,
          file,
        );
        assert.deepEqual(await flags(), [], file);
      }
    } finally {
      await browser.close();
      await server.close();
    }
  },
);
