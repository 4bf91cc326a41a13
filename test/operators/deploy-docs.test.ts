import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { CACHE_HEADERS, SECURITY_HEADERS } from "../../src/deploy/security-headers.ts";

const doc = readFileSync(path.resolve(import.meta.dirname, "../../README.md"), "utf8");

test("README.md shows the headers the build writes into _headers", () => {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    assert.ok(doc.includes(`${name}: ${value}\n`), `header list: ${name}`);
    assert.ok(doc.includes(`add_header ${name} "${value}" always;`), `nginx snippet: ${name}`);
  }
  assert.ok(doc.includes(`add_header Cache-Control "${CACHE_HEADERS.assets}" always;`));
  assert.ok(doc.includes(`--cache-control "${CACHE_HEADERS.assets}"`));
  assert.ok(
    doc.includes(`add_header Cache-Control "${CACHE_HEADERS.pages}" always;`) &&
      doc.includes(`--cache-control "${CACHE_HEADERS.pages}"`),
  );
  assert.match(doc, /error_page 404 \/404\.html;/);
  assert.match(doc, /error_page 404 \/portal\/404\.html;/);
});
