import { test } from "node:test";
import assert from "node:assert/strict";
import { markdownText } from "../../src/search/page-text.ts";

test("a body is searched as the text a reader sees", () => {
  const body =
    "# 办理须知\n\n请携带**身份证**，详见[办事指南](/guides/)。\n\n- 第一项\n- 第二项\n\n<b>加粗</b>";
  assert.equal(markdownText(body), "办理须知\n请携带身份证，详见办事指南。\n第一项\n第二项\n<b>加粗</b>");
  assert.equal(
    markdownText(body, true).split("\n").at(-1),
    "加粗",
    "kept HTML (allowHtml) is searched without its tags",
  );
});
