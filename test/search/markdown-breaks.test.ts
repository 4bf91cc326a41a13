import { test } from "node:test";
import assert from "node:assert/strict";
import { renderMarkdown } from "../../src/markdown/render.ts";
import { visibleText } from "../../src/search/visible-text.mjs";

test("a line wrapped inside Chinese text shows, and is searched, without a space", () => {
  const html = renderMarkdown("推广智慧\n农机作业，\n监测平台上线。\nWindows\n10 系统", "/");
  // Between Chinese and Latin text the break stays a space, as between two Latin words.
  assert.equal(visibleText(`<main>${html}</main>`), "推广智慧农机作业，监测平台上线。 Windows 10 系统");
});
