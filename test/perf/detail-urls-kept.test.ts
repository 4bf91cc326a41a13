/**
 * The check of the details' URLs kept by the record store's generation (src/build/cache/
 * detail-urls.ts): after edits in place only the edited records' URLs are checked, not every
 * detail's; a file added or removed, or a kept verdict of another generation, checks every detail.
 * Every build's output is byte for byte a build's without the cache. And the check itself: with a
 * memo that vouches for the other details, an edited record that is not its URL's own entry has
 * every detail checked, which says what the whole pass says.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import {
  detailUrlsTaken,
  rememberDetailUrls,
  urlChecksWhole,
  urlProblems,
} from "../../src/check/site-urls.ts";
import type { ContentRecord } from "../../src/content/types.ts";
import type { Portal } from "../../src/portal/portal.ts";
import type { Site } from "../../src/config/schema.ts";
import { SiteOutputs } from "../../src/eleventy/site-outputs.ts";
import { keptFixture } from "../helpers/kept-fixture.ts";

const ITEM = "news/2025/0219-market-food-safety-inspection.md";
const LETTER = "letters/2026/snow-clearing.md";

test("the details' URLs are checked only where edited when the store's generation holds", async () => {
  const { root, build, buildBoth, edit, add, remove, rewrite } = await keptFixture("gongkai-detail-urls-");
  /** A build with the cache, then one without: the same bytes. Whether the first took the verdict. */
  const compare = async (what: string) => {
    const { cached, counted } = await buildBoth(what, detailUrlsTaken);
    return { taken: counted, details: cached.state.details.length };
  };
  try {
    await build(true);
    assert.equal((await compare("no edit")).taken, 1, "no edit: taken");
    edit(ITEM, /^title: (.*)$/m, "title: $1（修订）");
    assert.equal((await compare("a title")).taken, 1, "a title: taken");

    // A letter made private and public again: a detail page less, then more; the edited one checked.
    const open = await compare("again");
    edit(LETTER, /^public: true$/m, "public: false");
    const closed = await compare("a letter made private");
    assert.deepEqual(closed, { taken: 1, details: open.details - 1 });
    edit(LETTER, /^public: false$/m, "public: true");
    assert.deepEqual(await compare("made public again"), { taken: 1, details: open.details });

    // A file added, then removed: every detail is checked.
    const added = "news/2025/0220-added.md";
    add(added, ITEM);
    assert.equal((await compare("a file added")).taken, 0);
    remove(added);
    assert.equal((await compare("a file removed")).taken, 0);
    assert.equal((await compare("after the removal")).taken, 1);

    // A verdict of another generation, or one that found a detail unsafe, is not taken.
    rewrite("detail-urls.v8", (stored) => void (stored.gen = "another"));
    assert.equal((await compare("another generation")).taken, 0);
    rewrite("detail-urls.v8", (stored) => void (stored.safe = false));
    assert.equal((await compare("not found safe")).taken, 0);
    assert.equal((await compare("written again")).taken, 1);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("an edited record that is not its URL's own entry has every detail checked", () => {
  const rec = (url: string) => ({ url, file: `content${url}x.md` }) as unknown as ContentRecord;
  const site = {} as Site;
  const a = rec("/news/2026/a/");
  const b = rec("/news/2026/B/");
  const c = rec("/news/2026/c/");
  const portal = { site } as Portal;
  const outputs = new SiteOutputs([]);
  const verdicts: boolean[] = [];
  let edited: ContentRecord[] = [];
  rememberDetailUrls(site, { edited: () => edited, checked: (_, safe) => void verdicts.push(safe) });
  const byUrl = new Map([a, b, c].map((r) => [r.url, r]));
  // Vouched for and edited: only `a` is checked (b's unsafe URL is the memo's word).
  const whole = urlChecksWhole();
  assert.deepEqual(urlProblems([a, b, c], outputs, byUrl, portal), []);
  assert.equal(urlChecksWhole(), whole);
  edited = [a];
  assert.deepEqual(urlProblems([a, c], outputs, byUrl, portal), []);
  // An edited record not in the map (a draft): every detail, and the unsafe one found.
  edited = [rec("/news/2026/d/")];
  const problems = urlProblems([a, b, c], outputs, byUrl, portal);
  assert.deepEqual(problems, urlProblems([a, b, c], outputs));
  assert.equal(problems.length, 1);
  assert.deepEqual(verdicts, [true, true, false]);
});
