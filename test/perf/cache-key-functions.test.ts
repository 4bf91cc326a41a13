/**
 * The cache keys name the defaults' functions by their place (their code is hashed with src/) and
 * any other function by its source text, so a build started from a command's bundle and one run
 * through tsx agree on the keys, and a change to a test's or a site's own function still counts.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { described, describedFunction, describedMethod } from "../../src/build/cache/described.ts";
import { DEFAULT_TYPES } from "../../src/content-types/index.ts";
import { defaultPageSources } from "../../src/build/defaults.ts";

test("the defaults' functions are named by place, not by the text this process was compiled to", () => {
  assert.equal(describedMethod(defaultPageSources[0], "create"), "ƒ default pages.0.create");
  const types = described(DEFAULT_TYPES);
  assert.match(types, /ƒ default types\.0\./);
  assert.doesNotMatch(types, /=>/, "no function text of the defaults");
});

test("a function of a test's own makes the key by its text: a change to it changes the key", () => {
  const [news] = DEFAULT_TYPES;
  const one = described([{ ...news, listTitle: () => "一" }]);
  const two = described([{ ...news, listTitle: () => "二" }]);
  assert.notEqual(one, two);
  assert.match(one, /"listTitle":"ƒ \(\)\s*=>/);
  assert.match(
    describedFunction(() => 1),
    /^ƒ \(\)\s*=>\s*1$/,
  );
});
