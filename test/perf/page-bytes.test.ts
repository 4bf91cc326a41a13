/**
 * A page's text is encoded to UTF-8 once (src/build/written-pages.ts `encodePage`), and those
 * bytes are written, hashed and measured. They must be the string's UTF-8 exactly: Chinese,
 * characters outside the BMP (surrogate pairs), a lone surrogate, and a page larger than the
 * thread's buffer (which then grows); a shorter page after a longer one must not carry the
 * longer one's tail.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import crypto from "node:crypto";
import { encodePage, pageFacts } from "../../src/build/written-pages.ts";

const pages = [
  "<!doctype html>\n<p>白桦岭市人民政府</p>\n",
  `<p>${"𠀀𝔸😀".repeat(200_000)}</p>`,
  `<p>${"政务公开".repeat(300_000)}</p>`,
  "<p>lone \ud800 surrogate</p>",
  "",
  '<head><meta name="robots" content="noindex"></head><p>预览</p>',
];

test("a page's bytes are its UTF-8, whatever came before them", () => {
  for (const text of pages) {
    const bytes = encodePage(text);
    assert.ok(Buffer.from(text, "utf8").equals(bytes), `bytes of a page of ${text.length} units`);
  }
});

test("a page's facts are those of its UTF-8", () => {
  for (const text of pages) {
    const [sha256, size, noindex] = pageFacts(text);
    assert.equal(sha256, crypto.createHash("sha256").update(text, "utf8").digest("hex"));
    assert.equal(size, Buffer.byteLength(text, "utf8"));
    assert.equal(noindex, text.includes('content="noindex"'));
  }
});
