/**
 * Digests of the values a page is rendered from, stable across processes: the same content gives
 * the same string in the next build, so a page's inputs can be compared without its HTML.
 * Records stand in by their own digest (once per record object); Maps and Sets by their entries.
 * A function cannot be compared (a closure's data is not in its source text): `Untraceable`.
 */
import { storedDigestOf } from "./records.ts";
import { hashText } from "./hash-text.ts";

export class Untraceable extends Error {
  constructor(what: string) {
    super(`cannot compare ${what} between builds`);
  }
}

/** Arrays this short, below a page's item, are written out each time they are met (`text`). */
const SHORT_LIST = 64;
const SHORT_TEXT = 4096;

/** Record fields that say where the checkout is, not what the page shows. */
const MACHINE_FIELDS = new Set(["abs"]);

export class Digests {
  private readonly ofRecord = new WeakMap<object, string>();
  private readonly ofShared = new WeakMap<object, string | Untraceable>();
  /** The text an object stands in by: a record's `#digest`, a part's own text (or its hash). */
  private readonly ofPart = new WeakMap<object, string>();
  /** Each array's `elementsHash`, and how many were made. */
  private readonly ofArray = new WeakMap<readonly unknown[], string>();
  arraysHashed = 0;

  /** `records`: the objects that are content records (their digest stands in for them). */
  constructor(private readonly records: ReadonlySet<object>) {}

  isRecord(value: unknown): value is object {
    return typeof value === "object" && value !== null && this.records.has(value);
  }

  /** The record's digest when this build already knows it (computed, or kept by the record store). */
  known(record: object): string | undefined {
    // The store's first: it has nearly every record (one lookup, not two, per detail page's key).
    return storedDigestOf(record) ?? this.ofRecord.get(record);
  }

  record(record: object): string {
    let digest = this.known(record);
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
    return hashText(this.unhashed(value));
  }

  /** What `of` hashes (records and undefined as `of` gives them), for a caller that hashes it anyway (a page's key); an array by `elementsHash`. */
  unhashed(value: unknown): string {
    if (value === undefined) return "u";
    if (this.isRecord(value)) return `#${this.record(value)}`;
    if (hasInputs(value)) return JSON.stringify([value.url, value.inputs.map((input) => this.shared(input))]);
    if (Array.isArray(value)) return `E${value.length}\0${this.elementsHash(value)}`;
    return this.text(value, 0);
  }

  /** The hash of `elements(items)`, once per array in a build: lists and traced parts share many arrays. */
  elementsHash(items: readonly unknown[]): string {
    let hash = this.ofArray.get(items);
    if (hash !== undefined) return hash;
    this.arraysHashed++;
    this.ofArray.set(items, (hash = hashText(this.elements(items))));
    return hash;
  }

  /** Is `items`' elementsHash made or known in this build? */
  hasElementsHash(items: readonly unknown[]): boolean {
    return this.ofArray.has(items);
  }

  /** `items`' elementsHash as known otherwise (list-members.ts: the last build's, the same elements). */
  knowElementsHash(items: readonly unknown[], hash: string): void {
    if (!this.ofArray.has(items)) this.ofArray.set(items, hash);
  }

  /** What `value` is written out as below a page's item (a list's spec: list-hints.ts). */
  part(value: unknown): string {
    return this.text(value, 1);
  }

  /**
   * A list's elements as a page's key writes each (list-hints.ts): a record by its digest, any
   * other value by its text, one line each (a text has no raw line break). Not through `text`:
   * ~220k elements at 20k items, each a WeakMap lookup and insert there (`ofPart`). The digest the
   * record store kept is read first, without asking `records` (~600k Set lookups at 50k items):
   * only the store sets it, on the record it gave back, whose content it is the digest of, so an
   * object carrying it (published or not) is written as that record is.
   */
  elements(items: readonly unknown[]): string {
    if (items.length === 0) return "";
    // Joined, not appended: one flat string to hash, not ~600k ropes made and then flattened.
    const lines: string[] = new Array<string>(items.length);
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      const kept = typeof item === "object" && item !== null ? storedDigestOf(item) : undefined;
      lines[i] =
        kept !== undefined
          ? kept
          : typeof item === "object" && item !== null && this.records.has(item)
            ? this.record(item)
            : `~${this.text(item, 2)}`;
    }
    return `${lines.join("\n")}\n`;
  }

  /**
   * The text a digest is taken of: like JSON (records by their digest, Maps and Sets by their
   * entries, functions by what they declare they close over), written out by hand. JSON.stringify
   * with a replacer called back into JavaScript for every value, which made the keys of ~80k
   * pages (list pages: their 20 records and a dozen fields) most of a one-edit build's render.
   * Only this process's builds compare these texts (the code is in the fingerprint), so the text
   * need not be JSON, only unambiguous.
   */
  private text(value: unknown, depth: number): string {
    switch (typeof value) {
      case "string":
        return JSON.stringify(value);
      case "number":
        return Number.isFinite(value) ? String(value) : `~${value}`;
      case "boolean":
        return value ? "t" : "f";
      case "undefined":
        return "u";
      case "function":
      case "bigint":
      case "symbol":
        return this.text(this.plain(value), depth + 1);
    }
    if (value === null) return "n";
    if (depth > 64) throw new Untraceable("a value nested deeper than 64 levels");
    // A record stands in by its digest at any depth. Asked first and never remembered in `ofPart`:
    // a site-wide part a page read (a type's 30k records, trace.ts) met each record once, a
    // WeakMap lookup and insert each on top of this Set lookup.
    const part = value as object;
    if (this.records.has(part)) return `#${this.record(part)}`;
    let text = this.ofPart.get(part);
    // A page's own item is written out whole.
    if (text !== undefined && depth > 0) return text;
    if (depth === 0) return this.composite(part, depth);
    else if (Array.isArray(part) && part.length <= SHORT_LIST) {
      // A list page's items: a new slice on every page, never met again. Written out in place:
      // remembering ~80k slices a build (a WeakMap entry each) and hashing each cost more than
      // the slices' few lookups, and the page's key is hashed whole anyway.
      text = this.composite(part, depth);
      if (text.length <= SHORT_TEXT) return text;
      return `H${hashText(text)}`;
    } else {
      // Below a page's own item, objects are mostly shared: a list's facets, breadcrumbs and
      // column are the same objects on each of its pages (paginate.ts spreads one spec), so each
      // is written out once per build. A long text stands in by its hash.
      text = this.composite(part, depth);
      if (text.length > 128) text = `H${hashText(text)}`;
    }
    this.ofPart.set(part, text);
    return text;
  }

  private composite(value: object, depth: number): string {
    if (Array.isArray(value)) {
      let out = "[";
      for (let i = 0; i < value.length; i++) out += (i ? "," : "") + this.text(value[i], depth + 1);
      return `${out}]`;
    }
    if (value instanceof Map) {
      let out = "M{";
      for (const [k, v] of value) out += `${this.text(k, depth + 1)}:${this.text(v, depth + 1)},`;
      return `${out}}`;
    }
    if (value instanceof Set) {
      let out = "S[";
      for (const v of value) out += `${this.text(v, depth + 1)},`;
      return `${out}]`;
    }
    const { toJSON } = value as { toJSON?: unknown };
    if (typeof toJSON === "function")
      return `J${this.text((value as { toJSON(): unknown }).toJSON(), depth + 1)}`;
    const object = value as Record<string, unknown>;
    let out = "{";
    for (const key of Object.keys(object)) {
      const v = object[key];
      if (v !== undefined) out += `${JSON.stringify(key)}:${this.text(v, depth + 1)},`;
    }
    return `${out}}`;
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

/** A page that declares what its `render` closes over (spec.ts TypePage `inputs`). */
export function hasInputs(value: unknown): value is { url: string; inputs: readonly unknown[] } {
  const page = value as { url?: unknown; inputs?: unknown; render?: unknown } | null;
  return (
    typeof page === "object" &&
    page !== null &&
    typeof page.url === "string" &&
    Array.isArray(page.inputs) &&
    typeof page.render === "function"
  );
}
