/**
 * A TypeScript entry module and everything of the project's it imports, precompiled into one
 * JavaScript file, so a thread or a command starts without tsx: through tsx's loader, every one of
 * the build's ~300 modules is resolved, read and compiled on each start, and every package module
 * resolved through tsx's loader thread (about 1.5 s of CPU for the build's modules; the bundle
 * loads in plain Node in under half a second). Made with esbuild (the compiler tsx itself runs,
 * same settings: keepNames, the project's tsconfig) into node_modules/.cache/gongkai/<name>.mjs and
 * made again only when one of its source files changed (their mtime and size are recorded beside
 * it, in <name>.json). `import.meta.url` is replaced by each source file's own URL, so files found
 * next to a module (data/, assets, other workers) are found as before. Packages stay imports,
 * resolved from node_modules as before, except a few imported from one compiled module each
 * (src/bundle/vendor-modules.mjs). Anything that fails here (a read-only install, no esbuild)
 * only means the module is run through tsx, as it was before; `GONGKAI_BUNDLE=0` asks for that.
 *
 * Plain JavaScript: the command launcher (src/cli/launch.mjs) runs it before any TypeScript loader.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { vendorInputs, vendorPlugin } from "./vendor-modules.mjs";

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const CACHE = path.join(PROJECT_ROOT, "node_modules", ".cache", "gongkai");
/** Files besides the bundle's inputs whose change changes the bundle. */
const SETTINGS = ["tsconfig.json", "package.json"];

/** @param {string} rel a path relative to the project */
const stampOf = (rel) => {
  const { mtimeMs, size } = statSync(path.join(PROJECT_ROOT, rel));
  return `${mtimeMs}:${size}`;
};

/**
 * The bundle's file and its stamps' file.
 * @param {string} name
 */
export const filesOf = (name) => ({
  bundle: path.join(CACHE, `${name}.mjs`),
  stamps: path.join(CACHE, `${name}.json`),
});

/** Whether the environment turned bundles off (`GONGKAI_BUNDLE=0`, or the older worker-only switch). */
export const bundlesOff = () =>
  process.env.GONGKAI_BUNDLE === "0" || process.env.GONGKAI_WORKER_BUNDLE === "0";

/**
 * The bundle `name`, when it exists and none of its inputs changed since it was made (a few
 * hundred stats).
 * @param {string} name
 */
export function freshBundle(name) {
  if (bundlesOff()) return undefined;
  const { bundle, stamps } = filesOf(name);
  try {
    const recorded = JSON.parse(readFileSync(stamps, "utf8"));
    for (const [rel, stamp] of Object.entries(recorded.files)) if (stampOf(rel) !== stamp) return undefined;
    statSync(bundle);
    return pathToFileURL(bundle);
  } catch {
    return undefined;
  }
}

/**
 * `import.meta.url`, `.dirname` and `.filename` as code. A pattern, not a string: this file is
 * bundled too, and the plugin would rewrite the string itself.
 */
const META = /\bimport\.meta\.(url|dirname|filename)\b/g;

/** Each source file with `import.meta.url` (and `.dirname`, `.filename`) as its own, not the bundle's. */
const ownMetaUrl = {
  name: "own-import-meta-url",
  /** @param {{ onLoad(options: { filter: RegExp }, callback: (args: { path: string }) => unknown): void }} build */
  setup(build) {
    build.onLoad({ filter: /\.(ts|mts|mjs|js)$/ }, (args) => {
      const text = readFileSync(args.path, "utf8");
      /** @type {Record<string, string>} */
      const own = {
        url: pathToFileURL(args.path).href,
        dirname: path.dirname(args.path),
        filename: args.path,
      };
      const contents = text.replace(META, (_, key) => JSON.stringify(own[key]));
      if (contents === text) return undefined;
      return { contents, loader: /\.m?ts$/.test(args.path) ? "ts" : "js" };
    });
  },
};

/**
 * @param {string} name
 * @param {string} entry
 */
async function makeBundle(name, entry) {
  const esbuild = await import("esbuild");
  /** @type {Set<string>} */
  const vendored = new Set();
  const result = await esbuild.build({
    entryPoints: [path.resolve(PROJECT_ROOT, entry)],
    // esbuild names files in its messages relative to this: the operator's own folder.
    absWorkingDir: process.cwd(),
    bundle: true,
    platform: "node",
    format: "esm",
    // The oldest Node the project supports (package.json engines): the bundles are kept in
    // node_modules/.cache whatever Node made them, and a later run may use another version.
    target: "node20",
    // Packages stay imports: resolved from node_modules/.cache/gongkai/ they are the project's own.
    packages: "external",
    keepNames: true,
    write: false,
    metafile: true,
    logLevel: "silent",
    plugins: [vendorPlugin(CACHE, PROJECT_ROOT, vendored), ownMetaUrl],
  });
  /** @type {Record<string, string>} */
  const files = {};
  const inputs = Object.keys(result.metafile.inputs).map((rel) =>
    path.relative(PROJECT_ROOT, path.resolve(rel)),
  );
  const vendorFiles = [...vendored].flatMap(vendorInputs);
  for (const rel of [...inputs, ...vendorFiles, ...SETTINGS]) files[rel] = stampOf(rel);
  const { bundle, stamps } = filesOf(name);
  mkdirSync(CACHE, { recursive: true });
  // Processes running at once may both write: each writes its own file and renames it into place.
  const temp = `.${process.pid}.${Math.random().toString(36).slice(2)}`;
  writeFileSync(bundle + temp, result.outputFiles[0].contents);
  renameSync(bundle + temp, bundle);
  writeFileSync(stamps + temp, JSON.stringify({ esbuild: esbuild.version, files }));
  renameSync(stamps + temp, stamps);
  return pathToFileURL(bundle);
}

/**
 * The precompiled module `name` of `entry` (a path relative to the project, or absolute), made now
 * if needed. Throws what esbuild or the file system threw (esbuild's errors name file, line and
 * column).
 * @param {string} name
 * @param {string} entry
 */
export const compiledBundle = async (name, entry) => freshBundle(name) ?? (await makeBundle(name, entry));

/**
 * The precompiled module `name` of `entry`, made now if needed; undefined: run `entry` through tsx.
 * @param {string} name
 * @param {string} entry
 */
export async function moduleBundle(name, entry) {
  if (bundlesOff()) return undefined;
  try {
    return await compiledBundle(name, entry);
  } catch {
    return undefined;
  }
}

/** Set once this process loaded tsx itself (loadTsx): it then imports TypeScript. */
export const TSX_LOADED = Symbol.for("gongkai.tsx-loaded");

/**
 * Loads tsx into this process as `--import tsx` would: its ESM and CommonJS hooks both (a
 * site.config.ts in a folder without package.json is CommonJS to Node).
 */
export async function loadTsx() {
  await import("tsx");
  Object.defineProperty(globalThis, TSX_LOADED, { value: true, configurable: true });
}
