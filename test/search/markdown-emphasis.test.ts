/**
 * adv47: bold beside Chinese punctuation (`**问：**巡河`, `**一、土地补偿。**征收`, `重点**“水十条”**落实`)
 * showed its asterisks, and search matched them, so the sentence as the editor wrote it found nothing
 * (the sample portal's interviews, 解读 and 征求意见 pages). The markdown-it-cjk-friendly plugin (render.ts).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { renderMarkdown } from "../../src/markdown/render.ts";
import { visibleText } from "../../src/search/visible-text.mjs";
import { termsOf, textMatches } from "../../src/assets/search-query.js";

const BODY = [
  "**主持人：**各位网友大家好！",
  "",
  "**一、土地补偿。**征收农用地按区片综合地价补偿。",
  "",
  "重点**“水十条”**落实，**问：**巡河频次有何变化？",
].join("\n");

test("bold closed by Chinese punctuation before Chinese text is bold, not asterisks", () => {
  const html = renderMarkdown(BODY, "/");
  assert.match(html, /<strong>主持人：<\/strong>各位网友/);
  assert.match(html, /<strong>一、土地补偿。<\/strong>征收/);
  assert.match(html, /重点<strong>“水十条”<\/strong>落实/);
  assert.doesNotMatch(html, /\*\*/);
  const text = visibleText(`<main>${html}</main>`);
  for (const query of ["主持人：各位网友", "土地补偿。征收农用地", "重点“水十条”落实", "问：巡河频次"])
    assert.ok(textMatches(text, termsOf(query)), query);
});

test("emphasis between Latin words and intraword underscores keep CommonMark's rules", () => {
  const html = renderMarkdown("**Hello.**World, snake__case__name, a **b** c, 强调__下划线__强调", "/");
  assert.match(html, /\*\*Hello\.\*\*World/);
  assert.match(html, /snake__case__name/);
  assert.match(html, /a <strong>b<\/strong> c/);
  assert.match(html, /强调__下划线__强调/);
});
