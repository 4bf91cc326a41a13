/**
 * A record's list row is made once per build (src/view/shared-parts.ts `sharedRows`), not on every
 * list page that shows it, and only for a portal the build registered: while the build cache
 * traces what pages read, the layouts see a proxy of the portal and each page makes its own rows.
 * The rows a build's lists show are those made per page.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { raw } from "../../src/html/html.ts";
import { shareParts, sharedRows } from "../../src/view/shared-parts.ts";
import type { LayoutContext } from "../../src/view/context.ts";
import { rows } from "../../layouts/parts/rows.ts";
import { createFixture, news } from "../helpers/fixture.ts";
import { numberedPolicy } from "../helpers/policy-fixture.ts";

test("a row is made once per registered portal, kind and record; every time for a portal not registered", () => {
  const portal = {};
  shareParts(portal);
  const ctx = { portal } as unknown as LayoutContext;
  let made = 0;
  const make = (_: LayoutContext, r: { id: string }) => (made++, raw(`<li>${r.id}</li>`));
  const a = { id: "a" };
  const b = { id: "b" };
  const shown = (c: LayoutContext, kind: string, records: { id: string }[]) =>
    sharedRows(c, kind, records, make)
      .map((row) => row.value)
      .join("");
  assert.equal(shown(ctx, "plain", [a, b, a]), "<li>a</li><li>b</li><li>a</li>");
  assert.equal(shown(ctx, "plain", [b, a]), "<li>b</li><li>a</li>");
  assert.equal(made, 2);
  shown(ctx, "typed", [a]);
  assert.equal(made, 3);
  // Another context over the same portal (a preview build's) makes its own.
  shown({ ...ctx }, "plain", [a]);
  assert.equal(made, 4);
  // A traced page's context: the portal is a proxy nobody registered.
  const traced = { portal: new Proxy(portal, {}) } as unknown as LayoutContext;
  shown(traced, "plain", [a]);
  shown(traced, "plain", [a]);
  assert.equal(made, 6);
});

test("every list's rows are those made per page, in lists of every style", async () => {
  const fixture = createFixture({
    "news/2026/a.md": news("春季植树活动", "2026-03-01 09:00"),
    "news/2026/b.md": news("夏季防汛准备", "2026-05-01 09:00"),
    "policies/2026/one.md": numberedPolicy(1, "关于春季植树的通知"),
    "policies/2026/two.md": numberedPolicy(2, "关于夏季防汛的通知", { summary: "防汛<准备>" }),
  });
  const { state } = await fixture.build();
  const unregistered = { ...state.ctx, portal: { ...state.ctx.portal } };
  let compared = 0;
  const styles = new Set(state.lists.map((l) => l.style));
  for (const list of state.lists) {
    for (const style of new Set([list.style, "mixed", "news"])) {
      const shared = rows(state.ctx, style, list.items).value;
      assert.equal(rows(state.ctx, style, list.items).value, shared);
      assert.equal(rows(unregistered, style, list.items).value, shared, `${list.url} as ${style}`);
      compared++;
    }
  }
  assert.ok(styles.has("policy") && compared > 10, `${compared} lists compared`);
});
