/**
 * The web editor's config (src/editors/cms-config.ts) is generated from the same schemas as the
 * JSON Schemas: every field of every type has a widget that fits it, the choices are the site's,
 * the file widgets only take allowed types, new items start as `npm run new` starts them, and a
 * type added to the list (the test-only notice type) gets its collection with no extra work.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { validateSite } from "../../src/config/load.ts";
import config from "../../site.config.ts";
import { DEFAULT_TYPES } from "../../src/content-types/index.ts";
import type { AnyTypeSpec } from "../../src/content-types/spec.ts";
import {
  CMS_CONFIG_FILE,
  cmsConfig,
  cmsConfigYaml,
  type CmsCollection,
} from "../../src/editors/cms-config.ts";
import type { CmsField } from "../../src/editors/cms-fields.ts";
import { jsonSchemaFor, type JsonSchema } from "../../src/editors/json-schema.ts";
import { scaffold } from "../../src/editors/scaffold.ts";
import { splitFile } from "../../src/content/front-matter.ts";
import { notice } from "../fixtures/notice-type/spec.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const site = validateSite(config);
const TYPES: readonly AnyTypeSpec[] = [...DEFAULT_TYPES, notice];
const generated = cmsConfig(site, { types: TYPES });

/** Every widget of a field, with its path, and the schema it stands for. */
function* pairs(
  fields: CmsField[],
  schema: JsonSchema,
  at: string,
): Generator<[string, CmsField, JsonSchema]> {
  for (const [name, sub] of Object.entries(schema.properties ?? {})) {
    const widget = fields.find((f) => f.name === name);
    assert.ok(widget, `${at}${name} has no widget in the CMS config`);
    yield [`${at}${name}`, widget, sub];
    if (sub.type === "object" && sub.properties) yield* pairs(widget.fields ?? [], sub, `${at}${name}.`);
    if (sub.type === "array" && sub.items?.type === "object")
      yield* pairs(widget.fields ?? [], sub.items, `${at}${name}[].`);
  }
  const extra = fields.map((f) => f.name).filter((n) => n !== "body" && !(n in (schema.properties ?? {})));
  assert.deepEqual(extra, [], `${at}: widgets for fields the schema does not have`);
}

const collectionOf = (type: string): CmsCollection => {
  const found = generated.collections.find((c) => c.name === type);
  assert.ok(found, `no collection for ${type}`);
  return found;
};

/** What a select must offer: the site-config list or the enum the schema names. */
const expectedChoices = (s: JsonSchema) => (s.enum ?? s.items?.enum ?? []).map(String);

test("every field of every type (and of a type added to the list) has a widget that fits it", () => {
  assert.deepEqual(
    generated.collections.map((c) => c.name),
    TYPES.map((t) => t.type),
  );
  let count = 0;
  for (const spec of TYPES) {
    const collection = collectionOf(spec.type);
    assert.equal(collection.folder, `content/${spec.folder}`);
    assert.equal(collection.label, spec.label);
    assert.ok(
      collection.fields.some((f) => f.name === "body" && f.widget === "markdown"),
      `${spec.type}: body`,
    );
    const schema = jsonSchemaFor(site, spec.type, TYPES);
    for (const [where, widget, s] of pairs(collection.fields, schema, `${spec.type}.`)) {
      count++;
      assert.ok(widget.label && !widget.label.includes("："), `${where}: label “${widget.label}”`);
      const choices = expectedChoices(s);
      if (choices.length) {
        assert.equal(widget.widget, "select", `${where}: a select`);
        assert.deepEqual(widget.options, choices, `${where}: choices drifted from the schema`);
        assert.equal(widget.multiple ?? false, s.type === "array", `${where}: multiple`);
      } else if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(JSON.stringify(s.examples?.[0] ?? "").slice(1, -1))) {
        assert.equal(widget.widget, "datetime", `${where}: a date`);
        assert.match(String(widget.format), /^YYYY-MM-DD( HH:mm)?$/, `${where}: the loader's format`);
        assert.equal(widget.picker_utc, false, `${where}: local time, not UTC`);
      } else if (typeof s.pattern === "string" && s.pattern.startsWith("^/media/")) {
        assert.ok(["file", "image"].includes(widget.widget), `${where}: a file widget`);
        const types = /允许的类型：([^）]*)）/.exec(widget.hint ?? "")?.[1]?.split("、") ?? [];
        assert.ok(types.length > 0, `${where}: the allowed types in the hint`);
        for (const t of types) assert.ok(site.mediaTypes.includes(t), `${where}: .${t} is not in mediaTypes`);
        if (widget.widget === "image") assert.ok(!types.includes("pdf"), `${where}: images only`);
      } else if (s.type === "boolean") assert.equal(widget.widget, "boolean", where);
      else if (s.type === "integer")
        assert.deepEqual([widget.widget, widget.value_type], ["number", "int"], where);
      else if (s.type === "number") assert.equal(widget.widget, "number", where);
      else if (s.type === "object")
        assert.ok(["object", "keyvalue"].includes(widget.widget), `${where}: ${widget.widget}`);
      else if (s.type === "array") assert.equal(widget.widget, "list", where);
      else assert.ok(["string", "text", "file"].includes(widget.widget), `${where}: ${widget.widget}`);
      if (typeof s.pattern === "string" && !s.pattern.startsWith("^/media/"))
        assert.equal(
          widget.pattern?.[0],
          s.pattern,
          `${where}: the schema's pattern is checked before saving`,
        );
    }
    // Required at the top level exactly when the schema requires the field.
    for (const field of collection.fields.filter((f) => f.name !== "body"))
      assert.equal(
        field.required,
        schema.required?.includes(field.name) ?? false,
        `${spec.type}.${field.name}: required`,
      );
  }
  assert.ok(count > 300, `only ${count} fields walked`);
});

test("selects offer the site config's lists: columns, departments, topics, categories, guide types", () => {
  const names = (list: readonly { name: string }[]) => list.map((k) => k.name);
  const option = (type: string, field: string) =>
    collectionOf(type).fields.find((f) => f.name === field)?.options;
  assert.deepEqual(option("news", "column"), names(site.columns));
  assert.deepEqual(option("news", "department"), names(site.departments));
  assert.deepEqual(option("news", "topics"), names(site.topics));
  assert.deepEqual(option("policy", "category"), names(site.categories));
  assert.deepEqual(option("policy", "issuer"), names(site.departments));
  assert.deepEqual(option("guide", "item_type"), names(site.guideTypes));
  assert.deepEqual(option("video", "kind"), names(site.videoKinds));
  // A department added to the site is offered at once.
  const more = validateSite({
    ...config,
    departments: [...config.departments, { key: "new-bureau", name: "市新设局" }],
  });
  const news = cmsConfig(more).collections.find((c) => c.name === "news")!;
  assert.ok(news.fields.find((f) => f.name === "department")?.options?.includes("市新设局"));
});

test("new items start with npm run new's values: 【待填写】 placeholders, first choices, draft", () => {
  for (const spec of DEFAULT_TYPES) {
    let text: string;
    try {
      text = scaffold({
        site,
        type: spec.type,
        title: "标题",
        now: Date.UTC(2026, 0, 1),
        contentDir: "/nonexistent",
        types: TYPES,
      }).text;
    } catch {
      continue; // a type that cannot be scaffolded without an argument (a topic page)
    }
    const { data, body } = splitFile(text);
    const fields = collectionOf(spec.type).fields;
    for (const [name, value] of Object.entries(data)) {
      if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}|\/2026-/.test(value)) continue; // the clock's
      if (name === "title") continue;
      assert.deepEqual(fields.find((f) => f.name === name)?.default, value, `${spec.type}.${name}`);
    }
    if (body.includes("【待填写】"))
      assert.equal(
        fields.find((f) => f.name === "body")?.default,
        body.replace(/^\n+/, ""),
        `${spec.type} body`,
      );
  }
  const news = collectionOf("news").fields;
  assert.match(String(news.find((f) => f.name === "source")?.default), /^【待填写】/);
  assert.equal(news.find((f) => f.name === "draft")?.default, true);
  const materials = collectionOf("guide").fields.find((f) => f.name === "materials");
  assert.equal(materials?.widget, "list");
  assert.match(JSON.stringify(materials?.default), /【待填写】材料名称/);
});

test("file names are ASCII (date and time), never the Chinese title", () => {
  for (const c of generated.collections) {
    assert.doesNotMatch(`${c.path} ${c.slug}`, /title|fields\./, c.name);
    assert.match(c.slug, /^[{}a-z/-]+$/, c.name);
  }
  assert.equal(collectionOf("news").path, "{{year}}/{{slug}}");
  assert.equal(generated.slug.encoding, "ascii");
});

test("the backend and the editorial workflow come from site.cms", () => {
  assert.equal(generated.publish_mode, undefined, "no Git host configured: no workflow");
  assert.equal(cmsConfig(site, { localApi: "http://127.0.0.1:1/api/v1" }).backend.name, "proxy");
  const gitea = validateSite({
    ...config,
    cms: {
      backend: {
        name: "gitea",
        repo: "gov/portal",
        baseUrl: "https://git.example.gov.cn",
        apiRoot: "https://git.example.gov.cn/api/v1",
        appId: "abc",
      },
    },
  });
  const c = cmsConfig(gitea);
  assert.equal(c.publish_mode, "editorial_workflow");
  assert.deepEqual(
    [c.backend.name, c.backend.repo, c.backend.base_url, c.backend.api_root, c.backend.app_id],
    ["gitea", "gov/portal", "https://git.example.gov.cn", "https://git.example.gov.cn/api/v1", "abc"],
  );
  // The local working copy has no branches to review: no workflow there, whatever the site says.
  assert.equal(cmsConfig(gitea, { localApi: "http://127.0.0.1:1/api/v1" }).publish_mode, undefined);
  assert.throws(() => validateSite({ ...config, cms: { backend: { name: "svn", repo: "x/y" } } }));
});

test(`${CMS_CONFIG_FILE} is up to date and parses as the generated config`, () => {
  const text = readFileSync(path.join(ROOT, CMS_CONFIG_FILE), "utf8");
  assert.equal(text, cmsConfigYaml(site), `${CMS_CONFIG_FILE} 已过期：请运行 npm run schemas 并提交结果`);
  assert.deepEqual(YAML.parse(text), JSON.parse(JSON.stringify(cmsConfig(site))));
});
