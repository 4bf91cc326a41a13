import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { createFixture, news, md } from "../helpers/fixture.ts";
import { noXmllint, schemaErrors, xpath } from "../helpers/xml.ts";
import { writeSitemaps } from "../../src/build/sitemap-xml.ts";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { buildSite } from "../../src/build/build-site.ts";
import { samplePortal } from "../helpers/sample-portal.ts";

const SCHEMAS = path.resolve(import.meta.dirname, "../fixtures/sitemaps");
const SITEMAP_XSD = path.join(SCHEMAS, "sitemap.xsd");
const SITEINDEX_XSD = path.join(SCHEMAS, "siteindex.xsd");
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);

function portalFixture() {
  return createFixture(
    {
      "news/2026/a.md": news("市级新闻甲", "2026-03-01 09:00"),
      "news/2026/b.md": news("通知乙", "2026-05-02 10:30", { column: "通知公告" }),
      "news/2025/c.md": news("旧闻丙", "2025-12-31 23:30"),
      "pages/about.md": md({ title: "关于本站" }),
      "topics/ecology.md": md({ title: "生态文明", topic: "生态文明", date: "2026-01-01 09:00" }),
    },
    { pathPrefix: "/portal/" },
  );
}

test(
  "sitemap.xml lists every indexable HTML page with its lastmod and validates against the sitemaps.org schema",
  { skip: noXmllint },
  async () => {
    const fixture = portalFixture();
    await fixture.build();
    const file = path.join(fixture.outDir, "sitemap.xml");
    assert.equal(schemaErrors(file, SITEMAP_XSD), "");
    const xml = readFileSync(file, "utf8");
    const listed = locs(xml);
    const htmlPages = fixture.files().filter((f) => f.endsWith(".html") && f !== "404.html");
    assert.equal(listed.length, htmlPages.length, "one <url> per HTML page except 404");
    assert.ok(
      listed.every((loc) => loc.startsWith("https://www.test.gov.cn/portal/")),
      "absolute URLs with the prefix",
    );
    assert.equal(
      Number(xpath(file, "count(//*[local-name()='url'][not(*[local-name()='lastmod'])])")),
      0,
      "every <url> has <lastmod>",
    );
    // Dates come from the records, in the site's zone.
    assert.match(
      xml,
      /<loc>https:\/\/www\.test\.gov\.cn\/portal\/news\/2025\/c\/<\/loc><lastmod>2025-12-31T23:30:00\+08:00<\/lastmod>/,
    );
    assert.match(
      xml,
      /<loc>https:\/\/www\.test\.gov\.cn\/portal\/news\/notices\/<\/loc><lastmod>2026-05-02T10:30:00\+08:00<\/lastmod>/,
    );
    assert.match(
      xml,
      /<loc>https:\/\/www\.test\.gov\.cn\/portal\/<\/loc><lastmod>2026-05-02T10:30:00\+08:00<\/lastmod>/,
      "home: newest item",
    );
    assert.ok(!xml.includes("404.html"));
    assert.equal(
      fixture.read("robots.txt"),
      "User-agent: *\nAllow: /\n\nSitemap: https://www.test.gov.cn/portal/sitemap.xml\n",
    );
  },
);

test("a preview build tells crawlers to stay away and lists no page", async () => {
  const fixture = portalFixture();
  await fixture.build({ includeDrafts: true });
  assert.equal(fixture.read("robots.txt"), "User-agent: *\nDisallow: /\n");
  assert.deepEqual(locs(fixture.read("sitemap.xml")), [], "every page of a preview says noindex");
});

test(
  "past the threshold sitemap.xml becomes an index of parts, each valid",
  { skip: noXmllint },
  async () => {
    const fixture = portalFixture();
    const { state } = await fixture.build();
    const single = locs(fixture.read("sitemap.xml"));
    writeSitemaps(state, fixture.outDir, 7);
    const index = path.join(fixture.outDir, "sitemap.xml");
    assert.equal(schemaErrors(index, SITEINDEX_XSD), "");
    const parts = locs(readFileSync(index, "utf8"));
    assert.equal(parts.length, Math.ceil(single.length / 7));
    const inParts: string[] = [];
    parts.forEach((loc, i) => {
      assert.equal(loc, `https://www.test.gov.cn/portal/sitemap-${i + 1}.xml`);
      const part = path.join(fixture.outDir, `sitemap-${i + 1}.xml`);
      assert.equal(schemaErrors(part, SITEMAP_XSD), "");
      inParts.push(...locs(readFileSync(part, "utf8")));
    });
    assert.deepEqual(inParts, single, "the parts list the same pages in the same order");
    assert.ok(!existsSync(path.join(fixture.outDir, `sitemap-${parts.length + 1}.xml`)));
  },
);

test("网站地图 links every column, section and list of the portal", async () => {
  const { site, contentDir, now } = await samplePortal("/portal/");
  const outDir = path.join(mkdtempSync(path.join(tmpdir(), "gongkai-sitemap-")), "_site");
  const { state } = await buildSite({ site, contentDir, outDir, now });
  const page = readFileSync(path.join(outDir, "sitemap/index.html"), "utf8");
  const hrefs = new Set(
    [...page.matchAll(/<main[\s\S]*<\/main>/g)].flatMap((m) =>
      [...m[0].matchAll(/href="([^"]*)"/g)].map((h) => h[1]),
    ),
  );
  const sections = state.lists
    .filter((l) => l.pageNumber === 1 && !/\/\d{4}\/$/.test(l.url))
    .map((l) => l.url);
  const missing = sections.filter((url) => !hrefs.has(`/portal${url}`));
  assert.deepEqual(missing, [], "every list (except year archives and later pages) is on 网站地图");
  for (const column of site.columns) assert.ok(hrefs.has(`/portal/news/${column.key}/`), column.name);
  for (const url of ["/contact/", "/search/", "/topics/", ...state.portal.byType.page.map((p) => p.url)])
    assert.ok(hrefs.has(`/portal${url}`), url);
});
