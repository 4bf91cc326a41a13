/** Types of spare-record.mjs (plain JavaScript: the spare scan's worker reads the record). */
import type { SpareListing } from "./spare-scan.ts";

export declare function encodeRecord(
  listing: Pick<SpareListing, "paths" | "kinds" | "stats" | "started"> & { ends: Int32Array },
  rootIno: number,
): Buffer;

export interface SpareRecord {
  rootIno: number;
  started: number;
  kinds: Uint8Array;
  ends: Int32Array;
  folderAt: Int32Array;
  folderStats: Float64Array;
  names: string[];
}
export declare function decodeRecord(bytes: Buffer): SpareRecord | undefined;
