/**
 * What a page read while it rendered, recorded so the next build can tell whether it would
 * render the same (a "verifying trace", as build systems such as Shake keep). During the
 * streamed phase the build state's shared data (the portal, the tallies, the list and detail
 * arrays, the media list) is swapped for proxies that note each part a page reads, two levels
 * deep: `portal.byType.video`, `portal.interpretedDocOf.get("…")`, `tallies.years`. The next
 * build reuses a page only if each part it read has the same digest now. The site config and the
 * type list are part of the build fingerprint instead (fingerprint.ts), the page's own item is
 * in its key, and image sizes are traced per file, as is the build's clock (`state.now`, `ctx.now`).
 */
import type { BuildState } from "../../eleventy/state.ts";
import { Untraceable, type Digests } from "./digest.ts";
import { recordReadsWith, type ReadRecorder } from "../../portal/memo-reads.ts";

/** One step of a path into the state: a property, or a Map lookup. */
type Step = string | { get: unknown };
/** A dependency: the path (JSON of Step[]) and the digest of what it held. */
export type Dependency = [path: string, digest: string];

/** Covered by the build fingerprint: the same for every page of a build. */
const IN_FINGERPRINT = new Set(["site", "types"]);
const ROOTS = ["portal", "tallies", "lists", "details", "media"] as const;
type Root = (typeof ROOTS)[number];

/** GONGKAI_CACHE_DEBUG=1 prints why pages cannot be cached. */
const DEBUG = process.env.GONGKAI_CACHE_DEBUG === "1";

/** The reads of one page. */
class Reads {
  readonly paths = new Set<string>();
  untraceable = false;
}

export class Tracer implements ReadRecorder {
  private current?: Reads;
  /** Reads kept for per-portal memos being computed (memo-reads.ts), innermost last. */
  private readonly captures: Reads[] = [];
  private readonly memo = new Map<string, string | null>();
  private readonly checked = new WeakMap<readonly Dependency[], boolean>();
  /** The state's own values, read when digesting (never through the proxies). */
  private readonly raw: Record<Root, unknown>;
  private readonly rawImageSize: BuildState["ctx"]["imageSize"];
  private readonly rawNow: number;

  constructor(
    private readonly state: BuildState,
    private readonly digests: Digests,
  ) {
    const roots = state as unknown as Record<Root, unknown>;
    this.raw = Object.fromEntries(ROOTS.map((root) => [root, roots[root]])) as Record<Root, unknown>;
    this.rawImageSize = state.ctx.imageSize;
    this.rawNow = state.now;
  }

  /** The digest of what `path` holds in this build's state, or null when it cannot be compared. */
  digestOf(path: string): string | null {
    let digest = this.memo.get(path);
    if (digest === undefined) {
      try {
        digest = this.digests.of(this.resolve(JSON.parse(path) as Step[]));
      } catch (err) {
        if (!(err instanceof Untraceable) && !(err instanceof SyntaxError)) throw err;
        digest = null;
      }
      this.memo.set(path, digest);
    }
    return digest;
  }

  /** Are all of `deps` as they were? (Pages with the same reads share the list: checked once.) */
  unchanged(deps: readonly Dependency[]): boolean {
    let same = this.checked.get(deps);
    if (same === undefined) {
      same = deps.every(([path, digest]) => this.digestOf(path) === digest);
      this.checked.set(deps, same);
    }
    return same;
  }

  /**
   * Runs `render` with the state's shared data traced; returns its result and what it read, or
   * `deps: undefined` when it read something that cannot be compared (render it every time).
   */
  async trace<T>(render: () => Promise<T>): Promise<{ result: T; deps?: Dependency[] }> {
    const reads = (this.current = new Reads());
    try {
      const result = await render();
      if (reads.untraceable) return { result };
      const deps: Dependency[] = [];
      for (const path of [...reads.paths].sort()) {
        const digest = this.digestOf(path);
        if (digest === null) {
          if (DEBUG) console.error(`build cache: cannot digest ${path}`);
          return { result };
        }
        deps.push([path, digest]);
      }
      return { result, deps };
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

  /** Swaps the traced proxies into the state while `work` runs. */
  async during<T>(work: () => Promise<T>): Promise<T> {
    const state = this.state as unknown as Record<Root, unknown>;
    const saved = this.raw;
    const ctx = this.state.ctx;
    const { portal } = ctx;
    const imageSize = this.rawImageSize;
    for (const root of ROOTS) state[root] = this.proxy(saved[root], [root], 1);
    // A page that reads the build's clock (a consultation's 征集中/已结束) depends on it, and is
    // rendered again when it moves.
    const clocks = [this.state, ctx] as object[];
    for (const holder of clocks)
      Object.defineProperty(holder, "now", {
        configurable: true,
        enumerable: true,
        get: () => (this.note(["now"]), this.rawNow),
      });
    ctx.portal = state.portal as typeof portal;
    if (imageSize)
      ctx.imageSize = (src) => {
        this.note(["image", { get: src }]);
        return imageSize(src);
      };
    recordReadsWith(this);
    try {
      return await work();
    } finally {
      recordReadsWith(undefined);
      for (const root of ROOTS) state[root] = saved[root];
      for (const holder of clocks)
        Object.defineProperty(holder, "now", {
          configurable: true,
          enumerable: true,
          writable: true,
          value: this.rawNow,
        });
      ctx.portal = portal;
      ctx.imageSize = imageSize;
    }
  }

  private resolve(path: Step[]): unknown {
    const [root, ...rest] = path;
    if (root === "now") return this.rawNow;
    let value: unknown =
      root === "image" ? { get: (src: string) => this.rawImageSize?.(src) } : this.rawRoot(root);
    for (const step of rest) {
      if (typeof step === "string") value = (value as Record<string, unknown> | undefined)?.[step];
      else value = (value as { get(key: unknown): unknown } | undefined)?.get(step.get);
    }
    return value;
  }

  private rawRoot(root: Step): unknown {
    if (typeof root !== "string" || !(ROOTS as readonly string[]).includes(root))
      throw new Untraceable(`path ${JSON.stringify(root)}`);
    return this.raw[root as Root];
  }

  private note(path: Step[]): void {
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
  private proxy(value: unknown, path: Step[], depth: number): unknown {
    if (value instanceof Map) return this.mapProxy(value, path);
    if (typeof value !== "object" || value === null || Array.isArray(value) || depth < 0) {
      this.note(path);
      return value;
    }
    return new Proxy(value, {
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
