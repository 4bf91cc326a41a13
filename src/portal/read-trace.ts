/**
 * Noting what a page reads: proxies over the build state's shared data that note the path of
 * each part read, two levels deep (`portal.byType.video`, `portal.interpretedDocOf.get("…")`),
 * and the reads of per-portal memos replayed for each page that takes them (memo-reads.ts). The
 * main thread's tracer (src/build/cache/trace.ts) digests these paths; a render worker
 * (src/build/parallel/) renders detail pages through `tracedContext` and sends the paths back,
 * digested by the main thread, so a build that fills the cache renders on every core and notes
 * the same reads.
 */
import { tracesPortal, type ReadRecorder } from "./memo-reads.ts";
import type { Portal } from "./portal.ts";
import type { LayoutContext } from "../view/context.ts";

/** One step of a path into the state: a property, or a Map lookup. */
export type Step = string | { get: unknown };

/** Covered by the build fingerprint: the same for every page of a build. */
const IN_FINGERPRINT = new Set(["site", "types"]);

/** GONGKAI_CACHE_DEBUG=1 prints why pages cannot be cached. */
const DEBUG = process.env.GONGKAI_CACHE_DEBUG === "1";

/** The reads of one page (or of a memo being computed). */
export class Reads {
  readonly paths = new Set<string>();
  untraceable = false;
}

export class ReadTrace implements ReadRecorder {
  /** The reads of the page being rendered. */
  protected current?: Reads;
  /** Reads kept for per-portal memos being computed (memo-reads.ts), innermost last. */
  private readonly captures: Reads[] = [];

  /** Starts noting one page's reads. */
  protected open(): Reads {
    return (this.current = new Reads());
  }

  /** Stops noting; the paths read (sorted), or undefined when the page read something that cannot be compared. */
  protected close(reads: Reads): string[] | undefined {
    if (this.current === reads) this.current = undefined;
    return reads.untraceable ? undefined : [...reads.paths].sort();
  }

  /** Runs a synchronous `render`, noting its reads (a render worker's detail page). */
  record<T>(render: () => T): { result: T; paths?: string[] } {
    const reads = this.open();
    try {
      const result = render();
      return { result, paths: this.close(reads) };
    } finally {
      this.current = undefined;
    }
  }

  begin(): void {
    this.captures.push(new Reads());
  }

  end(): Reads | undefined {
    return this.captures.pop();
  }

  replay(reads: unknown): void {
    if (!(reads instanceof Reads)) return;
    for (const path of reads.paths) this.notePath(path);
    if (reads.untraceable) this.untraceable("a memo's read");
  }

  /**
   * A copy of `ctx` whose portal, image sizes and clock note what a page reads, as the main
   * thread's tracer swaps them into the build state's context (trace.ts `during`).
   */
  tracedContext(ctx: LayoutContext): LayoutContext {
    const { imageSize, now } = ctx;
    const traced: LayoutContext = { ...ctx, portal: this.proxy(ctx.portal, ["portal"], 1) as Portal };
    if (imageSize)
      traced.imageSize = (src) => {
        this.note(["image", { get: src }]);
        return imageSize(src);
      };
    Object.defineProperty(traced, "now", {
      configurable: true,
      enumerable: true,
      get: () => (this.note(["now"]), now),
    });
    return traced;
  }

  protected note(path: Step[]): void {
    if (this.current || this.captures.length) this.notePath(JSON.stringify(path));
  }

  private notePath(path: string): void {
    this.current?.paths.add(path);
    for (const capture of this.captures) capture.paths.add(path);
  }

  /**
   * A proxy that notes reads: an object's properties are followed `depth` levels more, a Map's
   * get/has note the key, anything else read whole (an array, a Map iterated) notes its path.
   */
  protected proxy(value: unknown, path: Step[], depth: number): unknown {
    if (value instanceof Map) return this.mapProxy(value, path);
    if (typeof value !== "object" || value === null || Array.isArray(value) || depth < 0) {
      this.note(path);
      return value;
    }
    const traced = new Proxy(value, {
      get: (target, key, receiver) => {
        const found: unknown = Reflect.get(target, key, receiver);
        if (typeof key === "symbol") {
          this.untraceable(`${JSON.stringify(path)} ${String(key)}`);
          return found;
        }
        if (path.length === 1 && path[0] === "portal" && IN_FINGERPRINT.has(key)) return found;
        if (typeof found === "function") {
          this.untraceable(`${JSON.stringify(path)}.${key}()`);
          return found;
        }
        return depth > 0 ? this.proxy(found, [...path, key], depth - 1) : (this.note([...path, key]), found);
      },
      has: (target, key) => {
        this.note(path);
        return Reflect.has(target, key);
      },
      ownKeys: (target) => {
        this.note(path);
        return Reflect.ownKeys(target);
      },
      getOwnPropertyDescriptor: (target, key) => {
        this.note(path);
        return Reflect.getOwnPropertyDescriptor(target, key);
      },
      set: () => {
        throw new Error("pages must not change the build state");
      },
    });
    if (path.length === 1 && path[0] === "portal") tracesPortal(traced, value);
    return traced;
  }

  private mapProxy(map: Map<unknown, unknown>, path: Step[]): Map<unknown, unknown> {
    return new Proxy(map, {
      get: (target, key) => {
        if (key === "get" || key === "has")
          return (k: unknown) => {
            this.note([...path, { get: k }]);
            return key === "get" ? target.get(k) : target.has(k);
          };
        this.note(path);
        const found: unknown = Reflect.get(target, key, target);
        return typeof found === "function" ? (found as (...a: unknown[]) => unknown).bind(target) : found;
      },
    });
  }

  private untraceable(what?: string): void {
    for (const capture of this.captures) capture.untraceable = true;
    if (!this.current) return;
    this.current.untraceable = true;
    if (DEBUG) console.error(`build cache: untraceable read ${what ?? ""}`);
  }
}
