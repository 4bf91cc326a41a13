/**
 * visibleText on HTML our templates do not print today but an editor's sanitised HTML (allowHtml)
 * or a site's own layouts can: each snippet is laid out by Chromium and its main content's words
 * (shownTextOf, the yardstick of the search index) must be visibleText's. A query that runs across
 * an inline element (a link, bold text, ruby) must find it; one that runs across a table cell, a
 * list item or a closed <details> must not.
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import type { Browser } from "playwright-core";
import { visibleText } from "../../src/search/visible-text.mjs";
import { foldText, termsOf } from "../../src/assets/search-query.js";
import { launchBrowser, noBrowser } from "../helpers/browser.ts";
import { shownTextOf, wordsOf } from "../helpers/shown-text.ts";

let browser: Browser;
before(async () => {
  if (!noBrowser) browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const SNIPPETS: Record<string, string> = {
  "inline elements join their neighbours": `<p>另见<a href="#">白政发〔2023〕12号</a>文件，<b>GB/T</b> 2260-2007，<code>PDF</code>转换</p>`,
  "table cells and list items end a run": `<table><thead><tr><th>序号</th><th>项目名称</th></tr></thead><tbody><tr><td>1</td><td>智慧农机</td></tr></tbody></table><ul><li>子项甲</li><li>子项乙</li></ul>`,
  "a closed details shows its summary only": `<p>前文</p><details><summary>办理<b>须知</b></summary><p>折叠的内容</p>尾</details><details open><summary>展开</summary><p>展开的内容</p></details><details hidden><summary>隐藏摘要</summary></details>`,
  "ruby is inline, its parentheses are not shown": `<p>地名<ruby>阿<rp>(</rp><rt>ā</rt><rp>)</rp></ruby>尔山市</p>`,
  "older inline elements and controls' own text": `<p>前<font>字体</font><big>大</big><tt>等宽</tt><nobr>不换行</nobr><output>输出</output>左<label>标签</label>右<input value="值">尾<textarea>文本框</textarea><progress>进度</progress><canvas>画布</canvas>后</p>`,
  "an attachment's name and its kind": `<ul><li><a href="/a.pdf" download>选址明细表（第一批）</a> <span class="file-kind">（PDF）</span></li></ul>`,
  // adv45: Markdown writes a link's or an image's title as an attribute; a word in it (or in the
  // alt) that names an attribute hid the link's text or the image, and a page whose text mentions
  // data-search-body lost all its text.
  "an attribute's name inside another's value": `<p>请查看<a href="https://example.com" title="安全生产 hidden danger 排查">排查 hidden danger 清单</a>和后文。</p><p><img src="/x.png" alt="图 hidden 说明" title='示意 aria-hidden="true" 图'>图后</p><p><a href="#" title="class=visually-hidden data-search-ignore">仍然可见</a></p>`,
  // adv45: raw HTML pasted from a table keeps its cells (sanitize-html does not rebuild the tree); a
  // browser drops a table's part outside a table, and its text runs on.
  "a table's parts outside a table": `<p>前文<td>单元</td>后文</p><tr><th>表头</th></tr>尾<caption>标题</caption>续<table><tr><td>真单元</td><td>格</td></tr></table>`,
  "text that mentions data-search-body": `<p>页面属性 data-search-body 的说明，以及正文其他内容。</p><p><code>&lt;div data-search-body&gt;</code></p>`,
};

const QUERIES: [string, string, boolean][] = [
  ["inline elements join their neighbours", "另见白政发[2023]12号文件", true],
  ["inline elements join their neighbours", "pdf转换", true],
  ["table cells and list items end a run", "序号项目名称", false],
  ["table cells and list items end a run", "子项甲子项乙", false],
  ["table cells and list items end a run", "子项甲 子项乙", true],
  ["a closed details shows its summary only", "办理须知", true],
  ["a closed details shows its summary only", "折叠的内容", false],
  ["a closed details shows its summary only", "隐藏摘要", false],
  ["a closed details shows its summary only", "展开的内容", true],
  ["ruby is inline, its parentheses are not shown", "地名阿ā尔山", true],
  ["an attachment's name and its kind", "明细表（第一批） （pdf）", true],
  ["an attribute's name inside another's value", "排查 hidden danger 清单和后文", true],
  ["an attribute's name inside another's value", "图 hidden 说明", true],
  ["an attribute's name inside another's value", "仍然可见", true],
  ["text that mentions data-search-body", "以及正文其他内容", true],
  ["a table's parts outside a table", "前文单元后文", true],
  ["a table's parts outside a table", "表头尾标题续", true],
  ["a table's parts outside a table", "真单元格", false],
];

test("visibleText of sanitised and layout HTML is what Chromium shows", { skip: noBrowser }, async () => {
  const page = await browser.newPage();
  for (const [name, body] of Object.entries(SNIPPETS)) {
    const html = `<!doctype html><html lang="zh-CN"><body><header>页头</header><main>${body}</main></body></html>`;
    await page.setContent(html);
    assert.deepEqual(wordsOf(visibleText(html)), wordsOf(await shownTextOf(page)), name);
  }
  await page.close();
});

test("a query runs across inline elements, not across cells, list items or folded details", () => {
  for (const [name, query, found] of QUERIES) {
    const html = `<main>${SNIPPETS[name]}</main>`;
    const text = foldText(visibleText(html)).replace(/\s+/gu, " ");
    assert.equal(
      termsOf(query).every((t: string) => text.includes(t)),
      found,
      `${name}: ${query}`,
    );
  }
});
