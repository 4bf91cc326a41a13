/**
 * Editors' text is untrusted: a title, a 来源, a summary and a body carrying script tags, attribute
 * break-outs and javascript: links produce no executable markup in any output file, with raw HTML
 * off (the default) and on (sanitised).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { createFixture, md, news } from "../helpers/fixture.ts";
import { scanForExecutableMarkup } from "./scan.ts";

const EVIL = `<script>alert(1)</script>"onmouseover="alert(2)" '><img src=x onerror=alert(3)>`;
const q = (text: string) => JSON.stringify(text);

const BODY = [
  "# 标题 <script>alert(4)</script>",
  "",
  "[点我](javascript:alert(5)) [再点](JAVASCRIPT:alert(6)) [编码](java&#115;cript:alert(7)) [数据](data:text/html;base64,PHNjcmlwdD4=)",
  "",
  `<a href="javascript:alert(8)" onclick="alert(9)" style="color:red">链接</a>`,
  "",
  `<img src="/media/p.svg" onerror="alert(10)"><svg onload="alert(11)"></svg><iframe src="javascript:alert(12)"></iframe>`,
  "",
  `<div onmouseover="alert(13)">悬停</div><script>alert(14)</script><style>body{}</style>`,
  "",
  `<a href="/news/2025/evil/" title='" onmouseover="alert(15)'>站内</a> "onmouseover=alert(16)`,
].join("\n");

function evilSite(allowHtml: boolean) {
  return createFixture(
    {
      "news/2025/evil.md": news(q(`新闻${EVIL}`), "2025-03-01 09:00", {
        source: q(`来源${EVIL}`),
        summary: q(`摘要${EVIL}`),
        author: q(`作者${EVIL}`),
        cover: `{ src: /media/p.svg, alt: ${q(`封面${EVIL}`)} }`,
        attachments: `\n  - { title: ${q(`附件${EVIL}`)}, file: /media/a.pdf }`,
      }).replace("正文。", BODY),
      "policies/2025/evil.md": md(
        {
          title: q(`文件${EVIL}`),
          index_no: "11150000MB00000001/2025-00001",
          category: "综合政务",
          issuer: "测试市人民政府",
          written: "2025-03-01",
          date: "2025-03-02 09:00",
          kind: "行政规范性文件",
          department: "市政府办公室",
          keywords: `[${q(`主题词${EVIL}`)}]`,
          summary: q(`概述${EVIL}`),
        },
        BODY,
      ),
      "pages/evil.md": md({ title: q(`页面${EVIL}`), summary: q(`说明${EVIL}`) }, BODY),
      "media/p.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>',
      "media/a.pdf": "x",
    },
    { allowHtml },
  );
}

for (const allowHtml of [false, true]) {
  test(`no executable markup in any output file (allowHtml: ${allowHtml})`, async () => {
    const site = evilSite(allowHtml);
    await site.build();
    const { files, findings } = scanForExecutableMarkup(site.outDir);
    assert.ok(files > 20, `only ${files} files scanned`);
    assert.deepEqual(findings, []);
    // The text is still there, escaped: the scan looked at pages that carry the payload.
    const page = site.read("/news/2025/evil/");
    assert.match(
      page,
      /<h1>新闻&lt;script&gt;alert\(1\)&lt;\/script&gt;&quot;onmouseover=&quot;alert\(2\)&quot;/,
    );
    assert.match(page, /<meta name="ArticleTitle" content="新闻&lt;script&gt;/);
    assert.match(page, /<meta name="ContentSource" content="来源&lt;script&gt;/);
    assert.match(page, /来源：来源&lt;script&gt;/);
    if (allowHtml) {
      // Sanitised, not dropped: the harmless parts of the raw HTML survive.
      assert.match(
        page,
        /<a href="\/news\/2025\/evil\/" title="&quot; onmouseover=&quot;alert\(15\)">站内<\/a>/,
      );
      assert.match(page, /<div>悬停<\/div>/);
    } else {
      assert.match(page, /&lt;div onmouseover=&quot;alert\(13\)&quot;&gt;悬停/);
    }
  });
}

test("the scan itself finds what it is meant to find", async () => {
  const { mkdtempSync, writeFileSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const path = await import("node:path");
  const dir = mkdtempSync(path.join(tmpdir(), "gongkai-scan-"));
  writeFileSync(
    path.join(dir, "a.html"),
    `<script src="/assets/site.js" defer></script><p title="x" onclick="y">`,
  );
  writeFileSync(path.join(dir, "b.json"), JSON.stringify({ title: "<script>alert(1)</script>" }));
  writeFileSync(
    path.join(dir, "c.xml"),
    `<?xml version="1.0"?><feed><content type="html">&lt;a href="javascript:alert(1)"&gt;x&lt;/a&gt;</content></feed>`,
  );
  writeFileSync(path.join(dir, "d.html"), `<a href="/x/" style="color:red">x</a>`);
  const { findings } = scanForExecutableMarkup(dir);
  assert.deepEqual([...new Set(findings.map((f) => `${f.file}: ${f.danger}`))].sort(), [
    "a.html: event handler",
    "b.json: script tag",
    "c.xml: javascript: URL",
    "d.html: style attribute",
  ]);
});
