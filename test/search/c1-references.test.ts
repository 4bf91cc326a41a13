/**
 * A numeric character reference to 0x80–0x9F in a Markdown body (`&#150;`, `&#x92;`, `&#133;`, from
 * an old page or Word's HTML) shows the Windows-1252 character a browser shows for it, as a raw
 * HTML block already did, and is searched so (src/markdown/c1-references.ts, adv49).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { renderMarkdown } from "../../src/markdown/render.ts";
import { visibleText } from "../../src/search/visible-text.mjs";
import { termsOf, textMatches } from "../../src/search/tokens.ts";
import { launchBrowser, noBrowser } from "../helpers/browser.ts";

const CODES = Array.from({ length: 32 }, (_, i) => 0x80 + i);
/** The five codes Windows-1252 leaves unassigned: a browser shows an invisible control there. */
const UNASSIGNED = [0x81, 0x8d, 0x8f, 0x90, 0x9d];
const textOf = (html: string) => visibleText(`<main>${html}</main>`);

test(
  "a reference to 0x80–0x9F in Markdown text shows what a browser shows for it",
  { skip: noBrowser },
  async () => {
    const browser = await launchBrowser();
    const page = await browser.newPage();
    await page.setContent(`<main>${CODES.map((c) => `<p>a&#${c};b</p>`).join("")}</main>`);
    const shown = await page.$$eval("main p", (ps) => ps.map((p) => p.textContent ?? ""));
    await browser.close();
    for (const [i, code] of CODES.entries()) {
      if (UNASSIGNED.includes(code)) continue;
      for (const written of [
        `&#${code};`,
        `&#x${code.toString(16)};`,
        `&#X${code.toString(16).toUpperCase()};`,
      ])
        for (const allowHtml of [false, true])
          assert.equal(
            textOf(renderMarkdown(`a${written}b`, "/", { allowHtml })),
            shown[i],
            `${written} ${allowHtml}`,
          );
    }
  },
);

test("the same reference in Markdown text and in a raw HTML block shows the same", () => {
  for (const code of CODES) {
    if (UNASSIGNED.includes(code)) continue;
    const inText = textOf(renderMarkdown(`a&#${code};b`, "/", { allowHtml: true }));
    const inBlock = textOf(renderMarkdown(`<p>a&#${code};b</p>`, "/", { allowHtml: true }));
    assert.equal(inText, inBlock, code.toString(16));
  }
  // Unassigned codes, 0 and code points beyond Unicode stay U+FFFD, as markdown-it has them.
  for (const written of ["&#129;", "&#x9D;", "&#0;", "&#x110000;"])
    assert.equal(renderMarkdown(`a${written}b`, "/"), "<p>a\uFFFDb</p>\n", written);
  // Not a reference: left as written.
  assert.equal(renderMarkdown("a&#150b &#;", "/"), "<p>a&amp;#150b &amp;#;</p>\n");
  assert.equal(renderMarkdown("`&#150;`", "/"), "<p><code>&amp;#150;</code></p>\n");
});

test("a body migrated with such references is found by what it shows", () => {
  const body = "咨询电话0482&#150;7121251，地址Xi&#146;an&#133;，&#147;十四五&#148;规划，&#128;100。";
  for (const allowHtml of [false, true]) {
    const text = textOf(renderMarkdown(body, "/", { allowHtml }));
    assert.equal(text, "咨询电话0482–7121251，地址Xi’an…，“十四五”规划，€100。");
    for (const query of ["0482-7121251", "xi'an...", "“十四五”规划", "€100"])
      assert.ok(textMatches(text, termsOf(query)), `${query} ${allowHtml}`);
  }
});
