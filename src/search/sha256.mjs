/**
 * SHA-256 as the index step's threads take it (plain JavaScript: its workers run it), in one call
 * where Node has `crypto.hash` (20.12 on): no Hash object per call. After one edit at 50k items a
 * lane hashes ~1–2k chunks of 2–16 KB (index-gzip.mjs) and the changed shard ~10k buckets' shares
 * (gram-buckets.mjs), where a Hash object's set-up is a fair part of each call.
 */
import crypto from "node:crypto";

/** SHA-256 of `data` in `encoding` ("buffer": a Buffer). */
export const sha256 =
  typeof crypto.hash === "function"
    ? (data, encoding) => crypto.hash("sha256", data, encoding)
    : (data, encoding) => {
        const hash = crypto.createHash("sha256").update(data);
        return encoding === "buffer" ? hash.digest() : hash.digest(encoding);
      };
