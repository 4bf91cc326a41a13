/**
 * The sample portal built under /portal/ into a temporary folder and served with the site's
 * security headers (the CSP included), as the search page tests open it in Chromium.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSite } from "../../src/build/build-site.ts";
import { defaultParts } from "../../src/build/defaults.ts";
import { SECURITY_HEADERS } from "../../src/deploy/security-headers.ts";
import { samplePortal } from "./sample-portal.ts";
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
  const work = mkdtempSync(path.join(tmpdir(), `gongkai-${tag}-`));
  const outDir = path.join(work, "_site");
  await buildSite({
    site: sample.site,
    contentDir: sample.contentDir,
    outDir,
    now: sample.now,
    parts: defaultParts,
  });
  const server = await serveStatic(outDir, { prefix: "/portal/", headers: SECURITY_HEADERS });
  return {
    work,
    server,
    close: async () => {
      await server.close();
      rmSync(work, { recursive: true, force: true });
    },
  };
}
