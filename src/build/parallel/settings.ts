/**
 * How many threads a build uses, and from what size on: a worker thread costs about a second of
 * CPU to start (it imports the content types, zod and the layouts through tsx), which pays off
 * only for a few thousand files or pages.
 */
import { availableParallelism } from "node:os";

export interface ParallelSettings {
  /** Threads in all, the main thread included; 1 is the single-threaded build. */
  threads: number;
  /** Fewer content files than this are read on the main thread alone. */
  minFiles: number;
  /** With fewer than half this many records the streamed pages are rendered on the main thread alone. */
  minPages: number;
  /** Tests: the main thread takes no batch, so every file and page goes through a worker. */
  workersOnly?: boolean;
}

/**
 * Each render worker holds its own copy of the records and the portal, so
 * more cores do not mean more workers without bound; GONGKAI_THREADS sets the number (1: the
 * single-threaded build, which benchmarks compare with).
 */
const MAX_DEFAULT_THREADS = 4;

export function defaultParallelSettings(): ParallelSettings {
  const fromEnv = Number(process.env.GONGKAI_THREADS);
  return {
    threads:
      Number.isInteger(fromEnv) && fromEnv >= 1
        ? fromEnv
        : Math.min(availableParallelism(), MAX_DEFAULT_THREADS),
    minFiles: 2000,
    minPages: 2000,
  };
}
