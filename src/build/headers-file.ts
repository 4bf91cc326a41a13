/** Writes `_headers` (security and cache headers for Netlify and Cloudflare Pages) into the output. */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { headersFile } from "../deploy/security-headers.ts";
import { afterRenderSteps } from "./steps.ts";

afterRenderSteps.push({
  name: "_headers",
  run: (state, outDir) => writeFileSync(path.join(outDir, "_headers"), headersFile(state.portal.site)),
});
