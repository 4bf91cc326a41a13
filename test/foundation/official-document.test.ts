/** 公文 parts in Markdown: ::: 主送机关 / 附件说明 / 落款 become marked blocks, with line breaks kept. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { renderMarkdown } from "../../src/markdown/render.ts";

const BODY = `::: 主送机关
各镇人民政府，各街道办事处：
:::

现将有关事项通知如下。

::: 附件说明
附件：1. 名单
2. 标准
:::

::: 落款
白桦岭市人民政府
2026年3月1日
:::
`;

test("the three containers render as gw-* blocks, lines inside them as line breaks", () => {
  const out = renderMarkdown(BODY, "/");
  assert.match(out, /<div class="gw-addressee">\s*<p>各镇人民政府，各街道办事处：<\/p>\s*<\/div>/);
  assert.match(out, /<div class="gw-attachments">\s*<p>附件：1\. 名单<br>\s*2\. 标准<\/p>\s*<\/div>/);
  assert.match(out, /<div class="gw-signature">\s*<p>白桦岭市人民政府<br>\s*2026年3月1日<\/p>\s*<\/div>/);
  assert.match(out, /<p>现将有关事项通知如下。<\/p>/, "text outside the containers is untouched");
});

test("a misspelt container name stays visible as text instead of vanishing", () => {
  const out = renderMarkdown("::: 落 款\n某某\n:::\n", "/");
  assert.doesNotMatch(out, /gw-/);
  assert.match(out, /::: 落 款/);
});

test("with raw HTML on, the sanitiser keeps the containers' classes and drops any other class", () => {
  const out = renderMarkdown(`${BODY}\n<div class="gw-signature evil" onclick="x()">y</div>\n`, "/", {
    allowHtml: true,
  });
  assert.match(out, /<div class="gw-signature">\s*<p>白桦岭市人民政府/);
  assert.match(out, /<div class="gw-signature">y<\/div>/);
  assert.doesNotMatch(out, /evil|onclick/);
});
