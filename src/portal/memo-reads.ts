/**
 * Values computed once per portal (a WeakMap keyed by the portal a page passes) and the build
 * cache's trace (src/build/cache/trace.ts): while pages render, the portal is a proxy that notes
 * what each page reads, but a memo's reads are noted only by the page that computed it; every
 * later page got the value and noted nothing, and so was reused from the cache after an edit that
 * changed what it shows (a policy amended by an edited document). A `PortalMemo` keeps the reads
 * of its computation and gives them again to each page that takes the value.
 */

/** Notes reads for the page being rendered (the build cache's tracer, while one is active). */
export interface ReadRecorder {
  /** Starts keeping the reads noted from now on (nested: each open capture keeps them). */
  begin(): void;
  /** Stops the last capture begun and returns what it kept. */
  end(): unknown;
  /** Notes `reads` (what `end` returned) for the page being rendered. */
  replay(reads: unknown): void;
}

let recorder: ReadRecorder | undefined;

/** Set by the tracer while pages render, unset after (src/build/cache/trace.ts). */
export function recordReadsWith(next: ReadRecorder | undefined): void {
  recorder = next;
}

/** Is a tracer noting what pages read (the build cache's render)? */
export const recordingReads = (): boolean => recorder !== undefined;

/** Each traced proxy of a portal (read-trace.ts), to the portal it notes the reads of. */
const tracedPortals = new WeakMap<object, object>();

/** Said by the tracer of each proxy it makes of a portal. */
export function tracesPortal(proxy: object, portal: object): void {
  tracedPortals.set(proxy, portal);
}

/**
 * The portal that `portal`, a traced proxy, notes the reads of; undefined for any other object.
 * A value made from a portal alone may be taken from the plain portal (its memo, a kept result
 * of the build cache) by a page that then reads through the proxy what making it would have
 * read, so the page's trace stays what it was (organs/platform.ts `organsOf`).
 */
export const untracedPortal = <P extends object>(portal: P): P | undefined =>
  tracedPortals.get(portal) as P | undefined;

export class PortalMemo<V> {
  private readonly memo = new WeakMap<object, { value: V; reads: unknown }>();

  /** The value for `portal`, computed by `compute` the first time; each caller notes its reads. */
  get(portal: object, compute: () => V): V {
    const hit = this.memo.get(portal);
    if (hit) {
      if (hit.reads !== undefined) recorder?.replay(hit.reads);
      return hit.value;
    }
    const capturing = recorder;
    capturing?.begin();
    let value: V;
    let reads: unknown;
    try {
      value = compute();
    } finally {
      reads = capturing?.end();
    }
    this.memo.set(portal, { value, reads });
    return value;
  }
}
