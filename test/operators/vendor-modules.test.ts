/**
 * The commands' bundles import zod, luxon, markdown-it and a few other packages from one compiled
 * module each (src/bundle/vendor-modules.mjs), not module by module from node_modules, and a
 * site's compiled config imports the same modules, so both share one instance of each.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { compiledBundle, PROJECT_ROOT } from "../../src/bundle/module-bundle.mjs";
import { configBundleName } from "../../src/config/import-config.ts";

const importsOf = (file: string): string[] =>
  [...readFileSync(file, "utf8").matchAll(/^import [^;]*? from "([^"]+)";/gm)].map((m) => m[1]);

test("the build's bundle and the site's config import the vendored packages from one module each", async () => {
  const bundle = fileURLToPath(await compiledBundle("test-vendor-build", "src/cli/build.ts"));
  const imports = importsOf(bundle);
  for (const name of ["zod", "luxon", "markdown-it", "js-yaml"]) {
    assert.ok(!imports.includes(name), `${name} is not imported from node_modules`);
    assert.ok(imports.includes(`./vendor-${name}.mjs`), `${name} from its vendor module`);
  }
  const configFile = path.join(PROJECT_ROOT, "site.config.ts");
  const config = fileURLToPath(await compiledBundle(configBundleName(configFile), configFile));
  assert.ok(importsOf(config).includes("./vendor-zod.mjs"));
  assert.ok(!importsOf(config).includes("zod"));
  // The vendor module gives what the package gives an import.
  const vendor = path.join(path.dirname(bundle), "vendor-zod.mjs");
  const [own, pkg] = await Promise.all([import(vendor), import("zod")]);
  assert.deepEqual(Object.keys(own as object).sort(), Object.keys(pkg).sort());
});
