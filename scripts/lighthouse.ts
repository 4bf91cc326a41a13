/**
 * Lighthouse (12.2.3, the last to run on Node 20) on five pages of the sample portal, with
 * Debian's Chromium and Lighthouse's default mobile emulation and throttling: the home page, a
 * list, a policy document, a guide and the search page with a query. Prints the four category
 * scores per page and exits 1 when any is below 95 (issue 18's bar). `npm run lighthouse`
 * (`-- --json out.json` also writes the scores as JSON, `-- --only search` runs matching pages only).
 *
 * The portal is built fresh into a temporary folder and served on 127.0.0.1 with the production
 * security headers (strict CSP), as tests serve it. Runs one page at a time: on a shared machine a
 * run takes a few minutes.
 */
import { writeFileSync } from "node:fs";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { CHROMIUM } from "../test/helpers/browser.ts";
import { serveStatic } from "../test/helpers/serve.ts";
import { SECURITY_HEADERS } from "../src/deploy/security-headers.ts";
import { buildSamplePortal } from "./sample-build.ts";

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const BAR = 95;

const PAGES = [
  { name: "home", url: "/" },
  { name: "list (政府信息公开目录)", url: "/policies/" },
  { name: "policy detail", url: "/policies/2026/bzbf-2026-18/" },
  { name: "guide detail", url: "/guides/food-business-license/" },
  { name: "search with a query", url: `/search/?q=${encodeURIComponent("供暖")}` },
];

/** `-- --only search` runs the pages whose name contains the word. */
const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined;
const jsonOut = process.argv.includes("--json")
  ? process.argv[process.argv.indexOf("--json") + 1]
  : undefined;

const outDir = await buildSamplePortal();
const server = await serveStatic(outDir, { headers: SECURITY_HEADERS });
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM,
  chromeFlags: [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
  ],
});
const results: { page: string; url: string; scores: Record<string, number> }[] = [];
try {
  for (const page of PAGES.filter((p) => !only || p.name.includes(only))) {
    const url = new URL(page.url.replace(/^\//, ""), server.url).href;
    const result = await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: [...CATEGORIES],
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { categories, audits } = result.lhr;
    const scores = Object.fromEntries(
      CATEGORIES.map((c) => [c, Math.round((categories[c]?.score ?? 0) * 100)]),
    );
    results.push({ page: page.name, url: page.url, scores });
    console.log(
      `${page.name.padEnd(26)} ${CATEGORIES.map((c) => `${c} ${String(scores[c]).padStart(3)}`).join("  ")}`,
    );
    // What cost points, so a score below 100 says why.
    for (const c of CATEGORIES) {
      for (const ref of categories[c]?.auditRefs ?? []) {
        const audit = audits[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 1)
          console.log(
            `    ${c}: ${audit.id} (${audit.displayValue ?? Math.round((audit.score ?? 0) * 100)})`,
          );
      }
    }
  }
} finally {
  chrome.kill();
  await server.close();
}
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(results, null, 2) + "\n");
const below = results.flatMap((r) =>
  CATEGORIES.filter((c) => r.scores[c] < BAR).map((c) => `${r.page}: ${c} ${r.scores[c]}`),
);
if (below.length) {
  console.error(`低于 ${BAR} 分：\n${below.join("\n")}`);
  process.exitCode = 1;
}
