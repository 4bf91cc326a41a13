/**
 * The detail URL check's common case (src/check/site-urls.ts): with the portal's map of records by
 * URL it looks each output up there instead of making a Set of the generated URLs and a Map of the
 * details', and says exactly what the whole pass says; any case it cannot prove (an unsafe URL, two
 * details of one URL, a detail not in the map) takes the whole pass.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import type { ContentRecord } from "../../src/content/types.ts";
import { SiteOutputs, type SiteOutput } from "../../src/eleventy/site-outputs.ts";
import { urlChecksWhole, urlProblems } from "../../src/check/site-urls.ts";

const rec = (url: string, file = `content${url}x.md`) => ({ url, file }) as unknown as ContentRecord;
const detailPage = (r: ContentRecord): SiteOutput => ({
  url: r.url,
  source: "details",
  page: { template: "d", url: r.url, item: r, render: () => Promise.resolve("") },
});
const generated = (url: string, item?: unknown): SiteOutput => ({
  url,
  source: "lists",
  page: { template: "l", url, item, render: () => Promise.resolve("") },
});
const byUrlOf = (records: readonly ContentRecord[]) => new Map(records.map((r) => [r.url, r]));

/**
 * The problems with the map and without it (the whole pass), and whether the map's case took it.
 * `arrange`: the outputs in another order than the details' pages first, in the details' order
 * (the common case skips a run of them unlooked-up; any other order must say the same).
 */
function both(
  details: ContentRecord[],
  others: SiteOutput[],
  extra: ContentRecord[] = [],
  arrange = (pages: SiteOutput[], rest: SiteOutput[]) => [...pages, ...rest],
) {
  const outputs = new SiteOutputs(arrange(details.map(detailPage), others));
  const before = urlChecksWhole();
  const fast = urlProblems(details, outputs, byUrlOf([...details, ...extra]));
  const took = urlChecksWhole() === before;
  assert.deepEqual(fast, urlProblems(details, outputs));
  return { problems: fast, fast: took };
}

test("a site without URL problems is checked without the whole pass", () => {
  const details = [rec("/news/2026/a/"), rec("/news/2026/b/"), rec("/policies/2026/c/")];
  const got = both(details, [generated("/news/"), generated("/news/page/2/"), generated("/feeds/news.xml")]);
  assert.deepEqual(got, { problems: [], fast: true });
});

test("a detail taking a generated URL, in any case: the whole pass's problems, in the details' order", () => {
  const a = rec("/news/city-news/");
  const b = rec("/news/2026/b/");
  const c = rec("/news/topics/");
  const got = both(
    [a, b, c],
    [generated("/news/topics/"), generated("/news/City-News/"), generated("/news/2026/b/index.html")],
  );
  assert.equal(got.fast, true);
  assert.deepEqual(
    got.problems.map((p) => p.file),
    [a.file, c.file],
  );
  assert.match(got.problems[0].message, /与系统生成的列表页冲突/);
  // The Kelvin sign lower-cases to "k": a generated URL with it is a detail's URL ignoring case.
  const k = rec("/news/k/");
  assert.equal(both([k], [generated("/news/\u212A/")]).problems.length, 1);
});

test("a page of a detail's URL made from another detail or from a record without a page", () => {
  const a = rec("/news/2026/a/");
  const b = rec("/news/2026/b/");
  const pageless = rec("/reports/2025/");
  // An output of a's URL whose item is b (a detail): not generated; one whose item is a record
  // without a page of its own: generated.
  assert.deepEqual(both([a, b], [generated("/news/2026/a/", b)]).problems, []);
  const got = both([a, b], [generated("/news/2026/b/", pageless)], [pageless]);
  assert.deepEqual(
    got.problems.map((p) => p.file),
    [b.file],
  );
});

test("unsafe URLs and details differing only in case take the whole pass, with its messages", () => {
  const cases: ContentRecord[][] = [
    [rec("/news/2026/A/"), rec("/news/2026/a/")],
    [rec("/news/2026/a/"), rec("/news/2026/a/", "content/other.md")],
    [rec("/news/../x/")],
    [rec("/news/%2e%2e/")],
  ];
  for (const details of cases) {
    const got = both(details, [generated("/news/")]);
    assert.equal(got.fast, false, details.map((r) => r.url).join(" "));
    assert.ok(got.problems.length > 0);
  }
  // A detail the map does not hold (or holds another record for): the whole pass.
  const a = rec("/news/2026/a/");
  const outputs = new SiteOutputs([detailPage(a)]);
  const before = urlChecksWhole();
  assert.deepEqual(urlProblems([a], outputs, new Map([[a.url, rec(a.url)]])), []);
  assert.equal(urlChecksWhole(), before + 1);
});

test("random sites: the map's case says what the whole pass says", () => {
  let seed = 7;
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 8) % n;
  const parts = ["a", "b", "A", "k", "\u212A", "page", "2", "..", "%2e", "x-y"];
  const url = () => `/${Array.from({ length: 1 + rand(2) }, () => parts[rand(parts.length)]).join("/")}/`;
  let fast = 0;
  for (let round = 0; round < 400; round++) {
    const details = Array.from({ length: 1 + rand(6) }, (_, i) => rec(url(), `content/${i}.md`));
    const pageless = Array.from({ length: rand(3) }, (_, i) => rec(url(), `content/p${i}.md`));
    const items = [undefined, ...details, ...pageless];
    const others = Array.from({ length: rand(6) }, () => generated(url(), items[rand(items.length)]));
    if (both(details, others, pageless).fast) fast++;
    // The details' pages after the others, one left out, two swapped, or split by another page:
    // a run cut short or none, and the rest looked up.
    const arrangements = [
      (pages: SiteOutput[], rest: SiteOutput[]) => [...rest, ...pages],
      (pages: SiteOutput[], rest: SiteOutput[]) => [...pages.slice(0, -1), ...rest],
      (pages: SiteOutput[], rest: SiteOutput[]) => [...pages.slice(1), pages[0], ...rest],
      (pages: SiteOutput[], rest: SiteOutput[]) => [pages[0], ...rest, ...pages.slice(1)],
    ];
    both(details, others, pageless, arrangements[rand(arrangements.length)]);
  }
  assert.ok(fast > 20, `the map's case taken in ${fast} of 400`);
});
