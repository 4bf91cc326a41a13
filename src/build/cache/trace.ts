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
import { recordReadsWith } from "../../portal/memo-reads.ts";
import { ReadTrace, type Step } from "../../portal/read-trace.ts";
import type { ListMembers } from "./list-members.ts";
import type { KeptMapReads } from "./interpretation-reads.ts";
import { hashTracedArray, ownFieldsPath } from "./traced-arrays.ts";

/** A dependency: the path (JSON of Step[]) and the digest of what it held. */
export type Dependency = [path: string, digest: string];

const ROOTS = ["portal", "tallies", "lists", "details", "media"] as const;
type Root = (typeof ROOTS)[number];

/** GONGKAI_CACHE_DEBUG=1 prints why pages cannot be cached. */
const DEBUG = process.env.GONGKAI_CACHE_DEBUG === "1";

export class Tracer extends ReadTrace {
  private readonly memo = new Map<string, string | null>();
  private readonly checked = new WeakMap<readonly Dependency[], boolean>();
  /** The state's own values, read when digesting (never through the proxies). */
  private readonly raw: Record<Root, unknown>;
  private readonly rawImageSize: BuildState["ctx"]["imageSize"];
  private readonly rawNow: number;
  /** Portal arrays read whole whose elements hash was the last build's, or it with places replaced (traced-arrays.ts). */
  arraysKept = 0;

  /**
   * `members`: the last build's lists, to take a portal array's hash without walking it
   * (traced-arrays.ts); `mapReads`: the 解读 maps' entries proved as they were (interpretation-reads.ts).
   */
  constructor(
    private readonly state: BuildState,
    private readonly digests: Digests,
    private readonly members?: ListMembers,
    readonly mapReads?: KeptMapReads,
  ) {
    super();
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
        const steps = JSON.parse(path) as Step[];
        const value = this.resolve(steps);
        if (this.members && Array.isArray(value) && ownFieldsPath(steps))
          if (hashTracedArray(this.members, this.digests, path, value)) this.arraysKept++;
        digest = this.digests.of(value);
      } catch (err) {
        if (!(err instanceof Untraceable) && !(err instanceof SyntaxError)) throw err;
        digest = null;
      }
      this.memo.set(path, digest);
    }
    return digest;
  }

  /**
   * Are all of `deps` as they were? (Pages with the same reads share the list: checked once.) A
   * read the generation proves as it was is not digested (interpretation-reads.ts).
   */
  unchanged(deps: readonly Dependency[]): boolean {
    let same = this.checked.get(deps);
    if (same === undefined) {
      const kept = this.mapReads;
      same = deps.every(([path, digest]) => kept?.holds(path) || this.digestOf(path) === digest);
      this.checked.set(deps, same);
    }
    return same;
  }

  /**
   * Runs `render` with the state's shared data traced; returns its result and what it read, or
   * `deps: undefined` when it read something that cannot be compared (render it every time).
   */
  async trace<T>(render: () => Promise<T>): Promise<{ result: T; deps?: Dependency[] }> {
    const reads = this.open();
    try {
      const result = await render();
      const paths = this.close(reads);
      return { result, deps: paths && this.depsOf(paths) };
    } finally {
      this.current = undefined;
    }
  }

  /** The reads at `paths` with their digests now, or undefined when one cannot be compared. */
  depsOf(paths: readonly string[]): Dependency[] | undefined {
    const deps: Dependency[] = [];
    for (const path of paths) {
      const digest = this.digestOf(path);
      if (digest === null) {
        if (DEBUG) console.error(`build cache: cannot digest ${path}`);
        return undefined;
      }
      deps.push([path, digest]);
    }
    return deps;
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
}
