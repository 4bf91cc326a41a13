/**
 * The load's passes over every record of a type take the few fields they read from what the
 * record store kept beside an unchanged record (src/content/kept-fields.ts), not its `fields`:
 * the checks across policies and their 文件变更, the portal's 解读 maps, the policy catalogue's,
 * guide, video and periodical lists, the 解读 coverage and checks, the tallies' cells and the
 * organs' categories. A one-edit build that changes one of those fields equals a clean build.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { openRecordStore } from "../../src/build/cache/records.ts";
import { factsOf, keptValues } from "../../src/build/cache/record-facts.ts";
import { publishedRecords } from "../../src/content/published.ts";
import { crossCheck } from "../../src/content/cross-checks.ts";
import { keepWith } from "../../src/content/kept.ts";
import { fieldsRead } from "../../src/content/kept-fields.ts";
import { DEFAULT_TYPES } from "../../src/content-types/index.ts";
import type { ContentRecord, RecordOf } from "../../src/content/types.ts";
import { buildPortal } from "../../src/portal/portal.ts";
import { computeTallies } from "../../src/tallies/compute.ts";
import { interpretationCoverage } from "../../src/tallies/interpretation.ts";
import { interpretationProblems } from "../../src/content-types/interpretation-checks.ts";
import { organsOf } from "../../src/organs/platform.ts";
import { categoryItems } from "../../src/organs/category-items.ts";
import { organReports } from "../../src/organs/tallies.ts";
import { auditLists } from "../../src/tallies/audit.ts";
import { keptFixture } from "../helpers/kept-fixture.ts";
import { countFields } from "../helpers/count-fields.ts";
import { DateTime } from "luxon";

const KEPT_TYPES = ["policy", "guide", "video", "periodical"];

test("the load's passes read no stored policy's, guide's, video's or periodical's fields", async () => {
  const fixture = await keptFixture("gongkai-fields-kept-");
  const { root, build, cacheDir, now } = fixture;
  try {
    await build(true);
    await build(true);
    const store = openRecordStore(cacheDir, fixture.site, DEFAULT_TYPES);
    const records: ContentRecord[] = [];
    store.each((_abs, entry) => void (entry.result.record && records.push(entry.result.record)));
    const counts = new Map(KEPT_TYPES.map((t) => [t, records.filter((r) => r.type === t).length]));
    for (const [type, n] of counts) assert.ok(n > 0, `the sample portal has ${type} records`);
    // What the passes give of `list`, all made from the records: no result the store keeps beside
    // them is taken (those are the build's, found by its site config) and a record's cells and
    // spans, memoized per site config and record, are found again.
    const run = (list: readonly ContentRecord[]) => {
      const site = { ...fixture.site };
      const published = publishedRecords(list, DEFAULT_TYPES, now, false);
      const isPublished = (r: ContentRecord) => published.includes(r);
      const portal = buildPortal(site, published, DEFAULT_TYPES);
      const problems = crossCheck(site, DEFAULT_TYPES, list, isPublished);
      const lists = DEFAULT_TYPES.flatMap((t) => t.lists?.(portal) ?? []).map((l) => [
        l.url,
        l.items.map((r) => r.url),
        JSON.stringify(l.facets ?? []),
      ]);
      const tallies = computeTallies(portal);
      const coverage = interpretationCoverage(portal).map((y) => [
        y.year,
        y.documents.length,
        y.interpreted.length,
        [...y.byForm].map(([form, forms]) => [form, forms.length]),
      ]);
      const categories = organsOf(portal).list.flatMap((organ) =>
        organ.record.fields.statutory.map((c) => categoryItems(organ, c).map((r) => r.url)),
      );
      const audits = [...auditLists(portal, tallies)].map(([k, list]) => [k, list.map((r) => r.url)]);
      const organTallies = [...organReports(portal).byOrgan].map(([key, { tallies: t, audits: a }]) => [
        key,
        [...t.byYear].map(([y, cells]) => [y, [...cells]]),
        [...a].map(([k, list]) => [k, list.map((r) => r.url)]),
      ]);
      return {
        audits,
        organTallies,
        problems: [...problems, ...interpretationProblems(portal, DateTime.fromMillis(now))].map(
          (p) => p.message,
        ),
        lists,
        tallies: [...tallies.byYear, [0, tallies.total] as const].map(([y, t]) => [y, [...t]]),
        coverage,
        categories,
        maps: [...portal.interpretationsOf].map(([k, docs]) => [k, docs.map((r) => r.url)]),
      };
    };
    const copies = records.map((r) => ({ ...r }));
    const reads = countFields(records);
    const kept = run(records);
    // The same records without what the store kept (a spread leaves its slot behind): every field read.
    const clean = run(copies);
    assert.ok(clean.maps.length > 0, "the sample portal has 解读");
    assert.ok(
      clean.categories.some((c) => c.length > 0),
      "the organs have category items",
    );
    assert.deepEqual(kept, clean);
    const typeOf = new Map(records.map((r) => [r.file, r.type]));
    for (const type of KEPT_TYPES)
      assert.deepEqual(
        [...reads.keys()].filter((file) => typeOf.get(file) === type),
        [],
        `${type} fields read`,
      );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("a record's kept fields are its own, and a record without them answers from its fields", () => {
  const policy = {
    type: "policy",
    file: "content/policies/a.md",
    url: "/policies/a/",
    body: "",
    fields: {
      title: "关于印发某办法的通知",
      index_no: "X/2026-00001",
      doc_no: "白政发〔2026〕1号",
      kind: "政策解读",
      interprets: "X/2025-00009",
      validity: "有效",
      validity_changed: undefined,
      category: "综合政务",
      issuer: "县政府办公室",
      department: "县政府办公室",
      topics: ["营商环境"],
      amends: [],
      repeals: [],
      replaces: [],
      summary: "不保留的字段",
    },
  } as unknown as RecordOf<"policy">;
  const facts = JSON.parse(JSON.stringify(factsOf(policy)));
  // Kept as values in the list's order (interned with the other facts: no names of keys).
  assert.ok(Array.isArray(facts.fields));
  const copy = { ...policy, fields: { title: "别的" } } as unknown as RecordOf<"policy">;
  keepWith(copy, keptValues(null, null, facts));
  // Kept values win over the fields (the store's record and its facts are of one file).
  assert.deepEqual(Object.keys(fieldsRead(copy)).sort(), [
    "amends",
    "category",
    "department",
    "doc_no",
    "index_no",
    "interprets",
    "issuer",
    "kind",
    "repeals",
    "replaces",
    "topics",
    "validity",
  ]);
  assert.equal(fieldsRead(copy).index_no, "X/2026-00001");
  assert.equal(fieldsRead(copy).validity_changed, undefined);
  assert.deepEqual(fieldsRead(copy).topics, ["营商环境"]);
  assert.equal(fieldsRead(copy), fieldsRead(copy), "made once");
  assert.equal(fieldsRead(policy).index_no, "X/2026-00001");
  // Facts of the wrong shape, or a type with none kept: the fields answer.
  keepWith(copy, keptValues(null, null, { fields: { index_no: "X" } }));
  assert.equal(fieldsRead(copy).index_no, undefined);
  keepWith(copy, keptValues(null, null, { fields: new Array(40).fill("X") }));
  assert.equal(fieldsRead(copy).index_no, undefined);
  const page = { type: "page", body: "", fields: { title: "关于我们" } } as unknown as ContentRecord;
  assert.equal(factsOf(page).fields, undefined);
  // Once kept, a save keeps what was kept without reading the fields again.
  keepWith(copy, keptValues(null, null, facts));
  assert.deepEqual(factsOf(copy).fields, facts.fields);
});

test("one-edit builds that change the kept fields equal clean builds", async () => {
  const { root, build, buildBoth, edit } = await keptFixture("gongkai-fields-kept-edits-");
  const none = () => 0;
  try {
    await build(true);
    await build(true);
    // A 解读 points to another document: the 解读 maps, the coverage, the checks.
    const jd = "policies/2026/jd-bzg-2026-3.md";
    edit(jd, "interprets: 11152200MB0000001X/2026-00041", "interprets: 11152200MB0000002X/2026-00049");
    await buildBoth("a 解读's document", none);
    // That document's 索引号 changes with it, and another amends it.
    edit("policies/2026/bzbf-2026-18.md", "/2026-00049", "/2026-00149");
    edit(jd, "/2026-00049", "/2026-00149");
    edit("policies/2026/bzbf-2026-21.md", /^kind: /m, "amends: [11152200MB0000002X/2026-00149]\nkind: ");
    await buildBoth("an 索引号 and an amendment", none);
    // Its 有效性 and 主题分类: the catalogue's groups, the tallies' spans.
    edit("policies/2026/bzbf-2026-18.md", "validity: 有效", "validity: 废止\nvalidity_changed: 2026-10-20");
    edit("policies/2026/bzbf-2026-18.md", "category: 城乡建设、环境保护", "category: 国土资源、能源");
    await buildBoth("a policy's validity and category", none);
    // A policy becomes a 解读's kind, a guide moves in name order and to another 事项类型, a
    // video to another kind, a news item to another department: the lists, cells and categories.
    edit(
      "guides/completion-acceptance-filing.md",
      "title: 建设工程竣工验收备案",
      "title: 阿尔山路建设工程竣工验收备案",
    );
    edit("guides/completion-acceptance-filing.md", "item_type: 行政非许可", "item_type: 行政许可");
    edit("videos/2026/0320-business-environment-film.md", "kind: 宣传片", "kind: 视频新闻");
    edit(
      "news/2026/0107-government-plenary-meeting.md",
      "department: 白桦岭市人民政府办公室",
      "department: 市自然资源局",
    );
    await buildBoth("a guide's title and type, a video's kind, a news item's department", none);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
