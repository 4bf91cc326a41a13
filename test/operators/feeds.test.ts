import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { createFixture, md, news } from "../helpers/fixture.ts";
import { atom, noXmllint, parseErrors, xpath } from "../helpers/xml.ts";
import { FEED_SIZE } from "../../src/feeds/feeds.ts";

const pad = (n: number) => String(n).padStart(2, "0");

/** 60 city news (one a day in March–April 2026), one tricky title, a policy document, nothing else. */
function feedFixture() {
  const files: Record<string, string> = {};
  for (let i = 0; i < 60; i++) {
    const day = new Date(Date.UTC(2026, 2, 1 + i));
    files[`news/2026/n${pad(i)}.md`] = news(
      `新闻${i}`,
      `2026-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())} 09:00`,
      { summary: `摘要${i}` },
    );
  }
  files["news/2026/tricky.md"] = news(`'<b>标题 & "引号"</b>'`, "2026-01-15 08:00", {
    column: "通知公告",
    summary: `'a < b && c > d'`,
  });
  files["policies/2025/doc.md"] = md({
    title: "测试市人民政府关于印发《办法》的通知",
    index_no: "11150000MB0000001X/2025-00001",
    category: "综合政务",
    issuer: "测试市人民政府",
    doc_no: "测政发〔2025〕3号",
    written: "2025-02-20",
    date: "2025-02-25 10:00",
    kind: "行政规范性文件",
    department: "市政府办公室",
  });
  return createFixture(files, { pathPrefix: "/portal/" });
}

test(
  "every announced feed exists, parses as Atom and carries the path prefix",
  { skip: noXmllint },
  async () => {
    const fixture = feedFixture();
    await fixture.build();
    const feeds = [
      "news.xml",
      ...fixture.site.columns.map((c) => `news-${c.key}.xml`),
      "policies.xml",
      "videos.xml",
    ];
    for (const name of feeds) {
      const file = path.join(fixture.outDir, "feeds", name);
      assert.equal(parseErrors(file), "", `${name} is well-formed`);
      const feed = `/${atom("feed")}`;
      assert.equal(xpath(file, `count(${feed})`), "1", `${name}: root is atom:feed`);
      for (const child of ["id", "title", "updated", "author"])
        assert.equal(xpath(file, `count(${feed}/${atom(child)})`), "1", `${name}: feed/${child}`);
      assert.equal(
        xpath(file, `string(${feed}/${atom("link")}[@rel='self']/@href)`),
        `https://www.test.gov.cn/portal/feeds/${name}`,
      );
      const incomplete = `count(${feed}/${atom("entry")}[count(${atom("id")})!=1 or count(${atom("title")})!=1 or count(${atom("updated")})!=1 or not(${atom("link")}[@rel='alternate'])])`;
      assert.equal(xpath(file, incomplete), "0", `${name}: every entry has id, title, updated, link`);
      const entryLinks = xpath(
        file,
        `count(${feed}/${atom("entry")}/${atom("link")}[not(starts-with(@href, 'https://www.test.gov.cn/portal/'))])`,
      );
      assert.equal(entryLinks, "0", `${name}: entry links are absolute with the prefix`);
    }
    // The pages announce exactly these feeds.
    assert.match(
      fixture.read("/news/"),
      /<link rel="alternate" type="application\/atom\+xml" title="全部新闻" href="\/portal\/feeds\/news\.xml">/,
    );
    assert.match(fixture.read("/news/city-news/"), /href="\/portal\/feeds\/news-city-news\.xml"/);
  },
);

test(
  "feeds hold the newest 50 entries, newest first, updated = newest entry, text escaped",
  { skip: noXmllint },
  async () => {
    const fixture = feedFixture();
    await fixture.build();
    const all = path.join(fixture.outDir, "feeds/news.xml");
    assert.equal(xpath(all, `count(/${atom("feed")}/${atom("entry")})`), String(FEED_SIZE));
    assert.equal(xpath(all, `string(/${atom("feed")}/${atom("entry")}[1]/${atom("title")})`), "新闻59");
    assert.equal(xpath(all, `string(/${atom("feed")}/${atom("entry")}[50]/${atom("title")})`), "新闻10");
    // 2026-04-29 09:00 in Shanghai is 01:00 UTC: the newest entry, not the build clock (2026-06-30).
    assert.equal(xpath(all, `string(/${atom("feed")}/${atom("updated")})`), "2026-04-29T01:00:00Z");
    assert.equal(xpath(all, `string(/${atom("feed")}/${atom("entry")}[1]/${atom("summary")})`), "摘要59");

    const notices = path.join(fixture.outDir, "feeds/news-notices.xml");
    assert.equal(
      xpath(notices, `string(/${atom("feed")}/${atom("entry")}/${atom("title")})`),
      `<b>标题 & "引号"</b>`,
      "title survives as text (the YAML quotes are not part of it)",
    );
    assert.equal(
      xpath(notices, `string(/${atom("feed")}/${atom("entry")}/${atom("summary")})`),
      "a < b && c > d",
    );
    assert.ok(!fixture.read("feeds/news-notices.xml").includes("<b>"), "no markup from editors' text");

    // A feed with no entry still has a fixed date: the portal's newest item.
    const videos = path.join(fixture.outDir, "feeds/videos.xml");
    assert.equal(xpath(videos, `count(/${atom("feed")}/${atom("entry")})`), "0");
    assert.equal(xpath(videos, `string(/${atom("feed")}/${atom("updated")})`), "2026-04-29T01:00:00Z");
    assert.equal(
      xpath(
        path.join(fixture.outDir, "feeds/policies.xml"),
        `string(/${atom("feed")}/${atom("entry")}/${atom("category")}/@term)`,
      ),
      "综合政务",
    );
  },
);
