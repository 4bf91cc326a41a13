/**
 * A site's layout override lives in its own module (docs/theming.md: `other/theme/footer.ts`),
 * and the cache keys describe an override by its source text alone. An edit to a constant or a
 * helper the override calls from its module changed the pages and not the keys: the build with
 * the cache kept the old footer on every page (found by fuzz40's scratch driver). The build
 * fingerprint now hashes the config file and the site's modules it imports.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSite } from "../../src/build/build-site.ts";
import { configModules } from "../../src/build/cache/config-modules.ts";
import type { Site } from "../../src/config/schema.ts";
import { incrementalParts } from "../helpers/incremental-fixture.ts";
import { importSiteModule } from "../helpers/random-edits/site-modules.ts";
import { ROOT, samplePortal } from "../helpers/sample-portal.ts";

const HTML = path.join(ROOT, "src/html/html.ts");

/** The site's footer module: a constant and the override that shows it. */
const footerModule = (word: string) =>
  `import { html } from ${JSON.stringify(HTML)};\n` +
  `import { PARTNER } from "./partner.js";\n` +
  `const WORD = ${JSON.stringify(word)};\n` +
  "export const footer = (_ctx: unknown, original: () => unknown) =>\n" +
  '  html`<p class="partner">${WORD}${PARTNER}</p>${original()}`;\n';

test("an edit to a constant of a site's override module is built, not taken from the cache", async () => {
  const sample = await samplePortal();
  const root = mkdtempSync(path.join(tmpdir(), "gongkai-config-modules-"));
  const contentDir = path.join(root, "content");
  cpSync(sample.contentDir, contentDir, { recursive: true });
  mkdirSync(path.join(root, "theme"));
  writeFileSync(path.join(root, "theme", "partner.ts"), 'export const PARTNER = "·友情链接";\n');
  const configPath = path.join(root, "site.config.ts");
  writeFileSync(configPath, 'import { footer } from "./theme/footer.ts";\nexport default { footer };\n');
  let version = 0;
  /** The site with the footer module as it is now (each version imported from a copy of its own). */
  const siteWith = async (word: string): Promise<Site> => {
    writeFileSync(path.join(root, "theme", "footer.ts"), footerModule(word));
    const copy = path.join(root, "theme", `loaded-${++version}.ts`);
    cpSync(path.join(root, "theme", "footer.ts"), copy);
    const { footer } = (await importSiteModule(copy)) as { footer: (...args: never[]) => unknown };
    rmSync(copy);
    return { ...sample.site, theme: { ...sample.site.theme, overrides: { footer } } };
  };
  const outDir = path.join(root, "site");
  const build = (site: Site) =>
    buildSite({
      site,
      contentDir,
      outDir,
      now: sample.now,
      parts: incrementalParts(),
      cacheDir: path.join(root, "cache"),
      configPath,
    });
  const footerOf = () =>
    /class="partner">([^<]*)</.exec(readFileSync(path.join(outDir, "index.html"), "utf8"))?.[1];
  try {
    await build(await siteWith("甲"));
    assert.equal(footerOf(), "甲·友情链接");
    await build(await siteWith("乙"));
    assert.equal(footerOf(), "乙·友情链接", "the home page shows the edited constant");
    assert.match(
      readFileSync(path.join(outDir, "news", "index.html"), "utf8"),
      /class="partner">乙/,
      "and so does every other page",
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("the config's modules: relative imports followed (a .js name for a .ts file), the generator's left out", () => {
  const root = mkdtempSync(path.join(tmpdir(), "gongkai-config-scan-"));
  try {
    mkdirSync(path.join(root, "theme", "parts"), { recursive: true });
    const write = (rel: string, text: string) => writeFileSync(path.join(root, rel), text);
    write(
      "site.config.ts",
      `import { defineSite } from ${JSON.stringify(path.join(ROOT, "src/config/load.ts"))};\n` +
        'import { footer } from "./theme/footer.js";\nimport "zod";\nexport default defineSite({ footer });\n',
    );
    write("theme/footer.ts", 'export { link } from "./parts";\nconst t = await import("../data.json");\n');
    write("theme/parts/index.ts", "export const link = 1;\n");
    write("data.json", "{}\n");
    write("theme/unused.ts", "export {};\n");
    const generator = path.join(ROOT, "src") + path.sep;
    const found = configModules(path.join(root, "site.config.ts"), (abs) => abs.startsWith(generator));
    assert.deepEqual(
      found.map((f) => path.relative(root, f).split(path.sep).join("/")),
      ["data.json", "site.config.ts", "theme/footer.ts", "theme/parts/index.ts"],
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
