/**
 * Watches a folder tree and calls back with the paths that changed, after a short quiet period,
 * one call at a time (changes made during a call are handed to the next one).
 */
import { watch } from "node:fs";

export function watchTree(
  dir: string,
  onChange: (relPaths: Set<string>) => Promise<void>,
  quietMs = 30,
): () => void {
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  const flush = async () => {
    timer = undefined;
    if (running || pending.size === 0) return;
    running = true;
    const batch = pending;
    pending = new Set();
    try {
      await onChange(batch);
    } finally {
      running = false;
      if (pending.size) timer = setTimeout(() => void flush(), quietMs);
    }
  };
  const watcher = watch(dir, { recursive: true }, (_event, filename) => {
    if (filename) pending.add(filename.toString().split("\\").join("/"));
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), quietMs);
  });
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}
