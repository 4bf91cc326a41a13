import { serveStatic } from "../test/helpers/serve.ts";
import { launchBrowser } from "../test/helpers/browser.ts";
import { SECURITY_HEADERS } from "../src/deploy/security-headers.ts";
const site = process.argv[2];
const queries = process.argv.slice(3);
const server = await serveStatic(site, { prefix: "/portal/", headers: SECURITY_HEADERS });
const browser = await launchBrowser();
const context = await browser.newContext();
for (const q of queries) {
  const page = await context.newPage();
  const t0 = performance.now();
  await page.goto(`${server.url}search/?q=${encodeURIComponent(q)}`);
  const tNav = performance.now() - t0;
  await page.waitForSelector("#search-app[data-state=done]", { timeout: 60000 });
  const t = performance.now() - t0;
  const entries = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => `${Math.round(e.startTime)}-${Math.round(e.responseEnd)} ${e.name.replace(/^.*portal\//, "")}`));
  const nav = await page.evaluate(() => { const n = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming; return `dcl ${Math.round(n.domContentLoadedEventEnd)} load ${Math.round(n.loadEventEnd)}`; });
  console.log(q, Math.round(t), "goto", Math.round(tNav), nav);
  console.log(entries.join("\n"));
  await page.close();
}
await browser.close();
await server.close();
