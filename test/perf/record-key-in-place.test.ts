/**
 * A detail page's cached key is compared in place with the page's template, record digest and URL
 * (src/build/cache/streamed.ts `isRecordKey`) instead of the key being made again: the comparison
 * must say yes exactly when `pageKey` would give that very key.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { isRecordKey, pageKey } from "../../src/build/cache/streamed.ts";

const DIGEST = "Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA";

test("a record page's key compared in place agrees with pageKey", () => {
  const cases: [string, string, string][] = [
    ["gongkai-details.11ty.js", DIGEST, "/news/2025/n040002/"],
    ["t", "d", "/"],
    ["a b", "x y", "/a b/"],
    ["details", DIGEST, "/政务公开/文件/"],
  ];
  for (const [template, digest, url] of cases) {
    const key = pageKey("fingerprint", template, url, `#${digest}`);
    assert.ok(isRecordKey(key, template, digest, url), key);
    // Any one part other, or the parts shifted between each other: never the same key.
    assert.ok(!isRecordKey(key, `${template}x`, digest, url));
    assert.ok(!isRecordKey(key, template, `${digest}x`, url));
    assert.ok(!isRecordKey(key, template, digest, `${url}x`));
    assert.ok(!isRecordKey(key, template, digest.slice(1), `${digest[0]} ${url}`));
    assert.ok(!isRecordKey(key, `${template} #${digest[0]}`, digest.slice(1), url));
    assert.ok(!isRecordKey(key.replace("#", "$"), template, digest, url));
    assert.ok(!isRecordKey(pageKey("fingerprint", template, url, "not a record"), template, digest, url));
  }
});
