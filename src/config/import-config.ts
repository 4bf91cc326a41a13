/**
 * Imports a site's or platform's own TypeScript (site.config.ts, platform.config.ts). Under tsx (the
 * tests, a command run as `tsx src/cli/…`) it is imported as it is; a command started from its
 * bundle (src/cli/launch.mjs) runs in plain Node, where the file is compiled the way the bundles
 * are (src/bundle/module-bundle.mjs) and kept for the next run. A file that does not compile is
 * reported with esbuild's message (file, line, column); if it cannot be compiled for another reason
 * (a read-only install), tsx is loaded and imports it.
 */
import { createHash } from "node:crypto";
import { pathToFileURL } from "node:url";
import { bundlesOff, compiledBundle, loadTsx, TSX_LOADED } from "../bundle/module-bundle.mjs";

/** Whether this process imports TypeScript: `--import tsx`, the tsx command's options, or the launcher's fallback. */
export const tsxLoaded = (): boolean =>
  TSX_LOADED in globalThis || process.execArgv.some((arg) => /(^|[/\\=])tsx([/\\]|$)/.test(arg));

/** The name of the compiled copy of the config file `abs`. */
export const configBundleName = (abs: string): string =>
  `config-${createHash("sha256").update(abs).digest("hex").slice(0, 16)}`;

async function compiled(abs: string): Promise<URL> {
  try {
    return await compiledBundle(configBundleName(abs), abs);
  } catch (err) {
    // esbuild's own failure: the file is wrong, and the message says where.
    if (Array.isArray((err as { errors?: unknown }).errors)) throw err;
    await loadTsx();
    return pathToFileURL(abs);
  }
}

/** How Node refuses a .ts module it cannot run without tsx. */
const TS_REFUSED = new Set(["ERR_UNKNOWN_FILE_EXTENSION", "ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX"]);

export async function importConfigModule(abs: string): Promise<unknown> {
  if (tsxLoaded() || bundlesOff())
    return ((await import(pathToFileURL(abs).href)) as { default?: unknown }).default;
  const url = await compiled(abs);
  try {
    return ((await import(url.href)) as { default?: unknown }).default;
  } catch (err) {
    // The compiled copy imports TypeScript it could not include (a `file:` URL of a .ts module, as
    // a config kept outside the project names the generator's helpers): tsx imports the file.
    // Node 20 refuses the .ts outright; Node 22 and 24 strip its types themselves and refuse the
    // syntax stripping cannot run (the generator's parameter properties, enums).
    if (!TS_REFUSED.has(String((err as NodeJS.ErrnoException).code))) throw err;
    await loadTsx();
    const loaded = ((await import(pathToFileURL(abs).href)) as { default?: unknown }).default;
    // A .ts file outside any `"type": "module"` package is CommonJS to tsx: its `export default` is
    // then module.exports.default (tsx unwraps it only in the modules it compiles, not this one).
    const commonJs = loaded as { __esModule?: boolean; default?: unknown } | undefined;
    return commonJs?.__esModule ? commonJs.default : loaded;
  }
}
