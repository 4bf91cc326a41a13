/** Types of sha256.mjs (plain JavaScript: the index step's worker threads run it). */
export declare function sha256(data: Uint8Array | string, encoding: "hex" | "base64url"): string;
export declare function sha256(data: Uint8Array | string, encoding: "buffer"): Buffer;
