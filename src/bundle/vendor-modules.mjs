/**
 * A few plain-JavaScript packages each compiled into one module beside the bundles
 * (node_modules/.cache/gongkai/vendor-<name>.mjs), which the bundles and a site's compiled config
 * import instead of the package: through Node's ESM loader every module of a package is
 * resolved, read and compiled on its own at each start (zod alone ~0.1 s of CPU; these packages
 * together ~0.2 s of a command's ~0.5 s start). One file per package, imported by every bundle of
 * the process, keeps one instance of each (`instanceof z.ZodObject` holds for a schema a site's
 * config made). The module exports the names the package gives an `import` in Node, taken by
 * importing it when the module is made; what the package imports is compiled in as resolved
 * from it. Made again when the package's package.json or package-lock.json changes.
 *
 * Plain JavaScript, since the command launcher runs it before any TypeScript loader.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Packages that read no file of their own and are imported by their name only (not a subpath). */
const VENDORED = new Set([
  "entities",
  "get-east-asian-width",
  "image-size",
  "js-yaml",
  "luxon",
  "markdown-it",
  "markdown-it-container",
  "saxes",
  "zod",
]);

/** @param {string} root @param {string} rel */
const stampOf = (root, rel) => {
  const { mtimeMs, size } = statSync(path.join(root, rel));
  return `${mtimeMs}:${size}`;
};

/** What the vendor module of `name` is made from (relative to the project). @param {string} name */
export const vendorInputs = (name) => [`node_modules/${name}/package.json`, "package-lock.json"];

/**
 * The file name of `name`'s vendor module in `cacheDir`, made now unless it is fresh.
 * @param {string} name
 * @param {string} cacheDir
 * @param {string} root the project
 */
async function vendorModule(name, cacheDir, root) {
  const file = `vendor-${name}.mjs`;
  const stamps = path.join(cacheDir, `vendor-${name}.json`);
  /** @type {Record<string, string>} */
  const files = {};
  for (const rel of vendorInputs(name)) files[rel] = stampOf(root, rel);
  try {
    if (JSON.stringify(JSON.parse(readFileSync(stamps, "utf8"))) === JSON.stringify(files)) {
      statSync(path.join(cacheDir, file));
      return file;
    }
  } catch {
    // Not made yet, or unreadable: made now.
  }
  /** @type {Record<string, unknown>} */
  const module = await import(name);
  const names = Object.keys(module).filter((key) => key !== "default" && /^[A-Za-z_$][\w$]*$/.test(key));
  const source = [
    names.length ? `export { ${names.join(", ")} } from ${JSON.stringify(name)};` : "",
    "default" in module ? `export { default } from ${JSON.stringify(name)};` : "",
  ].join("\n");
  const esbuild = await import("esbuild");
  const result = await esbuild.build({
    stdin: { contents: source, resolveDir: root, sourcefile: `vendor-${name}.js` },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    write: false,
    logLevel: "silent",
  });
  mkdirSync(cacheDir, { recursive: true });
  const temp = `.${process.pid}.${Math.random().toString(36).slice(2)}`;
  writeFileSync(path.join(cacheDir, file + temp), result.outputFiles[0].contents);
  renameSync(path.join(cacheDir, file + temp), path.join(cacheDir, file));
  writeFileSync(stamps + temp, JSON.stringify(files));
  renameSync(stamps + temp, stamps);
  return file;
}

/**
 * An esbuild plugin: the project's (or a config's) import of a vendored package is an import of
 * its vendor module, made if needed; `used` collects the packages so imported.
 * @param {string} cacheDir where the bundle is written (the vendor modules are beside it)
 * @param {string} root the project
 * @param {Set<string>} used
 */
export function vendorPlugin(cacheDir, root, used) {
  return {
    name: "vendor-modules",
    /** @param {{ onResolve(options: { filter: RegExp }, callback: (args: { path: string, importer: string }) => unknown): void }} build */
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (!VENDORED.has(args.path) || args.importer.split(path.sep).includes("node_modules"))
          return undefined;
        used.add(args.path);
        return { path: `./${await vendorModule(args.path, cacheDir, root)}`, external: true };
      });
    },
  };
}
