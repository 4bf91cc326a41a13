/**
 * One clean build shared by the test files of one `node --test` run that each built the same
 * unedited portal (the browser files of test/public and test/search): the first file to ask builds
 * it, the others wait for it and read the same folder. Made once per run: the folder is keyed by
 * the runner's process (its pid and start time, which no later run has), by the content's bytes
 * (content-digest.ts) and by the build's inputs, so code edited between runs is never read from an
 * older build. Only a finished build is shared: it is written to a folder of its own and renamed
 * into place after the build returned; a failed build leaves nothing behind, and a file that finds
 * the builder's process gone builds again. A process not started by the test runner (a file run
 * directly) builds a private copy, removed by `release`.
 *
 * The shared folders stay until the next run's first file removes those of runners that are gone
 * (~15 MB each); the tests only read them.
 */
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { contentDigest } from "./content-digest.ts";

export interface SharedBuild<T> {
  /** The build's output folder (`…/_site`). */
  outDir: string;
  /** What the build callback returned (kept as JSON beside the output). */
  extra: T;
  /** Removes a private build; a shared one stays for the run's other files. */
  release: () => void;
}

const PREFIX = "gongkai-run-";

/** The runner's pid and start time (field 22 of /proc/PID/stat), or undefined outside `node --test` on Linux. */
function runnerId(pid = process.ppid): string | undefined {
  if (!process.env.NODE_TEST_CONTEXT?.startsWith("child")) return undefined;
  return processId(pid);
}

function processId(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The name (field 2) may hold spaces and parentheses: the fields after it start at the last ")".
    const startTime = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
    return startTime ? `${pid}-${startTime}` : undefined;
  } catch {
    return undefined;
  }
}

/** Removes the shared folders of runs whose runner is gone (its pid ended, or now names another process). */
function removeEndedRuns(current: string): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(PREFIX) || name === PREFIX + current) continue;
    const [pid] = name.slice(PREFIX.length).split("-");
    if (processId(Number(pid)) !== name.slice(PREFIX.length))
      rmSync(path.join(tmpdir(), name), { recursive: true, force: true });
  }
}

/** Whether the process that took a lock (its id written in the lock folder) is still running. */
function holderAlive(lock: string): boolean {
  try {
    const holder = readFileSync(path.join(lock, "holder"), "utf8");
    return processId(Number(holder.split("-")[0])) === holder;
  } catch {
    // Taken a moment ago and not yet named: treat as alive, asked again on the next poll.
    return existsSync(lock);
  }
}

/**
 * The output of `build(outDir)` for `inputs` (everything the build depends on besides the code and
 * `contentDir`'s bytes), shared within the run.
 */
export async function runSharedBuild<T>(
  name: string,
  contentDir: string,
  inputs: unknown,
  build: (outDir: string) => Promise<T>,
): Promise<SharedBuild<T>> {
  const run = runnerId();
  if (!run) {
    const root = mkdtempSync(path.join(tmpdir(), `gongkai-${name}-`));
    const outDir = path.join(root, "_site");
    const extra = await build(outDir);
    return { outDir, extra, release: () => rmSync(root, { recursive: true, force: true }) };
  }
  const key = createHash("sha256")
    .update(JSON.stringify({ name, inputs, content: contentDigest(contentDir) }))
    .digest("hex")
    .slice(0, 24);
  const runDir = path.join(tmpdir(), PREFIX + run);
  mkdirSync(runDir, { recursive: true });
  removeEndedRuns(run);
  const done = path.join(runDir, `${name}-${key}`);
  const lock = `${done}.lock`;
  const me = processId(process.pid)!;
  const finished = (): SharedBuild<T> => ({
    outDir: path.join(done, "_site"),
    extra: JSON.parse(readFileSync(path.join(done, "extra.json"), "utf8")) as T,
    release: () => {},
  });
  for (;;) {
    if (existsSync(path.join(done, "extra.json"))) return finished();
    let mine = false;
    try {
      mkdirSync(lock);
      mine = true;
    } catch {
      if (!holderAlive(lock)) rmSync(lock, { recursive: true, force: true });
    }
    if (!mine) {
      await sleep(200);
      continue;
    }
    writeFileSync(path.join(lock, "holder"), me);
    const part = `${done}.part-${process.pid}`;
    try {
      const extra = await build(path.join(part, "_site"));
      writeFileSync(path.join(part, "extra.json"), JSON.stringify(extra));
      try {
        renameSync(part, done);
      } catch (err) {
        // Another file took a lock it found abandoned and finished first: its build is as good.
        if (!existsSync(path.join(done, "extra.json"))) throw err;
      }
      return finished();
    } finally {
      rmSync(part, { recursive: true, force: true });
      rmSync(lock, { recursive: true, force: true });
    }
  }
}
