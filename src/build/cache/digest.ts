/**
 * Digests of the values a page is rendered from, stable across processes: the same content gives
 * the same string in the next build, so a page's inputs can be compared without its HTML.
 * Records stand in by their own digest (computed once per record object), so a list of 30k
 * records costs one short string per record; Maps and Sets are written as their entries (JSON
 * would write `{}`). A function cannot be compared (a closure's data is not in its source text):
 * `Untraceable` is thrown and the caller renders the page every time.
 */
import { createHash } from "node:crypto";

export class Untraceable extends Error {
  constructor(what: string) {
    super(`cannot compare ${what} between builds`);
  }
}

export const hashText = (text: string): string => createHash("sha1").update(text).digest("base64url");

/** Record fields that say where the checkout is, not what the page shows. */
const MACHINE_FIELDS = new Set(["abs"]);

export class Digests {
  private readonly ofRecord = new WeakMap<object, string>();
  private readonly ofShared = new WeakMap<object, string | Untraceable>();

  /** `records`: the objects that are content records (their digest stands in for them). */
  constructor(private readonly records: ReadonlySet<object>) {}

  isRecord(value: unknown): value is object {
    return typeof value === "object" && value !== null && this.records.has(value);
  }

  record(record: object): string {
    let digest = this.ofRecord.get(record);
    if (digest === undefined) {
      const text = JSON.stringify(record, (key, value: unknown) =>
        MACHINE_FIELDS.has(key) ? undefined : this.plain(value),
      );
      this.ofRecord.set(record, (digest = hashText(text)));
    }
    return digest;
  }

  /**
   * A digest of any value the pages read; throws Untraceable for functions, except a page that
   * declares what its `render` closes over (`inputs`, src/content-types/spec.ts TypePage): it
   * stands in by its URL and the digests of its inputs.
   */
  of(value: unknown): string {
    if (value === undefined) return "u";
    if (this.isRecord(value)) return `#${this.record(value)}`;
    if (hasInputs(value))
      return hashText(JSON.stringify([value.url, value.inputs.map((input) => this.shared(input))]));
    return hashText(
      JSON.stringify(value, (_key, v: unknown) => (this.isRecord(v) ? `#${this.record(v)}` : this.plain(v))),
    );
  }

  /** Inputs are shared by many pages (an organ by its ~85): each object is digested once. */
  private shared(value: unknown): string {
    if (typeof value !== "object" || value === null) return this.of(value);
    let digest = this.ofShared.get(value);
    if (digest === undefined) {
      try {
        digest = this.of(value);
      } catch (err) {
        // Remembered too: an organ's 年报 holds functions, and ~100 pages would try again.
        if (!(err instanceof Untraceable)) throw err;
        digest = err;
      }
      this.ofShared.set(value, digest);
    }
    if (digest instanceof Untraceable) throw digest;
    return digest;
  }

  private plain(value: unknown): unknown {
    if (typeof value === "function") {
      // A function that declares what it closes over (spec.ts withInputs) stands in by that.
      const { inputs } = value as { inputs?: unknown };
      if (Array.isArray(inputs)) return { "§fn": [value.name, ...inputs.map((input) => this.shared(input))] };
      throw new Untraceable(`function ${value.name || "(anonymous)"}`);
    }
    if (typeof value === "bigint" || typeof value === "symbol") throw new Untraceable(typeof value);
    if (value instanceof Map) return { "§map": [...value.entries()] };
    if (value instanceof Set) return { "§set": [...value] };
    return value;
  }
}

function hasInputs(value: unknown): value is { url: string; inputs: readonly unknown[] } {
  const page = value as { url?: unknown; inputs?: unknown; render?: unknown } | null;
  return (
    typeof page === "object" &&
    page !== null &&
    typeof page.url === "string" &&
    Array.isArray(page.inputs) &&
    typeof page.render === "function"
  );
}
