/**
 * The site's own TypeScript beside its content, as docs/theming.md lays it out: a site.config.ts
 * that imports a footer override from theme/footer.ts, which shows a constant of its own and one
 * it imports from theme/partner.ts. Every build of the sequence has the override and names the
 * config file (the build fingerprint hashes it and the modules it imports); the edit changes a
 * constant, which the override's source text (the cache keys' description of it) does not hold.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Site } from "../../../src/config/schema.ts";
import { loadTsx } from "../../../src/bundle/module-bundle.mjs";
import { tsxLoaded } from "../../../src/config/import-config.ts";
import { ROOT } from "../sample-portal.ts";
import type { Edit, World } from "./world.ts";

const themeDir = (contentDir: string) => path.join(path.dirname(contentDir), "theme");
export const configPathOf = (contentDir: string) => path.join(path.dirname(contentDir), "site.config.ts");

const footerModule = (word: string) =>
  `import { html } from ${JSON.stringify(path.join(ROOT, "src/html/html.ts"))};\n` +
  `import { PARTNER } from "./partner.js";\n` +
  `const WORD = ${JSON.stringify(word)};\n` +
  "export const footer = (_ctx: unknown, original: () => unknown) =>\n" +
  '  html`<p class="partner">${WORD}${PARTNER}</p>${original()}`;\n';
const partnerModule = (word: string) => `export const PARTNER = ${JSON.stringify(word)};\n`;

/** Writes the site's modules (once, beside content/). */
export function writeSiteModules(contentDir: string): void {
  mkdirSync(themeDir(contentDir), { recursive: true });
  writeFileSync(path.join(themeDir(contentDir), "footer.ts"), footerModule("友情链接"));
  writeFileSync(path.join(themeDir(contentDir), "partner.ts"), partnerModule("·合作网站0"));
  writeFileSync(
    configPathOf(contentDir),
    'import { footer } from "./theme/footer.ts";\n// The sequence\'s site config is data (world.ts); this file names the modules.\nexport default { footer };\n',
  );
}

/**
 * Imports a site's TypeScript module. `npm test` runs the compiled test files in plain Node, which
 * refuses a .ts file: tsx is loaded first there, as the config loader does when it must
 * (src/config/import-config.ts).
 */
export async function importSiteModule(file: string): Promise<unknown> {
  if (!tsxLoaded()) await loadTsx();
  const loaded = (await import(file)) as { default?: { __esModule?: boolean } };
  // A .ts file outside any `"type": "module"` package is CommonJS to a tsx loaded late: its
  // exports are then the namespace's default (import-config.ts unwraps it the same way).
  return loaded.default?.__esModule ? loaded.default : loaded;
}

let loads = 0;

/**
 * The site with the footer override as its module is now: imported from a copy of its own (a
 * module imported once stays as it was in this process), as a fresh `npm run build` would.
 */
export async function withSiteModules(site: Site, contentDir: string): Promise<Site> {
  const dir = themeDir(contentDir);
  // Both files copied under their own names (a compiled import's binding is named after its
  // file, and the override's text must stay the same from one load to the next).
  const copies = path.join(dir, ".loaded", `${process.pid}-${++loads}`);
  mkdirSync(copies, { recursive: true });
  for (const name of ["footer.ts", "partner.ts"]) copyFileSync(path.join(dir, name), path.join(copies, name));
  try {
    const loaded = (await importSiteModule(path.join(copies, "footer.ts"))) as {
      footer: (...args: never[]) => unknown;
    };
    const { footer } = loaded;
    return { ...site, theme: { ...site.theme, overrides: { ...site.theme.overrides, footer } } };
  } finally {
    rmSync(copies, { recursive: true, force: true });
  }
}

/** A constant of the override's module edited (the footer's words or the imported partner name). */
const layoutModule: Edit = (rng, w: World) => {
  const dir = themeDir(w.contentDir);
  const n = ++w.counter;
  if (rng.chance(0.5)) {
    writeFileSync(path.join(dir, "partner.ts"), partnerModule(`·合作网站${n}`));
    return `theme/partner.ts: PARTNER edited (${n})`;
  }
  const text = readFileSync(path.join(dir, "footer.ts"), "utf8");
  writeFileSync(
    path.join(dir, "footer.ts"),
    text.replace(/const WORD = .*;/, `const WORD = "友情链接${n}";`),
  );
  return `theme/footer.ts: WORD edited (${n})`;
};

export const SITE_MODULE_EDITS = { layoutModule } satisfies Record<string, Edit>;
