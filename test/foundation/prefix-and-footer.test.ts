import { test } from "node:test";
import assert from "node:assert/strict";
import { createFixture, linksOf, news, textOf } from "../helpers/fixture.ts";

test("under a path prefix every internal link and asset carries the prefix", async () => {
  const site = createFixture(
    {
      "news/2025/a.md": news("带链接的新闻", "2025-03-01 09:00", {}).replace(
        "正文。",
        "见[另一条](/news/2025/b/)和![图](/media/p.svg)。",
      ),
      "news/2025/b.md": news("另一条", "2025-03-02 09:00"),
      "media/p.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>',
    },
    { pathPrefix: "/portal/" },
  );
  await site.build();
  const pages = site.files().filter((f) => f.endsWith(".html"));
  assert.ok(pages.length > 10);
  for (const page of pages) {
    for (const link of linksOf(site.read(page))) {
      // A data: URL is the content itself (the search page's tab icon), no address to prefix.
      if (/^(https?:|mailto:|tel:|data:|#)/.test(link)) continue;
      assert.ok(link.startsWith("/portal/"), `${page}: ${link} lacks the prefix`);
    }
  }
  assert.match(site.read("/news/2025/a/"), /href="\/portal\/news\/2025\/b\/"/);
  assert.match(site.read("/news/2025/a/"), /src="\/portal\/media\/p\.svg"/);
  assert.match(
    site.read("/news/2025/a/"),
    /<link rel="canonical" href="https:\/\/www\.test\.gov\.cn\/portal\/news\/2025\/a\/">/,
  );
});

test("every page carries the footer identifiers and the site meta tags", async () => {
  const site = createFixture({ "news/2025/a.md": news("新闻", "2025-03-01 09:00") });
  await site.build();
  const pages = site.files().filter((f) => f.endsWith(".html"));
  for (const page of pages) {
    const html = site.read(page);
    const text = textOf(html);
    for (const expected of [
      "网站标识码：1500000001",
      "蒙ICP备0000001号",
      "蒙公网安备 15000000000001号",
      "主办单位：测试市人民政府办公室",
      "网站地图",
      "联系我们",
    ]) {
      assert.ok(text.includes(expected), `${page} lacks ${expected}`);
    }
    assert.match(html, /<meta name="SiteIDCode" content="1500000001">/);
    // The search page draws it in the page (layouts/parts/inline-svg.ts), every other page shows the file.
    assert.match(
      html,
      page.startsWith("search/")
        ? /<svg class="conac-badge" role="img" aria-label="党政机关网站标识"/
        : /<img src="\/assets\/v\/dzjg\.[0-9a-f]{12}\.svg" alt="党政机关网站标识"/,
    );
    assert.equal((html.match(/<h1[\s>]/g) ?? []).length, 1, `${page} has one h1`);
  }
});
