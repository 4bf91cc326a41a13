/** Writes `_headers` (security and cache headers for Netlify and Cloudflare Pages) into the output. */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { headersFile } from "../deploy/security-headers.ts";
import type { BuildStep } from "./steps.ts";

export const HEADERS_FILE = "/_headers";

export const headersStep: BuildStep = {
  name: "_headers",
  outputs: () => [HEADERS_FILE],
  run: (state, outDir) => writeFileSync(path.join(outDir, HEADERS_FILE), headersFile(state.portal.site)),
};
