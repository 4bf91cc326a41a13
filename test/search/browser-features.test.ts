/**
 * The test and bench browser (test/helpers/browser.ts) runs without the omnibox popup that Chromium's
 * headless browser loads with every new tab (test/helpers/browser-features.ts): a renderer of its own
 * that took 0.4–1 s of CPU per page beside the search page being measured. Its `--disable-features`
 * switch is the last one on the command line, so it must carry Playwright's own list too: a Playwright
 * upgrade that adds a name to its list fails here until browser-features.ts has it.
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { launchBrowser, noBrowser } from "../helpers/browser.ts";
import { BROWSER_UI_FEATURES } from "../helpers/browser-features.ts";

const skip = noBrowser;
let browser: Browser;
const dir = mkdtempSync(path.join(tmpdir(), "gongkai-browser-features-"));

before(async () => {
  if (!skip) browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

test("the last --disable-features keeps Playwright's names and adds the popup's", { skip }, async () => {
  const page = await browser.newPage();
  try {
    await page.goto("chrome://version");
    const line = (await page.locator("#command_line").textContent()) ?? "";
    const switches = line.match(/--disable-features=\S+/g) ?? [];
    assert.ok(switches.length >= 1, `no --disable-features in ${line}`);
    const names = (s: string) => s.slice("--disable-features=".length).split(",");
    const applied = new Set(names(switches.at(-1)!));
    for (const s of switches.slice(0, -1))
      for (const name of names(s))
        assert.ok(applied.has(name), `${name} (Playwright's) dropped by the last switch`);
    for (const name of BROWSER_UI_FEATURES) assert.ok(applied.has(name), `${name} not disabled`);
  } finally {
    await page.close();
  }
});

test("a new page loads no WebUI renderer beside it", { skip }, async () => {
  const page = await browser.newPage();
  const file = path.join(dir, "trace.json");
  try {
    await browser.startTracing(page, { path: file, categories: ["toplevel"] });
    await page.goto("data:text/html,<p>一</p>");
    // The popup's renderer started within 0.4–1.3 s of a new page in the traces of docs/search.md.
    await page.waitForTimeout(1500);
    await browser.stopTracing();
    const { traceEvents } = JSON.parse(readFileSync(file, "utf8")) as {
      traceEvents: { ph: string; name: string; args?: { name?: string } }[];
    };
    const processes = traceEvents
      .filter((e) => e.ph === "M" && e.name === "process_name")
      .map((e) => e.args?.name);
    assert.ok(processes.includes("Renderer"), `no page renderer traced: ${processes.join(", ")}`);
    assert.deepEqual(
      processes.filter((n) => n?.startsWith("WebUI")),
      [],
    );
  } finally {
    await page.close();
  }
});
