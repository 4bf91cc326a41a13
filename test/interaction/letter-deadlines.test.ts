/**
 * 留言办理 deadlines and scaffolding (issue 15): a letter past its reply deadline at the build
 * clock fails the build with the file, line and both dates; `npm run new letter` makes a valid file.
 * The channels, pages and statistics are in letters.test.ts.
 */
import { test } from "node:test";
import { readFileSync } from "node:fs";
import assert from "node:assert/strict";
import { createFixture, news } from "../helpers/fixture.ts";
import { ContentError } from "../../src/problems/problems.ts";
import { scaffold } from "../../src/editors/scaffold.ts";
import { checkSite } from "../../src/build/load-state.ts";
import { parseLocalDate } from "../../src/content/fields.ts";
import { letter } from "./letter-file.ts";

test("a letter 61 days unanswered at the build clock fails the build, naming the file and both dates; a reply before receipt too", async () => {
  const late = createFixture({
    "news/2026/a.md": news("春耕", "2026-03-01 09:00"),
    "letters/2026/late.md": letter({ title: "逾期来信", date: "2026-05-01 09:00", received: "2026-04-30" }),
    "letters/2026/early.md": letter(
      {
        title: "答复早于受理",
        date: "2026-05-01 09:00",
        received: "2026-05-10",
        replied: "2026-05-08",
        replied_by: "市政府办公室",
      },
      "答复。",
    ),
    "letters/2026/ok.md": letter(
      {
        title: "按时答复",
        date: "2026-05-01 09:00",
        received: "2026-04-30",
        replied: "2026-05-20",
        replied_by: "市政府办公室",
      },
      "答复。",
    ),
  });
  await assert.rejects(late.build({ now: "2026-06-30 12:00" }), (err: ContentError) => {
    const ours = err.problems.filter((p) => p.severity === "error");
    const overdue = ours.find((p) => p.file === "content/letters/2026/late.md");
    assert.ok(overdue, err.message);
    assert.match(overdue.message, /受理日期 2026-04-30.*当前日期 2026-06-30 已 61 天未答复/);
    const lines = readFileSync(`${late.contentDir}/letters/2026/late.md`, "utf8").split("\n");
    assert.equal(overdue.line, lines.findIndex((l) => l.startsWith("received:")) + 1);
    const early = ours.find((p) => p.file === "content/letters/2026/early.md");
    assert.match(early?.message ?? "", /答复日期 2026-05-08 早于受理日期 2026-05-10/);
    assert.ok(!ours.some((p) => p.file === "content/letters/2026/ok.md"));
    return true;
  });
  assert.equal(late.exists("/"), false);
  // At 59 days the unanswered letter is a warning only (the reply before receipt stays an error).
  await late.build({ now: "2026-06-28 12:00" }).then(
    () => assert.fail("the reply before receipt is an error whatever the clock"),
    (err: ContentError) => {
      const mine = err.problems.filter((p) => p.file === "content/letters/2026/late.md");
      assert.deepEqual(
        mine.map((p) => p.severity),
        ["warning"],
      );
    },
  );
});

test("npm run new letter scaffolds a file that validates", () => {
  const fresh = createFixture({});
  const now = parseLocalDate("2026-03-01 09:00", fresh.site.timeZone)!.toMillis();
  const made = scaffold({
    site: fresh.site,
    type: "letter",
    title: "关于路灯的咨询",
    now,
    contentDir: fresh.contentDir,
  });
  assert.equal(made.rel, "letters/2026/0301-0900.md");
  assert.match(made.text, /^received: 2026-03-01/m);
  fresh.write(made.rel, made.text);
  const { problems } = checkSite({ site: fresh.site, contentDir: fresh.contentDir, now });
  assert.deepEqual(
    problems.filter((p) => p.severity === "error"),
    [],
  );
});
