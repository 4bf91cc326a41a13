/**
 * Watches a folder tree and calls back with the paths that changed (relative, forward slashes),
 * after a short quiet period, one call at a time: changes made during a call are handed to the
 * next one, so no save is lost while a rebuild runs.
 *
 * The watching itself is chokidar's. Node's own recursive `fs.watch` (Node 20 on Linux) watches
 * each file's inode, so it lost files replaced by a rename (`sed -i`, editors' atomic saves, `git
 * checkout`) and never saw files moved in from outside; chokidar re-watches replaced files, scans
 * folders that appear, and reports an editor's delete-then-rename save as one change.
 */
import { lstatSync } from "node:fs";
import path from "node:path";
import { watch, type FSWatcher } from "chokidar";

/**
 * How long after a call its paths are looked at again. A save chokidar reported may still be
 * landing when the call reads it (`git checkout` unlinks, creates, then writes; chokidar re-watches
 * the new file after its first event), and chokidar may miss the rest, so a file whose stat moved
 * since the call began is handed to the next call.
 */
const RECHECK_MS = 300;

export interface TreeWatcher {
  /** Resolves once every file present at the start is watched: a save after this is seen. */
  ready: Promise<void>;
  /** Reports these paths as changed, as if the watcher had seen them (src/dev/catch-up.ts). */
  notify(relPaths: Iterable<string>): void;
  /** Stops watching and waits for the call under way, if any. */
  close(): Promise<void>;
}

export interface WatchOptions {
  /**
   * Quiet time before a call. Longer than chokidar's 50 ms per-file throttle of change events,
   * so a write whose event it dropped has landed before the files are read.
   */
  quietMs?: number;
  /** Told about watcher errors and errors thrown by `onChange` (the watching goes on). */
  onError?: (err: unknown) => void;
  /**
   * Start watching only once this settles: chokidar's first scan of 50k files takes seconds on
   * the thread that loads the content, so `npm start` lets the records load first.
   */
  startAfter?: Promise<unknown>;
}

export function watchTree(
  dir: string,
  onChange: (relPaths: Set<string>) => Promise<void>,
  options: WatchOptions = {},
): TreeWatcher {
  const quietMs = options.quietMs ?? 60;
  const onError = options.onError ?? ((err: unknown) => console.error(err));
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let closed = false;
  let recheck: NodeJS.Timeout | undefined;
  let calls = 0;
  /**
   * Paths that appeared since the last call. One that goes again before the call is dropped: a
   * tool's temporary file (`sed -i` writes `sedXXXXXX` and renames it over the file) is not a
   * change, and under load its events can come before the saved file's.
   */
  let appeared = new Set<string>();
  /** The last call each path was handed to: only that call's recheck looks at it. */
  const lastCall = new Map<string, number>();
  const stampOf = (rel: string) => {
    try {
      const stat = lstatSync(path.join(dir, rel));
      return `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
    } catch {
      return "gone";
    }
  };
  const flush = async () => {
    timer = undefined;
    if (running || pending.size === 0) return; // a running call re-arms the timer when it ends
    const batch = pending;
    pending = new Set();
    appeared = new Set();
    const call = ++calls;
    const before = [...batch].map((rel) => {
      lastCall.set(rel, call);
      return [rel, stampOf(rel)] as const;
    });
    running = onChange(batch).catch(onError);
    await running;
    running = undefined;
    if (closed) return;
    if (pending.size) timer = setTimeout(() => void flush(), quietMs);
    recheck = setTimeout(() => {
      const moved: string[] = [];
      for (const [rel, stamp] of before) {
        // A later call read it again (the watcher saw the rest of the save): its recheck looks.
        if (lastCall.get(rel) !== call) continue;
        lastCall.delete(rel);
        if (stampOf(rel) !== stamp) moved.push(rel);
      }
      if (moved.length) changed(moved);
    }, RECHECK_MS);
  };
  const changed = (relPaths: Iterable<string>) => {
    if (closed) return;
    for (const rel of relPaths) pending.add(rel);
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), quietMs);
  };
  let watcher: FSWatcher | undefined;
  const ready = (options.startAfter ?? Promise.resolve())
    .catch(() => undefined)
    .then(() => {
      if (closed) return;
      const started = watch(dir, { ignoreInitial: true, followSymlinks: false });
      started.on("all", (event, abs) => {
        const rel = path.relative(dir, abs).split(path.sep).join("/");
        if (event === "add" || event === "addDir") appeared.add(rel);
        else if ((event === "unlink" || event === "unlinkDir") && appeared.delete(rel)) {
          pending.delete(rel);
          return;
        }
        changed([rel]);
      });
      started.on("error", onError);
      watcher = started;
      return new Promise<void>((resolve) => started.once("ready", resolve));
    });
  return {
    ready,
    notify: changed,
    close: async () => {
      closed = true;
      clearTimeout(timer);
      clearTimeout(recheck);
      timer = undefined;
      pending.clear();
      await watcher?.close();
      await running;
    },
  };
}
