/**
 * The JSON Schemas and the field reference are generated from the zod schemas and site.config.ts;
 * the committed copies must match what the generators write now, and the JSON Schema must agree
 * with the validation it describes.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { validateSite } from "../../src/config/load.ts";
import config from "../../site.config.ts";
import { allJsonSchemas, jsonSchemaFor } from "../../src/editors/json-schema.ts";
import { fieldReference, withFieldReference } from "../../src/editors/field-docs.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const site = validateSite(config);
const STALE = "已过期：请运行 npm run schemas 和 npm run docs:fields 并提交结果";

test("schemas/*.schema.json are up to date", () => {
  for (const [name, text] of allJsonSchemas(site)) {
    assert.equal(readFileSync(path.join(ROOT, "schemas", name), "utf8"), text, `schemas/${name} ${STALE}`);
  }
});

test("docs/fields.md and the field reference in README.md are up to date", () => {
  assert.equal(
    readFileSync(path.join(ROOT, "docs", "fields.md"), "utf8"),
    fieldReference(site),
    `docs/fields.md ${STALE}`,
  );
  const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
  assert.equal(readme, withFieldReference(readme, site), `README.md ${STALE}`);
});

test("the JSON Schema carries required fields, site-config choices and no unknown keys", () => {
  const news = jsonSchemaFor(site, "news");
  assert.deepEqual(news.required, ["title", "date", "column", "source", "department"]);
  assert.equal(news.additionalProperties, false);
  assert.deepEqual(
    news.properties?.column?.enum,
    site.columns.map((c) => c.name),
  );
  assert.deepEqual(
    news.properties?.topics?.items?.enum,
    site.topics.map((t) => t.name),
  );
  const guide = jsonSchemaFor(site, "guide");
  assert.deepEqual(
    guide.properties?.item_type?.enum,
    site.guideTypes.map((t) => t.name),
  );
  assert.ok(guide.required?.includes("materials"));
  assert.equal(guide.properties?.title?.description, "事项名称");
});
