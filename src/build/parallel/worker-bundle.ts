/**
 * The build worker as one precompiled JavaScript file, so a worker thread starts without tsx:
 * importing the build's ~230 TypeScript modules through tsx's loader cost a worker ~2.2 s of CPU
 * (its own loader thread answering every resolve and load), the bundle ~0.8 s. The bundle is made
 * with esbuild (the compiler tsx itself runs, same settings: keepNames, the project's tsconfig) into
 * node_modules/.cache/gongkai/ and made again only when one of its source files changed (their
 * mtime and size are recorded beside it). `import.meta.url` is replaced by each source file's own
 * URL, so files found next to a module (data/, assets, other workers) are found as before.
 * Anything that fails here (a read-only install, no esbuild) only means the worker starts
 * through tsx, as it did before.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const SOURCE = path.join(ROOT, "src", "build", "parallel", "worker.ts");
const CACHE = path.join(ROOT, "node_modules", ".cache", "gongkai");
const BUNDLE = path.join(CACHE, "build-worker.mjs");
const STAMPS = path.join(CACHE, "build-worker.json");
/** Files besides the bundle's inputs whose change changes the bundle. */
const SETTINGS = ["tsconfig.json", "package.json"];

interface Stamps {
  esbuild: string;
  /** Path relative to ROOT → `${mtimeMs}:${size}`. */
  files: Record<string, string>;
}

const stampOf = (rel: string): string => {
  const { mtimeMs, size } = statSync(path.join(ROOT, rel));
  return `${mtimeMs}:${size}`;
};

/** The bundle, when it exists and none of its inputs changed since it was made (a few hundred stats). */
export function freshWorkerBundle(): URL | undefined {
  if (process.env.GONGKAI_WORKER_BUNDLE === "0") return undefined;
  try {
    const stamps = JSON.parse(readFileSync(STAMPS, "utf8")) as Stamps;
    for (const [rel, stamp] of Object.entries(stamps.files)) if (stampOf(rel) !== stamp) return undefined;
    statSync(BUNDLE);
    return pathToFileURL(BUNDLE);
  } catch {
    return undefined;
  }
}

/** Each project source file with `import.meta.url` as its own URL (not the bundle's). */
const ownMetaUrl = {
  name: "own-import-meta-url",
  setup(build: {
    onLoad(
      options: { filter: RegExp },
      callback: (args: { path: string }) => { contents: string; loader: "ts" | "js" } | undefined,
    ): void;
  }) {
    build.onLoad({ filter: /\.(ts|mts|mjs|js)$/ }, (args) => {
      const text = readFileSync(args.path, "utf8");
      if (!text.includes("import.meta.url")) return undefined;
      return {
        contents: text.replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href)),
        loader: /\.m?ts$/.test(args.path) ? "ts" : "js",
      };
    });
  },
};

async function makeBundle(): Promise<URL> {
  const esbuild = await import("esbuild");
  const result = await esbuild.build({
    entryPoints: [SOURCE],
    absWorkingDir: ROOT,
    bundle: true,
    platform: "node",
    format: "esm",
    target: `node${process.versions.node.split(".")[0]}`,
    // Packages stay imports: resolved from node_modules/.cache/gongkai/ they are the project's own.
    packages: "external",
    keepNames: true,
    write: false,
    metafile: true,
    logLevel: "silent",
    plugins: [ownMetaUrl],
  });
  const files: Record<string, string> = {};
  for (const rel of [...Object.keys(result.metafile.inputs), ...SETTINGS]) files[rel] = stampOf(rel);
  mkdirSync(CACHE, { recursive: true });
  // Builds running at once may both write: each writes its own file and renames it into place.
  const temp = `.${process.pid}.${Math.random().toString(36).slice(2)}`;
  writeFileSync(BUNDLE + temp, result.outputFiles[0].contents);
  renameSync(BUNDLE + temp, BUNDLE);
  writeFileSync(STAMPS + temp, JSON.stringify({ esbuild: esbuild.version, files } satisfies Stamps));
  renameSync(STAMPS + temp, STAMPS);
  return pathToFileURL(BUNDLE);
}

/** The worker's precompiled module, made now if needed; undefined: start the worker through tsx. */
export async function workerBundle(): Promise<URL | undefined> {
  if (process.env.GONGKAI_WORKER_BUNDLE === "0") return undefined;
  try {
    return freshWorkerBundle() ?? (await makeBundle());
  } catch {
    return undefined;
  }
}

/**
 * The process's Node options without tsx's preloads (`--import tsx`, and what the tsx command
 * adds): a worker inherits them, and would start tsx's loader for a module that needs none.
 */
export function withoutTsx(execArgv: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i];
    const joined = /^--(import|require|loader|experimental-loader)=(.*)$/.exec(arg);
    if (joined && /(^|[/\\])tsx([/\\]|$)/.test(joined[2])) continue;
    if (/^(--import|--require|-r|--loader|--experimental-loader)$/.test(arg)) {
      if (/(^|[/\\])tsx([/\\]|$)/.test(execArgv[i + 1] ?? "")) {
        i++;
        continue;
      }
    }
    kept.push(arg);
  }
  return kept;
}
