/**
 * `npm test`'s first step: compiles the project's TypeScript (src, layouts, test, bench, scripts,
 * site.config.ts) once per run into plain JavaScript under node_modules/.cache/gongkai/tests/, one
 * module per source file, so the test runner starts each of its ~190 file processes in plain Node.
 *
 * Why: under `--import tsx` every test process starts tsx's loader thread (~0.4 s of CPU) and then
 * resolves and loads each of its modules through that thread, one round trip each, plus its
 * transform cache. Importing the build (src/build/build-site.ts, ~330 of our modules) costs ~2.0 s
 * of CPU that way and ~0.9 s from these compiled copies; a test file with few imports ~0.9 s
 * against ~0.4 s (CI, 2026-12-05, start32). Even a loader that does nothing costs ~0.6 s on the
 * build's imports in Node 20, whose loader hooks run off-thread, so the copies are run with none.
 *
 * Each copy `x.mjs` is `x.ts` compiled by esbuild (tsx's compiler, the project's tsconfig, keepNames)
 * with `import.meta.url`, `.dirname` and `.filename` replaced by the source file's own, so fixtures,
 * workers and data found next to a module are the source tree's. Relative imports of TypeScript
 * point to the copies; every other relative import (the .mjs/.js modules, the workers) points to
 * the source file itself, so one module is loaded once whichever copy imports it. Packages stay
 * package imports, resolved from the project's node_modules. Source maps are written beside the
 * copies: `NODE_OPTIONS=--enable-source-maps npm test` shows the TypeScript lines in stack traces.
 *
 * A single file still runs from its source as before: `node --import tsx --test test/x/y.test.ts`.
 *
 * Plain JavaScript: it runs before any TypeScript loader.
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import process from "node:process";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as esbuild from "esbuild";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const CACHE = path.join(ROOT, "node_modules", ".cache", "gongkai");
const OUT = path.join(CACHE, "tests");
const FOLDERS = ["src", "layouts", "test", "bench", "scripts"];
const TS = /\.m?ts$/;

/** @param {string} dir @returns {string[]} the TypeScript modules under `dir` (not declarations) */
function modulesUnder(dir) {
  /** @type {string[]} */
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      // The fixtures are sites' files that tests copy and read, some wrong on purpose.
      if (entry.name !== "node_modules" && full !== path.join(ROOT, "test", "fixtures"))
        found.push(...modulesUnder(full));
    } else if (TS.test(entry.name) && !entry.name.endsWith(".d.ts")) found.push(full);
  }
  return found;
}

/**
 * The copy's name of a TypeScript module; the copies keep the source tree's layout, so one copy's
 * path relative to another is the sources' with this name.
 * @param {string} file
 */
const copyName = (file) => file.replace(TS, ".mjs");

const tsconfigRaw = readFileSync(path.join(ROOT, "tsconfig.json"), "utf8");

/** Compiles each module on its own; imports are rewritten here, not followed. */
const ownModules = {
  name: "own-modules",
  /** @param {esbuild.PluginBuild} build */
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === "entry-point") return undefined;
      if (!args.path.startsWith(".")) return { path: args.path, external: true };
      let target = path.resolve(args.resolveDir, args.path);
      // `./x.js` written for `./x.ts`, as TypeScript allows.
      if (!existsSync(target) && /\.m?js$/.test(target)) {
        const ts = target.replace(/js$/, "ts");
        if (existsSync(ts)) target = ts;
      }
      if (TS.test(target)) {
        imported.add(target);
        const rel = path.relative(path.dirname(args.importer), copyName(target));
        return { path: rel.startsWith(".") ? rel : `./${rel}`, external: true };
      }
      return { path: pathToFileURL(target).href, external: true };
    });
    build.onLoad({ filter: TS }, async (args) => {
      const define = {
        "import.meta.url": JSON.stringify(pathToFileURL(args.path).href),
        "import.meta.dirname": JSON.stringify(path.dirname(args.path)),
        "import.meta.filename": JSON.stringify(args.path),
      };
      const source = readFileSync(args.path, "utf8");
      const { code } = await esbuild.transform(source, {
        loader: "ts",
        format: "esm",
        target: "node20",
        tsconfigRaw,
        define,
        sourcefile: args.path,
        sourcemap: "inline",
      });
      return { contents: code, loader: "js" };
    });
  },
};

/**
 * The site and platform configs that tests' fixtures had compiled (src/config/import-config.ts,
 * in node_modules/.cache/gongkai/config-*), once their fixture folder is gone: an earlier run's.
 */
function removeGoneConfigs() {
  if (!existsSync(CACHE)) return;
  for (const name of readdirSync(CACHE)) {
    if (!/^config-[0-9a-f]+\.json$/.test(name)) continue;
    const stamps = path.join(CACHE, name);
    try {
      const { files } = JSON.parse(readFileSync(stamps, "utf8"));
      if (Object.keys(files).every((rel) => existsSync(path.resolve(ROOT, rel)))) continue;
    } catch {
      // Unreadable stamps: the bundle is made again when asked for, so it can go.
    }
    rmSync(stamps.replace(/\.json$/, ".mjs"), { force: true });
    rmSync(stamps, { force: true });
  }
}

removeGoneConfigs();
// Written beside and then swapped in, so the test processes of a run still going in this
// checkout find whole files.
const next = `${OUT}.${process.pid}`;
const entryPoints = [
  ...FOLDERS.filter((dir) => existsSync(path.join(ROOT, dir))).flatMap((dir) =>
    modulesUnder(path.join(ROOT, dir)),
  ),
  path.join(ROOT, "site.config.ts"),
];
/** TypeScript modules imported by a compiled one but not compiled yet (fixtures' modules). */
/** @type {Set<string>} */
const imported = new Set();
/** @param {string[]} entryPoints */
const compile = (entryPoints) =>
  esbuild.build({
    absWorkingDir: ROOT,
    entryPoints,
    outdir: next,
    outbase: ROOT,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    keepNames: true,
    sourcemap: "linked",
    logLevel: "warning",
    plugins: [ownModules],
  });
const compiled = new Set(entryPoints);
for (let round = entryPoints; round.length > 0; round = [...imported].filter((file) => !compiled.has(file))) {
  await compile(round);
  for (const file of round) compiled.add(file);
}
const old = `${OUT}.old.${process.pid}`;
if (existsSync(OUT)) renameSync(OUT, old);
renameSync(next, OUT);
rmSync(old, { recursive: true, force: true });
