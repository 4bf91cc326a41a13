/**
 * What `npm start` prints stays one line per message whatever an editor names a file: a file name
 * with a line break and an ESC is written out (\n, \u001B) in the 检测到修改 line and in the
 * problem it causes, so it can neither forge a problem line nor drive the terminal.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { news } from "../helpers/fixture.ts";
import { startSession } from "./session.ts";

// No "/" in it: it is part of a file name.
const FORGED = "fake.md:1 错误：伪造的一行";

test("a file name with a line break and ESC is written out in npm start's lines", async (t) => {
  const { fixture, lines } = await startSession(t, {
    "news/2026/a.md": news("春季植树活动", "2026-03-01 09:00"),
  });
  const name = `bad\u001b[2K\n${FORGED}.md`;
  writeFileSync(path.join(fixture.contentDir, "news/2026", name), news("坏文件名", "2026-03-02 09:00"));
  const shown = "bad\\u001B[2K\\n";
  const seen = () =>
    lines.some((l) => l.startsWith("检测到修改：") && l.includes(shown)) &&
    lines.some((l) => l.includes(" 错误：") && l.includes(shown));
  for (const deadline = Date.now() + 30_000; !seen() && Date.now() < deadline;) await sleep(25);
  assert.ok(seen(), lines.join("\n"));
  for (const line of lines) {
    assert.ok(
      !line.includes("\n") && !line.includes("\u001b"),
      `a raw line break or ESC: ${JSON.stringify(line)}`,
    );
    assert.ok(!line.startsWith(FORGED), line);
  }
});
