/**
 * Round trip without noise (src/cms/normalize.ts): every sample item, written back by Decap's own
 * front-matter serializer (decap-cms-core, the code the editor page runs) as an unchanged save
 * would write it, is stored byte for byte; a changed title changes one line; a changed body only
 * the body. Without the normalizer most files would change: the test counts them, so docs/cms.md
 * can say why the normalizer exists.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { validateSite } from "../../src/config/load.ts";
import config from "../../site.config.ts";
import { DEFAULT_TYPES } from "../../src/content-types/index.ts";
import { listContentFiles } from "../../src/content/walk.ts";
import { cmsConfig } from "../../src/editors/cms-config.ts";
import { jsonSchemaFor } from "../../src/editors/json-schema.ts";
import { renderMarkdown } from "../../src/markdown/render.ts";
import { loadTsx } from "../../src/bundle/module-bundle.mjs";
import { normalizeSave } from "../../src/cms/normalize.ts";

// decap-cms-core comes with decap-cms (pinned exactly): its serializer is what the page runs. Its
// ESM files import their siblings without extensions, which a bundler or tsx resolves and plain
// Node does not (`npm test` runs the tests compiled, without tsx): tsx is loaded for it.
await loadTsx();
const { frontmatterYAML } = await import("decap-cms-core/dist/esm/formats/frontmatter.js");

const ROOT = path.resolve(import.meta.dirname, "../..");
const CONTENT = path.join(ROOT, "content");
const site = validateSite(config);
const config_ = cmsConfig(site);
const decap = frontmatterYAML();
const render = (body: string) => renderMarkdown(body, "/");
const sameHtml = (a: string, b: string) => render(a) === render(b);

/** Every sample item with its type's schema and the field order Decap sorts keys by. */
const items = listContentFiles(CONTENT).files.map((f) => {
  const rel = path.relative(CONTENT, f.abs).split(path.sep).join("/");
  const spec = DEFAULT_TYPES.find((t) => rel.startsWith(`${t.folder}/`))!;
  const order = config_.collections.find((c) => c.name === spec.type)!.fields.map((f) => f.name);
  return { rel, text: readFileSync(f.abs, "utf8"), schema: jsonSchemaFor(site, spec.type), order };
});

const changedLines = (a: string, b: string) => {
  const x = a.split("\n");
  const y = b.split("\n");
  assert.equal(x.length, y.length, "same number of lines");
  return x.flatMap((line, i) => (line === y[i] ? [] : [[line, y[i]]]));
};

test("saving every sample item unchanged through Decap's serializer leaves it byte-identical", () => {
  assert.ok(items.length > 100, `${items.length} sample items`);
  let noisy = 0;
  for (const item of items) {
    const written = decap.toFile(decap.fromFile(item.text), item.order);
    if (written !== item.text) noisy++;
    assert.equal(normalizeSave(item.text, written, { schema: item.schema, sameHtml }), item.text, item.rel);
  }
  // What the normalizer is for: Decap alone rewrites most files (flow lists, maps, comments, quoting).
  assert.ok(noisy > items.length / 2, `Decap alone changed ${noisy} of ${items.length} files`);
  console.log(`# Decap's serializer alone changed ${noisy} of ${items.length} sample files`);
});

test("changing a title changes one line; changing the body changes only the body", () => {
  for (const item of items) {
    const data = decap.fromFile(item.text);
    const written = decap.toFile({ ...data, title: `${String(data.title)}（修订）` }, item.order);
    const stored = normalizeSave(item.text, written, { schema: item.schema, sameHtml });
    const diff = changedLines(item.text, stored);
    assert.equal(diff.length, 1, `${item.rel}: ${JSON.stringify(diff)}`);
    assert.match(diff[0][1], /^title: .*（修订）"?$/, item.rel);
  }
  const item = items.find((i) => i.rel === "news/2025/0312-spring-ploughing.md")!;
  const data = decap.fromFile(item.text);
  const body = String(data.body).replace("3月11日", "3月12日");
  const stored = normalizeSave(item.text, decap.toFile({ ...data, body }, item.order), {
    schema: item.schema,
    sameHtml,
  });
  const diff = changedLines(item.text, stored);
  assert.equal(diff.length, 1);
  assert.match(diff[0][1], /^3月12日/);
});

test("a field added, changed in a flow list, or cleared touches only its own line", () => {
  const item = items.find((i) => i.rel === "news/2025/0312-spring-ploughing.md")!;
  const data = decap.fromFile(item.text);
  const save = (next: Record<string, unknown>) =>
    normalizeSave(item.text, decap.toFile(next, item.order), { schema: item.schema, sameHtml });
  const topics = changedLines(item.text, save({ ...data, topics: ["惠农惠牧", "食品安全"] }));
  assert.deepEqual(topics, [["topics: [惠农惠牧]", "topics: [惠农惠牧, 食品安全]"]], "flow style kept");
  const author = save({ ...data, author: "张三", headline: false, attachments: [] });
  // After summary, the field before it in the schema's order; headline/attachments at their defaults add nothing.
  assert.equal(author, item.text.replace(/^(summary: .*\n)/m, "$1author: 张三\n"));
  const cleared = save({ ...data, summary: "" });
  assert.equal(cleared, item.text.replace(/^summary: .*\n/m, ""));
});

test("a new file is written in the schema's order, without empty or default values", () => {
  const item = items.find((i) => i.rel.startsWith("news/"))!;
  const raw = decap.toFile({
    title: "新",
    date: "2026-12-01 10:00",
    column: "市级新闻",
    source: "市融媒体中心",
    department: "白桦岭市人民政府",
    topics: [],
    headline: false,
    draft: false,
    review: { drafted: { name: "", date: "" } },
    body: "正文。",
  });
  assert.equal(
    normalizeSave(undefined, raw, { schema: item.schema, sameHtml }),
    "---\ntitle: 新\ndate: 2026-12-01 10:00\ncolumn: 市级新闻\nsource: 市融媒体中心\ndepartment: 白桦岭市人民政府\n---\n\n正文。\n",
  );
});
