/**
 * The public build ships no editor page unless the operator asks (`cms.publishAdmin`); when it
 * does, admin/ holds the page, the generated config with the operator's Git host and workflow,
 * and Decap's scripts, and `_headers` gives admin/ its own policy (not the public pages' strict one).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import YAML from "yaml";
import { createFixture, news } from "../helpers/fixture.ts";
import { CONTENT_SECURITY_POLICY } from "../../src/deploy/security-headers.ts";

const files = { "news/2026/a.md": news("一条新闻", "2026-05-01 09:00") };

test("no admin/ in the build by default", async () => {
  const site = createFixture(files);
  await site.build();
  assert.equal(site.exists("/admin/"), false);
  assert.ok(!site.files().some((f) => f.startsWith("admin/")));
  assert.doesNotMatch(site.read("/_headers"), /admin/);
});

test("cms.publishAdmin ships admin/ with the operator's config and its own CSP", async () => {
  const site = createFixture(files, {
    cms: {
      backend: {
        name: "forgejo",
        repo: "zwgk/portal",
        baseUrl: "https://git.zwgk.example.gov.cn",
        apiRoot: "https://git.zwgk.example.gov.cn/api/v1",
        appId: "client-1",
      },
      publishAdmin: true,
    },
  });
  await site.build();
  assert.match(site.read("/admin/"), /<script src="decap-cms\.js"><\/script>/);
  assert.doesNotMatch(
    site.read("/admin/"),
    /<script>|https?:\/\//,
    "no inline script, nothing from another host",
  );
  assert.ok(site.exists("/admin/decap-cms.js"));
  const config = YAML.parse(site.read("/admin/config.yml")) as Record<string, unknown>;
  assert.deepEqual(config.backend, {
    name: "forgejo",
    repo: "zwgk/portal",
    branch: "main",
    base_url: "https://git.zwgk.example.gov.cn",
    api_root: "https://git.zwgk.example.gov.cn/api/v1",
    app_id: "client-1",
    commit_messages: (config.backend as Record<string, unknown>).commit_messages,
  });
  assert.equal(config.publish_mode, "editorial_workflow");
  assert.equal(config.locale, "zh_Hans");
  const headers = site.read("/_headers");
  const block = headers.slice(headers.indexOf("/admin/*"));
  assert.match(block, /Content-Security-Policy: default-src 'self'; script-src 'self' 'unsafe-eval'/);
  assert.match(block, /connect-src 'self' https:\/\/git\.zwgk\.example\.gov\.cn/);
  assert.match(block, /frame-ancestors 'none'/);
  // The public pages keep their policy, unchanged.
  assert.ok(headers.startsWith(`/*\n  Content-Security-Policy: ${CONTENT_SECURITY_POLICY}`));
});
