/**
 * A cached search shard's share of the filter and date columns (`f.gz`, `o.gz`; doc-store.ts
 * `ColumnsPart`), kept as a blob with the shard. The shard's key holds what the share is made of
 * (each page's record, date and topic, under the code's fingerprint), so a shard whose key is as
 * then takes it from the blob instead of every page's filters and date again (~0.25 s of the main
 * thread every build at 50k items, with or without an edit). A blob that is gone, or holds
 * another shape than this build's filters and page count, is made again from the pages.
 */
import type { ColumnsFrom, ColumnsPart } from "../../search/doc-store.ts";
import type { CacheSession } from "./session.ts";
import { sha256Of } from "./blobs.ts";
import { readJoinedBlob, storeJoinedBlob } from "./joined-blob.ts";

/** The shard's share of the columns in its list of files: a blob only, never placed into the output. */
export const COLUMNS = "#cols";

/**
 * The share as kept: the length of a JSON head (its filters' keys and values), the head, zeros up
 * to a multiple of 8 bytes, then the codes (Uint32, filter after filter) and the minutes (Float64),
 * in the machine's byte order (as gram-blob.mjs). Binary, not JSON arrays: ~50k pages' codes were
 * ~0.2 s to parse back in a build.
 */
interface Head {
  keys: string[];
  dicts: string[][];
}

const align = (n: number) => Math.ceil(n / 8) * 8;

/** The bytes of a shard's share of the columns as the cache keeps them. */
export function columnsBlob(part: ColumnsPart): Buffer {
  const head = Buffer.from(JSON.stringify({ keys: part.keys, dicts: part.dicts } satisfies Head));
  const count = part.minutes.length;
  const from = align(4 + head.length);
  const out = Buffer.alloc(from + align(part.keys.length * count * 4) + count * 8);
  out.writeUInt32LE(head.length, 0);
  head.copy(out, 4);
  const bytes = (a: Uint32Array | Float64Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  part.codes.forEach((codes, k) => out.set(bytes(codes), from + k * count * 4));
  out.set(bytes(part.minutes), from + align(part.keys.length * count * 4));
  return out;
}

/** The share for these filters and `count` pages from its kept bytes, or undefined when they are not one. */
function parsePart(blob: Buffer, keys: readonly string[], count: number): ColumnsPart | undefined {
  let head: Partial<Head>;
  const from = blob.length >= 4 ? align(4 + blob.readUInt32LE(0)) : 0;
  const minutesAt = align(keys.length * count * 4);
  if (from === 0 || blob.length !== from + minutesAt + count * 8) return undefined;
  try {
    head = JSON.parse(blob.subarray(4, 4 + blob.readUInt32LE(0)).toString("utf8")) as Partial<Head>;
  } catch {
    return undefined;
  }
  const { dicts } = head;
  if (
    !Array.isArray(head.keys) ||
    head.keys.length !== keys.length ||
    head.keys.some((key, k) => key !== keys[k])
  )
    return undefined;
  if (!Array.isArray(dicts) || dicts.length !== keys.length) return undefined;
  // One copy of the arrays' bytes: the blob's need not be aligned for them.
  const bytes = blob.buffer.slice(blob.byteOffset + from, blob.byteOffset + blob.length);
  const codes: Uint32Array[] = [];
  for (let k = 0; k < keys.length; k++) {
    const dict: unknown = dicts[k];
    if (!Array.isArray(dict) || dict.some((value) => typeof value !== "string")) return undefined;
    const column = new Uint32Array(bytes, k * count * 4, count);
    for (let i = 0; i < count; i++) if (column[i] > dict.length) return undefined;
    codes.push(column);
  }
  const minutes = new Float64Array(bytes, minutesAt, count);
  for (let i = 0; i < count; i++) if (!Number.isFinite(minutes[i])) return undefined;
  return { keys: [...keys], dicts, codes, minutes };
}

/**
 * The cached shard's share of the columns for these filters and `count` pages, or `make()`'s
 * when the cache does not hold a usable one (which `add` then keeps with the shard's entry).
 */
export function columnsOf(
  session: CacheSession,
  entry: readonly [string, string][],
  add: (name: string, sha256: string) => void,
): ColumnsFrom {
  return (keys, count, make) => {
    const sha256 = entry.find(([rel]) => rel === COLUMNS)?.[1];
    const blob = sha256 === undefined ? undefined : session.cache.read(sha256);
    const part = blob && parsePart(blob, keys, count);
    if (part) {
      session.report.columnsReused = (session.report.columnsReused ?? 0) + 1;
      return part;
    }
    const made = make();
    add(COLUMNS, session.cache.storeBytes(columnsBlob(made)));
    return made;
  };
}

/** In the joined files: what the cached build's `f.gz` and `o.gz` were made of, a blob only. */
const KEPT = "#columns";

/** The columns as a build made them: from which shares, by shard place, and what they gave. */
interface Kept {
  fingerprint: string;
  starts: number[];
  keys: string[];
  /** Per shard, the SHA-256 of its share's bytes (`columnsBlob`, the blob's name in the cache). */
  shares: string[];
  /** Each filter's values (index.json's `facets`). */
  values: Record<string, string[]>;
  /** The SHA-256 of `f.gz`'s and `o.gz`'s bytes before gzip (the joined files' entries). */
  raw: [string, string];
}

const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === "string");
const same = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The cached build's columns, kept with its joined files: when every shard's share is the one
 * they were made of (a cached shard's by its blob's name, a shard indexed again by the digest of
 * the share made for it), `f.gz` and `o.gz` are those bytes again and are placed, and the filters'
 * values are read from here, without the columns of every page (~50k at 50k items, and the cached
 * shares read back) every build.
 */
export class KeptColumns {
  constructor(private readonly session: CacheSession) {}

  /** The SHA-256 of the cached shard `key`'s share (its blob), when it is kept with the shard. */
  shareOf(key: string): string | undefined {
    return this.session.cache.shard(key)?.find(([rel]) => rel === COLUMNS)?.[1];
  }

  /** The cached build's values and raw SHA-256s when made of these shares for these filters and shards. */
  previous(starts: readonly number[], keys: readonly string[], shares: readonly string[]): Kept | undefined {
    const { cache, searchFingerprint: fingerprint } = this.session;
    const kept = readJoinedBlob<Kept>(cache, KEPT);
    const ok =
      kept?.fingerprint === fingerprint &&
      Array.isArray(kept.starts) &&
      same(kept.starts, starts) &&
      strings(kept.keys) &&
      same(kept.keys, keys) &&
      strings(kept.shares) &&
      same(kept.shares, shares) &&
      typeof kept.values === "object" &&
      kept.values !== null &&
      keys.every((key) => strings(kept.values![key])) &&
      strings(kept.raw) &&
      kept.raw.length === 2 &&
      cache.joinedFile("f.gz")?.[0] === kept.raw[0] &&
      cache.joinedFile("o.gz")?.[0] === kept.raw[1];
    return ok ? (kept as Kept) : undefined;
  }

  /** This build's columns were placed as the cached build's. */
  placed(): void {
    this.session.report.columnsKept = (this.session.report.columnsKept ?? 0) + 1;
  }

  /** Keeps what this build's columns were made of for the next build. */
  save(kept: Omit<Kept, "fingerprint">): void {
    const { cache, searchFingerprint: fingerprint } = this.session;
    storeJoinedBlob(cache, KEPT, { fingerprint, ...kept } satisfies Kept);
  }
}

/** The digest of a share as `KeptColumns` compares it: its blob's name in the cache. */
export const shareDigest = (part: ColumnsPart): string => sha256Of(columnsBlob(part));
