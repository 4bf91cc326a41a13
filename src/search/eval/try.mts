import { serveStatic } from "../../../test/helpers/serve.ts";
import { launchBrowser } from "../../../test/helpers/browser.ts";
import { SECURITY_HEADERS } from "../../deploy/security-headers.ts";
const server = await serveStatic(process.env.SITE ?? "/tmp/search-sample/_site", { prefix: "/portal/", headers: SECURITY_HEADERS });
const browser = await launchBrowser();
const page = await browser.newPage();
page.on("console", (m) => console.log("console:", m.text()));
page.on("pageerror", (e) => console.log("pageerror:", e.message));
for (const q of process.argv.slice(2)) {
  await page.goto(`${server.url}search/?q=${encodeURIComponent(q)}`);
  await page.waitForSelector("#search-app[data-state=done], #search-app[data-state=error]", { timeout: 20000 });
  console.log(q, await page.textContent("#search-status"), await page.$$eval(".search-result", (els) => els.slice(0, 2).map((e) => e.textContent)));
}
await browser.close(); await server.close();
