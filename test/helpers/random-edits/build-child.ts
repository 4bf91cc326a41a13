/**
 * One build in a fresh process for the randomized incremental harness (builders.ts):
 *   node --import tsx test/helpers/random-edits/build-child.ts '<ChildJob as JSON>'
 * Prints one JSON line: { ok, rendered, reused } or { ok: false, error }.
 */
import path from "node:path";
import { buildSite } from "../../../src/build/build-site.ts";
import { loadSiteConfig } from "../../../src/config/load.ts";
import { ROOT } from "../sample-portal.ts";
import { partsFor, type ChildJob } from "./builders.ts";
import { applySiteChanges } from "./world.ts";
import { configPathOf, withSiteModules } from "./site-modules.ts";

const job = JSON.parse(process.argv[2]) as ChildJob;
const site = await withSiteModules(
  applySiteChanges(await loadSiteConfig(path.join(ROOT, "site.config.ts")), job.siteChanges),
  job.contentDir,
);
let line: object;
try {
  const result = await buildSite({
    site,
    configPath: configPathOf(job.contentDir),
    contentDir: job.contentDir,
    outDir: job.outDir,
    now: job.now,
    parts: partsFor(job.failAfterPages),
    cacheDir: job.cacheDir,
    parallel: job.parallel,
  });
  line = { ok: true, rendered: result.cache?.rendered, reused: result.cache?.reused };
} catch (err) {
  line = { ok: false, error: err instanceof Error ? err.message : String(err) };
}
process.stdout.write(`${JSON.stringify(line)}\n`, () => process.exit(0));
