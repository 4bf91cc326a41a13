/**
 * The sample portal built under /portal/ into a temporary folder and served with the site's
 * security headers (the CSP included), as the search page tests open it in Chromium.
 */
import { after, before } from "node:test";
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import type { Browser } from "playwright-core";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSite } from "../../src/build/build-site.ts";
import { defaultParts } from "../../src/build/defaults.ts";
import { SECURITY_HEADERS } from "../../src/deploy/security-headers.ts";
import { samplePortal } from "./sample-portal.ts";
import { launchBrowser } from "./browser.ts";
import { runSharedBuild } from "./run-shared-build.ts";
import { serveStatic, type StaticServer } from "./serve.ts";

export interface ServedSample {
  /** The temporary folder: the output is its `_site/`; other files may go beside it. */
  work: string;
  server: StaticServer;
  /** Stops the server and removes the folder. */
  close(): Promise<void>;
}

/** `tag` names the temporary folder (`gongkai-<tag>-…`). */
export async function serveSample(tag: string): Promise<ServedSample> {
  const sample = await samplePortal("/portal/");
  // One clean build for the run's files that serve the sample (run-shared-build.ts); `work` is this
  // file's own, its `_site` a link to that build, so what a test writes beside it stays its own.
  const built = await runSharedBuild(
    "served-sample",
    sample.contentDir,
    { prefix: "/portal/", now: sample.now },
    (outDir) =>
      buildSite({
        site: sample.site,
        contentDir: sample.contentDir,
        outDir,
        now: sample.now,
        parts: defaultParts,
      }).then(() => null),
  );
  const work = mkdtempSync(path.join(tmpdir(), `gongkai-${tag}-`));
  symlinkSync(built.outDir, path.join(work, "_site"));
  const server = await serveStatic(built.outDir, { prefix: "/portal/", headers: SECURITY_HEADERS });
  return {
    work,
    server,
    close: async () => {
      await server.close();
      // Removes the link, not the build it points to.
      rmSync(work, { recursive: true, force: true });
      built.release();
    },
  };
}

/** The sample served and Chromium started for a file's tests (`sampleInBrowser`). */
export interface SampleInBrowser {
  served?: ServedSample;
  browser: Browser;
}

/**
 * Registers the hooks that serve the sample portal (`tag`) and start Chromium before the file's
 * tests and stop both after them; nothing when `skip` (the tests' own skip reason) is set. The
 * fields are there once the `before` hooks ran.
 */
export function sampleInBrowser(tag: string, skip: string | boolean): SampleInBrowser {
  const run = {} as SampleInBrowser;
  before(async () => {
    if (skip) return;
    run.served = await serveSample(tag);
    run.browser = await launchBrowser();
  });
  after(async () => {
    await run.browser?.close();
    await run.served?.close();
  });
  return run;
}
