/**
 * Writes `assets/v/`: each of the generator's own files, theme.css and the search page's
 * stylesheet under a name with the hash of its bytes (src/pages/asset-versions.ts), the names the
 * pages link. `_headers` lets readers keep them a year (src/deploy/security-headers.ts).
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { assetVersions, assetVersionsOf } from "../pages/asset-versions.ts";
import { VERSIONED_DIR } from "../view/asset-version.ts";
import { sessionOf } from "./cache/session.ts";
import { sha256Of } from "./cache/store.ts";
import type { BuildStep } from "./steps.ts";

export const versionedAssetsStep: BuildStep = {
  name: "versioned assets",
  outputs: () => [`/assets/${VERSIONED_DIR}/`],
  // A few dozen small files: the dev server keeps theme.css's in step with the settings.
  onEdit: true,
  run: (state, outDir) => {
    const dir = path.join(outDir, "assets", VERSIONED_DIR);
    mkdirSync(dir, { recursive: true });
    const cache = sessionOf(state)?.cache;
    // The versions the pages' links were made with: theme.css and search-page.css made once a build.
    const versions = assetVersionsOf(state.ctx.href) ?? assetVersions(state.options.site);
    for (const [name, bytes] of versions.files()) {
      const dest = path.join(dir, name);
      // With the cache the staging folder is the output before last: a file there may be a blob's
      // hard link (theme.css's bytes are its page's), kept when it holds these bytes, else removed,
      // never written into (src/build/cache/spare.ts).
      if (cache?.claim(dest, sha256Of(bytes))) continue;
      rmSync(dest, { force: true });
      writeFileSync(dest, bytes);
    }
  },
};
