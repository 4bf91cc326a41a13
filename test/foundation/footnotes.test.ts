/**
 * Footnotes in Markdown bodies ([^1] and [^1]: …): the note is shown after the body and linked both
 * ways, the check accepts it, and a mark without a note or a note without a mark is reported with
 * its line. Before, markdown-it read the note as a link reference: it vanished from the page and
 * the check called its text a broken link.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { renderMarkdown } from "../../src/markdown/render.ts";
import { checkSite } from "../../src/build/load-state.ts";
import { formatProblem } from "../../src/problems/problems.ts";
import { visibleText } from "../../src/search/visible-text.mjs";
import { createFixture, news } from "../helpers/fixture.ts";

const BODY = `根据有关规定[^1]，现予公布[^法]。再次引用[^1]。

[^1]: 见《中华人民共和国政府信息公开条例》第二十条。
[^法]: 依据[条例](/news/2026/a/)。
`;

test("a footnote renders as a numbered note after the body, linked both ways, with ids only the plugin writes", () => {
  const out = renderMarkdown(BODY, "/portal/");
  const ids = [...out.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
  const refs = [...out.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
  assert.equal(new Set(ids).size, ids.length, "ids are unique");
  for (const ref of refs) assert.ok(ids.includes(ref), `#${ref} names an element`);
  assert.match(
    out,
    /<sup class="footnote-ref"><a href="#fn-[0-9a-f]{8}-1" id="fnref-[0-9a-f]{8}-1">\[1\]<\/a><\/sup>/,
  );
  assert.equal(out.match(/>\[1\]</g)?.length, 2, "a note cited twice is [1] both times");
  assert.match(out, /<section class="footnotes" aria-label="注释">/);
  assert.match(
    out,
    /<li id="fn-[0-9a-f]{8}-1" class="footnote-item"><p>见《中华人民共和国政府信息公开条例》第二十条。/,
  );
  assert.match(
    out,
    /<a href="\/portal\/news\/2026\/a\/">条例<\/a>/,
    "a link inside a note gets the path prefix",
  );
  assert.doesNotMatch(out, /\[\^/, "no footnote source left on the page");
  // Two bodies on one page (a report's sections) name different elements.
  const other = renderMarkdown("另一段[^1]。\n\n[^1]: 另一条注释。\n", "/portal/");
  assert.notEqual(other.match(/id="(fn[^"]+)"/)?.[1], out.match(/id="(fn[^"]+)"/)?.[1]);
  assert.equal(
    renderMarkdown("没有脚注的正文。", "/"),
    "<p>没有脚注的正文。</p>\n",
    "other bodies as before",
  );
});

test("with raw HTML on, the notes keep their ids and classes and an editor's own ids are dropped", () => {
  const raw = `${BODY}\n<p id="main-nav" class="footnotes">x</p><a id="skip" href="/a/">y</a>\n`;
  const out = renderMarkdown(raw, "/", { allowHtml: true });
  assert.match(out, /<li id="fn-[0-9a-f]{8}-1" class="footnote-item">/);
  assert.match(out, /<a href="#fnref-[0-9a-f]{8}-1" class="footnote-backref" aria-label="返回正文">/);
  assert.match(out, /<section class="footnotes" aria-label="注释">/);
  assert.match(out, /<p>x<\/p><a href="\/a\/">y<\/a>/, "an editor's id and a class out of place are dropped");
});

test("the check accepts footnotes and names a mark without a note and a note without a mark, by line", async (t) => {
  const site = createFixture({
    "news/2026/a.md": news("有脚注", "2026-06-01 09:00", {}).replace("正文。", BODY),
    "news/2026/b.md": news("脚注不全", "2026-06-02 09:00").replace(
      "正文。",
      "第一行。\n缺注释的脚注[^2]。\n\n[^1]: 没有被引用的注释。\n",
    ),
  });
  t.after(() => rmSync(site.root, { recursive: true, force: true }));
  const problems = checkSite({ site: site.site, contentDir: site.contentDir, now: Date.parse("2026-06-30") })
    .problems.filter((p) => p.field === "正文")
    .map(formatProblem);
  assert.deepEqual(problems, [
    "content/news/2026/b.md:9 警告 字段「正文」：脚注“[^2]”没有对应的注释，页面上会原样显示；请在正文末尾另起一行写“[^2]: 注释内容”",
    "content/news/2026/b.md:11 错误 字段「正文」：注释“[^1]:”没有在正文中引用，页面上不会显示；请在正文相应位置写“[^1]”，或删除这条注释",
  ]);

  site.write("news/2026/b.md", news("脚注不全", "2026-06-02 09:00"));
  await site.build();
  const shown = visibleText(site.read("/news/2026/a/"));
  assert.match(shown, /现予公布\[2\]。/);
  assert.match(
    shown,
    /见《中华人民共和国政府信息公开条例》第二十条。/,
    "the note is shown, so it is searched",
  );
});
