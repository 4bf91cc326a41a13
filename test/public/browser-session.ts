/**
 * A served template portal and a browser, shared by the tests of one file, plus the ways the
 * tests open a page: in a display mode (saved in localStorage, as site.js reads it) and at a size.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser } from "../helpers/browser.ts";
import { serveStatic, type StaticServer } from "../helpers/serve.ts";
import { buildTemplatePortal, type BuiltPortal } from "./template-pages.ts";
import { headersFor, parseHeadersFile } from "../helpers/headers-rules.ts";

export const AXE_PATH = path.resolve(import.meta.dirname, "../../node_modules/axe-core/axe.min.js");

export interface Session {
  portal: BuiltPortal;
  server: StaticServer;
  browser: Browser;
  /** Absolute address of a site URL on the test server. */
  address(url: string): string;
  close(): Promise<void>;
}

/**
 * Chromium switches for the files that read layout, styles and the DOM only (the layout tests and
 * axe), not timing, scrolling or pixels: the renderer's compositor on its main thread instead of a
 * thread of its own. Layout, style and the DOM are Blink's main-thread work either way; the switch
 * cuts the frames drawn while a page loads and after each resize (about a third of Chromium's CPU a
 * page: lay32 in docs/performance.md). Not for the tests that time main-thread tasks (test/search):
 * there the compositor's work would land in the measured thread.
 */
export const LAYOUT_ONLY: readonly string[] = ["--disable-threaded-compositing"];

/** `chromiumArgs`: more Chromium switches (LAYOUT_ONLY for the files that only read layout and the DOM). */
export async function openSession(chromiumArgs: readonly string[] = []): Promise<Session> {
  const portal = await buildTemplatePortal();
  // Served with the build's own `_headers`, rule by rule as the hosts apply them: every browser test
  // runs under the production CSP, and the versioned assets are kept by the browser as a reader's
  // is (a year), so a tab that loads page after page does not fetch and parse the same style sheets
  // and script again for each (~a quarter of Chromium's CPU a page in layout-every-page: ci48.tests.md).
  const rules = parseHeadersFile(readFileSync(path.join(portal.outDir, "_headers"), "utf8"));
  const server = await serveStatic(portal.outDir, { headers: (pathname) => headersFor(rules, pathname) });
  const browser = await launchBrowser(chromiumArgs);
  return {
    portal,
    server,
    browser,
    address: (url) => new URL(url.replace(/^\//, ""), server.url).href,
    close: async () => {
      await browser.close();
      await server.close();
      // A build of this file's own (run outside the test runner); the run's shared build stays for the other files.
      portal.release();
    },
  };
}

export interface ContextOptions {
  modes?: readonly string[];
  width?: number;
  height?: number;
  deviceScaleFactor?: number;
  javaScript?: boolean;
}

/** A fresh browser context with the given modes saved, as if the reader had switched them on earlier. */
export async function newContext(session: Session, options: ContextOptions = {}): Promise<BrowserContext> {
  const context = await session.browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    javaScriptEnabled: options.javaScript ?? true,
  });
  const modes = options.modes ?? [];
  if (modes.length) {
    await context.addInitScript(
      (saved: string[]) => {
        for (const mode of saved) window.localStorage.setItem(`gongkai:${mode}`, "on");
      },
      [...modes],
    );
  }
  return context;
}

export async function openPage(context: BrowserContext, session: Session, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(session.address(url), { waitUntil: "load" });
  return page;
}
