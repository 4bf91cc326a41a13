/**
 * The build worker as one precompiled JavaScript file (src/bundle/module-bundle.mjs), so a
 * worker thread starts without tsx: importing the build's ~230 TypeScript modules through tsx's
 * loader cost a worker ~2.2 s of CPU (its own loader thread answering every resolve and load), the
 * bundle ~0.8 s. Anything that fails there only means the worker starts through tsx.
 */
import { Worker } from "node:worker_threads";
import { freshBundle, moduleBundle } from "../../bundle/module-bundle.mjs";

const NAME = "build-worker";
const SOURCE = "src/build/parallel/worker.ts";

/** The bundle, when it exists and none of its inputs changed since it was made (a few hundred stats). */
export const freshWorkerBundle = (): URL | undefined => freshBundle(NAME);

/** The worker's precompiled module, made now if needed; undefined: start the worker through tsx. */
export const workerBundle = (): Promise<URL | undefined> => moduleBundle(NAME, SOURCE);

/**
 * The process's Node options for a bundled worker: without tsx's preloads (`--import tsx`, and
 * what the tsx command adds), which would start tsx's loader for a module that needs none, and
 * without V8's heap sizes (`node --max-old-space-size=8192 …`), which a worker refuses.
 */
export function workerExecArgv(execArgv: readonly string[]): string[] {
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
    // A worker given one does not start (ERR_WORKER_INVALID_EXEC_ARGV); V8's flags are the
    // process's, so the workers' heaps follow them anyway.
    if (HEAP_SIZE.test(arg)) {
      if (!arg.includes("=") && /^\d+$/.test(execArgv[i + 1] ?? "")) i++;
      continue;
    }
    kept.push(arg);
  }
  return kept;
}

/** `--max-old-space-size=…`, `--max-semi-space-size`, `--initial-old-space-size`, `--initial-heap-size` … */
const HEAP_SIZE =
  /^--(max|min|initial)[-_](old[-_]space|semi[-_]space|young[-_]generation|heap)[-_]size(=|$)/;

/** The options a bundled worker was started with, once one started (the same for every worker). */
let started: string[] | undefined;

/**
 * A worker of the bundle with the process's Node options, less tsx's and the heap sizes
 * (`workerExecArgv`), and less any other option Node refuses a worker: it names them in its
 * error (ERR_WORKER_INVALID_EXEC_ARGV). Node 24's test runner hands its files every option at
 * its default (`--secure-heap=0`, `--v8-pool-size=4`, `--stack-trace-limit=10` …), all refused;
 * an operator may start the build with one too (`--stack-size`). Left out, the worker inherits
 * the process's value of those anyway.
 */
export function bundledWorker(bundle: URL): Worker {
  if (started) return new Worker(bundle, { execArgv: started });
  const execArgv = workerExecArgv(process.execArgv);
  let worker: Worker;
  try {
    worker = new Worker(bundle, { execArgv });
    started = execArgv;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ERR_WORKER_INVALID_EXEC_ARGV") throw err;
    const refused = (err as Error).message;
    const kept = execArgv.filter((arg) => !refused.includes(arg));
    worker = new Worker(bundle, { execArgv: kept });
    started = kept;
  }
  return worker;
}
