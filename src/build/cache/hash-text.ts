/**
 * The short hash the build cache names texts by (page keys, list hints, shard keys, sitemap
 * parts): SHA-1 in base64url, 27 characters. Not a security boundary: a key only ever skips work
 * whose inputs are the same text.
 */
import crypto, { createHash } from "node:crypto";

/** One-shot `crypto.hash` (Node 20.12+) where there is one: no Hash object per call (~80k keys a build). */
const oneShot = (crypto as { hash?: (algorithm: string, text: string, encoding: "base64url") => string })
  .hash;

export const hashText = oneShot
  ? (text: string): string => oneShot("sha1", text, "base64url")
  : (text: string): string => createHash("sha1").update(text).digest("base64url");
