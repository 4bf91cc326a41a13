import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSite } from "../../src/build/build-site.ts";
import { outputFiles } from "../../src/build/output-files.ts";
import type { BuildState } from "../../src/eleventy/state.ts";
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS, headersFile } from "../../src/deploy/security-headers.ts";
import { serveStatic } from "../helpers/serve.ts";
import { launchBrowser, noBrowser } from "../helpers/browser.ts";
import { samplePortal } from "../helpers/sample-portal.ts";

const PREFIX = "/portal/";

async function buildSample(): Promise<{ outDir: string; state: BuildState }> {
  const { site, contentDir, now } = await samplePortal(PREFIX);
  const outDir = path.join(mkdtempSync(path.join(tmpdir(), "gongkai-csp-")), "_site");
  const { state } = await buildSite({ site, contentDir, outDir, now });
  return { outDir, state };
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
  const text = headersFile(PREFIX);
  assert.ok(text.startsWith(`${PREFIX}*\n  Content-Security-Policy: ${CONTENT_SECURITY_POLICY}\n`));
  for (const [name, value] of Object.entries(SECURITY_HEADERS))
    assert.ok(text.includes(`  ${name}: ${value}\n`), name);
  assert.match(text, /\/portal\/assets\/\*\n {2}Cache-Control: public, max-age=\d+/);
  assert.match(text, /\/portal\/pagefind\/\*\n {2}Cache-Control: public, max-age=\d+/);
  for (const directive of [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "frame-ancestors 'self'",
  ]) {
    assert.ok(CONTENT_SECURITY_POLICY.includes(directive), directive);
  }
});

test("no page has an inline script, inline style, event handler attribute or resource from another host", async () => {
  const { outDir } = await buildSample();
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
  assert.equal(readFileSync(path.join(outDir, "_headers"), "utf8"), headersFile(PREFIX));
});

test(
  "every kind of page loads under the CSP with no violation and no request off the machine",
  { skip: noBrowser },
  async () => {
    const { outDir, state } = await buildSample();
    const server = await serveStatic(outDir, { prefix: PREFIX, headers: SECURITY_HEADERS });
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
        assert.equal(response?.headers()["content-security-policy"], CONTENT_SECURITY_POLICY, url);
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
