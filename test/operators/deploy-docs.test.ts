import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  CACHE_HEADERS,
  MEDIA_SECURITY_POLICY,
  contentSecurityPolicy,
  securityHeaders,
} from "../../src/deploy/security-headers.ts";

const doc = readFileSync(path.resolve(import.meta.dirname, "../../README.md"), "utf8");
const ROOT_SITE = { baseUrl: "https://www.example.gov.cn", pathPrefix: "/" };

/** The body of the ```nginx block that contains `marker`. */
function nginxBlock(marker: string): string {
  const block = [...doc.matchAll(/```nginx\n([\s\S]*?)```/g)]
    .map((m) => m[1])
    .find((b) => b.includes(marker));
  assert.ok(block, `nginx example with ${marker}`);
  return block;
}

test("README.md shows the headers the build writes into _headers", () => {
  for (const [name, value] of Object.entries(securityHeaders(ROOT_SITE))) {
    assert.ok(doc.includes(`${name}: ${value}\n`), `header list: ${name}`);
    assert.ok(doc.includes(`add_header ${name} "${value}" always;`), `nginx snippet: ${name}`);
  }
  assert.ok(doc.includes(`Content-Security-Policy: ${MEDIA_SECURITY_POLICY}\n`), "media header list");
  assert.ok(doc.includes(`add_header Content-Security-Policy "${MEDIA_SECURITY_POLICY}" always;`));
  // The sub-path variant of the script paths is named.
  assert.match(contentSecurityPolicy("/portal/"), / \*:\*\/portal\/assets\/ \*:\*\/portal\/pagefind\/$/);
  assert.ok(doc.includes("`*:*/portal/assets/ *:*/portal/pagefind/`"), "sub-path script paths");
  for (const kind of ["versioned", "index"] as const) {
    assert.ok(doc.includes(`add_header Cache-Control "${CACHE_HEADERS[kind]}" always;`), kind);
    assert.ok(doc.includes(`--cache-control "${CACHE_HEADERS[kind]}"`), kind);
  }
  assert.ok(
    doc.includes(`add_header Cache-Control "${CACHE_HEADERS.pages}" always;`) &&
      doc.includes(`--cache-control "${CACHE_HEADERS.pages}"`),
  );
  assert.match(doc, /error_page 404 \/404\.html;/);
  assert.match(doc, /error_page 404 \/portal\/404\.html;/);
});

test("both nginx examples sandbox media/ and hide the build's bookkeeping files", () => {
  for (const [marker, prefix] of [
    ["root /srv/www/portal;", "/"],
    ["location /portal/ {", "/portal/"],
  ]) {
    const block = nginxBlock(marker);
    assert.match(
      block,
      new RegExp(
        `location ${prefix}media/ \\{\\n\\s+include snippets/gongkai-headers\\.conf;\\n\\s+include snippets/gongkai-media\\.conf;`,
      ),
      `${prefix}: media/ gets the sandbox`,
    );
    assert.ok(block.includes(`location = ${prefix}_headers { return 404; }`), `${prefix}: _headers hidden`);
    assert.ok(
      block.includes(`location = ${prefix}.gongkai-output { return 404; }`),
      `${prefix}: marker hidden`,
    );
  }
});
