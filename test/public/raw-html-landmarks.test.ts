/**
 * With raw HTML on, what an editor pastes from Word or an old CMS keeps the page's outline: the
 * title stays the only h1 and the layout's <main> the only main landmark, as a Markdown `#` heading
 * in the body already becomes h2 (src/markdown/render.ts). adv50 found a pasted <h1> and <main> kept.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { createFixture, md, news } from "../helpers/fixture.ts";

const PASTED = [
  "<h1>关于开展专项整治的通知</h1>",
  "",
  "<main><p>各乡镇人民政府：</p></main>",
  "",
  "<aside><p>相关链接：市政府门户网站</p></aside>",
  "",
  "# 一、工作目标",
].join("\n");

const count = (html: string, tag: string) => html.match(new RegExp(`<${tag}[\\s>]`, "g"))?.length ?? 0;

for (const allowHtml of [true, false])
  test(`pasted <h1>, <main> and <aside> leave one h1 and one main on the page (raw HTML ${allowHtml ? "on" : "off"})`, async () => {
    const fixture = createFixture(
      {
        "news/2026/pasted.md": news("专项整治通知", "2026-03-01 09:00", {}).replace("正文。", PASTED),
        "pages/pasted.md": md({ title: "粘贴的页面" }, PASTED),
      },
      { allowHtml },
    );
    try {
      await fixture.build();
      for (const url of ["/news/2026/pasted/", "/pages/pasted/"]) {
        const html = fixture.read(url);
        assert.equal(count(html, "h1"), 1, `${url}: one h1`);
        assert.equal(count(html, "main"), 1, `${url}: one main`);
        if (allowHtml) {
          assert.match(html, /<h2>关于开展专项整治的通知<\/h2>/, `${url}: the pasted heading kept as h2`);
          assert.match(html, /<div><p>各乡镇人民政府：<\/p><\/div>/, `${url}: the pasted main's text kept`);
          assert.match(
            html,
            /<div><p>相关链接：市政府门户网站<\/p><\/div>/,
            `${url}: the pasted aside's text kept`,
          );
        }
      }
    } finally {
      rmSync(fixture.root, { recursive: true, force: true });
    }
  });
