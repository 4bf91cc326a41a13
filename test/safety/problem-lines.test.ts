/**
 * Problems are reported in linear time: a file's front matter is parsed once for all its line
 * look-ups (issue 12, defect 7: 2,000 unknown keys took 86 s in `npm run check`). Counted, not
 * timed: the look-ups' work in the `yaml` package (characters parsed, keys compared for
 * duplicates, mapping entries and line starts read) for 2n unknown keys is about twice that for
 * n. A parse per look-up, a linear key search per look-up or the parser's duplicate-key scan
 * makes it four times.
 */
import { createRequire } from "node:module";
import { test, type TestContext } from "node:test";
import assert from "node:assert/strict";
import type { Document, LineCounter, Node, ParseOptions, YAMLMap, YAMLSeq } from "yaml";
import { createFixture, news } from "../helpers/fixture.ts";
import { checkSite } from "../../src/build/load-state.ts";
import { formatProblem, type Problem } from "../../src/problems/problems.ts";
import { parseLocalDate } from "../../src/content/fields.ts";

// The instance src/content/front-matter.ts requires (by the same path, so the same exports).
const yaml = createRequire(import.meta.url)("yaml") as typeof import("yaml");

/** An array whose element reads add to `count`. */
function counted<T>(items: T[], count: () => void): T[] {
  return new Proxy(items, {
    get(target, key, receiver) {
      if (typeof key === "string" && /^\d+$/.test(key)) count();
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}

/** Counts the steps of every front-matter parse and line look-up until the test ends. */
function countYamlSteps(t: TestContext): () => number {
  let steps = 0;
  const step = () => void steps++;
  const parse = yaml.parseDocument;
  t.mock.method(
    yaml,
    "parseDocument",
    (source: string, options?: ParseOptions & { lineCounter?: LineCounter }) => {
      steps += source.length;
      // yaml's own key comparison, counted (front-matter.ts turns it off: js-yaml refused duplicates).
      const uniqueKeys =
        options?.uniqueKeys === false
          ? false
          : (a: unknown, b: unknown) => (
              step(),
              a === b || (yaml.isScalar(a) && yaml.isScalar(b) && a.value === b.value)
            );
      const doc: Document = parse(source, { ...options, uniqueKeys });
      const collections: (YAMLMap | YAMLSeq)[] = [];
      yaml.visit(doc, { Collection: (_, node) => void collections.push(node) });
      for (const node of collections) node.items = counted(node.items as Node[], step);
      const counter = options?.lineCounter;
      if (counter) counter.lineStarts = counted(counter.lineStarts, step);
      return doc;
    },
  );
  return () => steps;
}

/** The problems of one news file with `n` unknown keys, and the steps their lines took. */
function checkUnknownKeys(n: number, steps: () => number): { problems: Problem[]; steps: number } {
  const keys = Array.from({ length: n }, (_, i) => `extra_${i}: 值`).join("\n");
  const text = news("标题", "2026-06-01 09:00").replace("\n---\n", `\n${keys}\n---\n`);
  const site = createFixture({ "news/2026/many.md": text });
  const now = parseLocalDate("2026-06-30 12:00", site.site.timeZone)!.toMillis();
  const before = steps();
  const { problems } = checkSite({ site: site.site, contentDir: site.contentDir, now });
  return { problems: problems.filter((p) => p.message.startsWith("未知字段")), steps: steps() - before };
}

test("2,000 unknown keys in one file are each reported with their line, with twice the work of 1,000", (t) => {
  const steps = countYamlSteps(t);
  const half = checkUnknownKeys(1000, steps);
  const whole = checkUnknownKeys(2000, steps);
  assert.equal(half.problems.length, 1000);
  assert.equal(whole.problems.length, 2000);
  // Front matter starts on line 2 with five known fields: the first unknown key is on line 7.
  assert.match(
    formatProblem(whole.problems[0]),
    /^content\/news\/2026\/many\.md:7 错误 字段「extra_0」：未知字段/,
  );
  assert.equal(whole.problems[1999].line, 2006);
  assert.ok(half.steps > 1000, `the look-ups were counted (${half.steps} steps)`);
  // Linear: ×2 (a little more for longer keys and binary searches of the line starts); quadratic: ×4.
  const ratio = whole.steps / half.steps;
  assert.ok(
    ratio < 3,
    `2,000 keys took ${whole.steps} steps, 1,000 took ${half.steps}: ×${ratio.toFixed(2)}`,
  );
});
