/**
 * The requests one search page load makes in headless Chromium, listed (URL and bytes), for counting
 * what the page itself costs beside the Worker's index files.
 *
 *   npx tsx bench/search-eval/list-requests.ts SITE QUERY
 */
import { serveStatic } from "../../test/helpers/serve.ts";
import { launchBrowser } from "../../test/helpers/browser.ts";
import { SECURITY_HEADERS } from "../../src/deploy/security-headers.ts";

const [site, query] = process.argv.slice(2);
if (!site || !query) throw new Error("用法：list-requests.ts 站点 查询");
const server = await serveStatic(site, { prefix: "/portal/", headers: SECURITY_HEADERS });
const browser = await launchBrowser();
try {
  const context = await browser.newContext();
  const warm = await context.newPage();
  await warm.goto(server.url);
  await warm.close();
  const page = await context.newPage();
  const seen: string[] = [];
  page.on("requestfinished", (req) => {
    void req
      .sizes()
      .then((s) =>
        seen.push(`${s.responseBodySize + s.responseHeadersSize}\t${req.url().replace(/^.*\/portal\//, "")}`),
      );
  });
  page.on("requestfailed", (req) => seen.push(`FAILED\t${req.url()}`));
  await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`);
  await page.waitForFunction(() => document.getElementById("search-app")?.dataset.state === "done");
  await page.waitForLoadState("networkidle");
  console.log(seen.join("\n"));
  console.log(`${seen.length} requests`);
} finally {
  await browser.close();
  await server.close();
}
