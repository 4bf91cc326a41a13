/**
 * The front-matter split (src/content/front-matter.ts) replaced gray-matter's for speed; every
 * file must still give the fields, body and block gray-matter gave, quirks included.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import matter from "gray-matter";
import jsyaml from "js-yaml";
import { grayMatterSplit } from "../../src/content/front-matter.ts";

const engines = {
  yaml: { parse: (text: string) => jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA }) as object },
};

const TEXTS = [
  "---\ntitle: 春季植树\ndate: 2026-03-01\n---\n正文。\n",
  "---\r\ntitle: 回车换行\r\n---\r\n正文\r\n",
  "---\ntitle: 无正文\n---",
  "---\ntitle: 结尾后紧跟正文\n---正文\n",
  "---\ntitle: 结尾行有空格\n---  \n正文\n",
  "---\ntitle: 四个短横\n----\n正文\n",
  "---\n---\n空前言\n",
  "---\n# 只有注释\n  # 又一行\n---\n正文\n",
  "---\n~\n---\n空值\n",
  "---\n- 列表\n---\n正文\n",
  "---\n纯文本\n---\n正文\n",
  "---\ntitle: 没有结尾\n正文\n",
  "---\ntitle: a\nbody: |\n  ---x\n---\n正文\n\n---\n分隔线后\n",
  "---\n\ntitle: 空行开头\n\n---\n\n\n正文前空行\n",
];

const outcome = (split: () => { data: unknown; content: string; matter: string }) => {
  try {
    const { data, content, matter } = split();
    return { data, content, matter };
  } catch (err) {
    return { error: String(err) };
  }
};

test("the front-matter split gives gray-matter's fields, body and block (or error) for every shape of file", () => {
  for (const text of TEXTS)
    assert.deepEqual(
      outcome(() => grayMatterSplit(text)),
      outcome(() => matter(text, { engines })),
      text,
    );
});
