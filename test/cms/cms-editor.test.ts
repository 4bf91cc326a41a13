/**
 * The web editor end to end (issue 20): `npm run cms` on a copy of the sample portal, a news item
 * and a policy document created through the Decap UI with Chinese typed by IME composition events,
 * saved; then `npm run check` and `npm run build` pass and the new pages show the typed text
 * exactly. Existing items opened and saved unchanged stay byte-identical (git status clean), and a
 * title edit is a one-line diff. One browser for the whole file.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { launchBrowser, noBrowser } from "../helpers/browser.ts";
import { textOf } from "../helpers/fixture.ts";
import { imeSession, imeText, typeIme, type ImeWords } from "../helpers/ime.ts";
import { EDIT, NEWS_BODY, NEWS_SOURCE, NEWS_TITLE, POLICY_BODY, POLICY_TITLE } from "./ime-words.ts";
import { ROOT } from "../helpers/sample-portal.ts";
import { commandArgs } from "../helpers/cli.ts";
import {
  clearBody,
  focusField,
  git,
  openEditor,
  openRoute,
  publish,
  startCms,
  waitForEntry,
} from "./cms-session.ts";

const run = (script: string, ...args: string[]) =>
  spawnSync(process.execPath, commandArgs(script, args), { cwd: ROOT, encoding: "utf8" });

test(
  "npm run cms: IME-typed news and policy are saved, checked, built and shown exactly; unchanged saves leave no diff",
  { skip: noBrowser, timeout: 600_000 },
  async (t) => {
    const cms = await startCms();
    t.after(() => cms.server.kill());
    const repo = path.dirname(cms.contentDir);
    const browser = await launchBrowser();
    t.after(() => browser.close());
    // An editor in the site's zone: the date picker's “现在” is local time, which the loader reads as the site's.
    const context = await browser.newContext({
      timezoneId: "Asia/Shanghai",
      viewport: { width: 1400, height: 900 },
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    // Leaving an entry right after its save: Decap may still ask whether to discard (it has been saved).
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.accept();
    });
    const cdp = await imeSession(page);
    // Count the composition events the page receives: the IME path, not plain key presses, was taken.
    await page.addInitScript(() => {
      const w = window as unknown as { compositions: number };
      w.compositions = 0;
      document.addEventListener("compositionend", () => w.compositions++, true);
    });
    await openEditor(page, cms.admin);

    // A news item: title, source and body by IME; the date from the picker's “现在”; published, not a draft.
    await page.goto(`${cms.admin}#/collections/news/new`);
    await focusField(page, "标题");
    await typeIme(cdp, NEWS_TITLE);
    assert.equal(
      await page.locator("input:focus").inputValue(),
      imeText(NEWS_TITLE),
      "the title field holds exactly the committed text",
    );
    await page.getByText("现在", { exact: true }).first().click();
    await focusField(page, "来源");
    await page.keyboard.press("ControlOrMeta+A");
    await typeIme(cdp, NEWS_SOURCE);
    await page.locator(`#${await page.locator("label", { hasText: /^草稿/ }).getAttribute("for")}`).click();
    await clearBody(page);
    await typeIme(cdp, NEWS_BODY);
    assert.equal((await publish(page)).status(), 200);

    // A policy document: 索引号 by keyboard (ASCII), dates from the picker, the rest from the defaults.
    await openRoute(page, cms.admin, "collections/policy/new");
    await focusField(page, "标题");
    await typeIme(cdp, POLICY_TITLE);
    await focusField(page, "索引号");
    await page.keyboard.type("11152200MB0000001X/2026-00099");
    await page.getByText("现在", { exact: true }).nth(0).click(); // 成文日期
    await page.getByText("现在", { exact: true }).nth(1).click(); // 发布日期
    await page.locator(`#${await page.locator("label", { hasText: /^草稿/ }).getAttribute("for")}`).click();
    await clearBody(page);
    await typeIme(cdp, POLICY_BODY);
    assert.equal((await publish(page)).status(), 200);

    const compositions = (words: ImeWords) => words.filter(([pinyin]) => pinyin).length;
    assert.equal(
      await page.evaluate(() => (window as unknown as { compositions: number }).compositions),
      compositions(POLICY_TITLE) + compositions(POLICY_BODY),
      "one compositionend per word typed since the policy page was opened",
    );

    // The local backend: uploads only of the allow-list's types, and only from the editor's own page.
    const upload = (name: string) =>
      page.evaluate(async (name) => {
        const asset = { path: `content/media/attachments/${name}`, content: "AAAA", encoding: "base64" };
        const r = await fetch("/api/v1", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ action: "persistMedia", params: { branch: "main", asset } }),
        });
        return r.status;
      }, name);
    assert.equal(await upload("page.html"), 422, "a page cannot be uploaded into media/");
    assert.equal(await upload("附件.pdf"), 422, "non-ASCII file names are refused");
    assert.equal(await upload("notice.exe"), 422);
    const foreign = await fetch(new URL("/api/v1", cms.admin), {
      method: "POST",
      headers: { "content-type": "application/json", origin: "https://evil.example" },
      body: JSON.stringify({ action: "getMedia", params: { branch: "main", mediaFolder: "content/media" } }),
    });
    assert.equal(foreign.status, 403, "another site's page cannot use the local backend");

    const added = git(repo, "status", "--porcelain", "--untracked-files=all").trim().split("\n").sort();
    assert.equal(added.length, 2, added.join("\n"));
    assert.match(added[0], /^\?\? content\/news\/\d{4}\/\d{4}-\d{4}\.md$/);
    assert.match(added[1], /^\?\? content\/policies\/\d{4}\/\d{4}-\d{4}\.md$/);
    const newsFile = readFileSync(path.join(repo, added[0].slice(3)), "utf8");
    assert.match(
      newsFile,
      new RegExp(
        `^---\\ntitle: ${imeText(NEWS_TITLE)}\\ndate: \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}\\ncolumn: 市级新闻\\nsource: ${imeText(NEWS_SOURCE)}\\n`,
      ),
    );
    assert.ok(newsFile.endsWith(`---\n\n${imeText(NEWS_BODY)}\n`), newsFile);
    const policyFile = readFileSync(path.join(repo, added[1].slice(3)), "utf8");
    assert.match(
      policyFile,
      /\nwritten: \d{4}-\d{2}-\d{2}\ndate: \d{4}-\d{2}-\d{2} \d{2}:\d{2}\nkind: 行政规范性文件\n/,
    );

    // Existing items, one of each kind with a page. Opened, touched and put back: Decap itself sees
    // no change (its button reads 已发布, nothing to save). Edited and saved: one line; edited back
    // and saved again: byte-identical, so git status is clean.
    for (const [entry, file] of [
      ["news/entries/2025/0312-spring-ploughing", "content/news/2025/0312-spring-ploughing.md"],
      ["policy/entries/2026/bzg-2026-3", "content/policies/2026/bzg-2026-3.md"],
      ["guide/entries/construction-permit", "content/guides/construction-permit.md"],
      [
        "video/entries/2025/0313-spring-ploughing-video",
        "content/videos/2025/0313-spring-ploughing-video.md",
      ],
    ]) {
      const title = /^title: "?(.*?)"?$/m.exec(readFileSync(path.join(repo, file), "utf8"))![1];
      await openRoute(page, cms.admin, `collections/${entry}`);
      await waitForEntry(page, title);
      await focusField(page, "标题|事项名称");
      await page.keyboard.press("End");
      await page.keyboard.type("x");
      await page.keyboard.press("Backspace");
      await page.getByText("已发布", { exact: true }).first().waitFor();
      await page.keyboard.type("x");
      assert.equal((await publish(page)).status(), 200, entry);
      assert.equal(
        git(repo, "diff", "--numstat").trim(),
        `1\t1\t${file}`,
        `${entry}: a title edit is one line`,
      );
      await openRoute(page, cms.admin, `collections/${entry}`);
      await waitForEntry(page, `${title}x`);
      await focusField(page, "标题|事项名称");
      await page.keyboard.press("End");
      await page.keyboard.press("Backspace");
      assert.equal((await publish(page)).status(), 200, entry);
      assert.equal(git(repo, "diff", "--numstat").trim(), "", `${entry}: saved back, byte-identical`);
    }
    assert.deepEqual(
      git(repo, "status", "--porcelain").trim().split("\n").sort(),
      added,
      "git status: only the new items",
    );

    // A title edit (IME) is one changed line.
    await openRoute(page, cms.admin, "collections/news/entries/2025/0312-spring-ploughing");
    await waitForEntry(page, "白桦岭市召开2025年春耕备耕工作会议");
    await focusField(page, "标题");
    await page.keyboard.press("End");
    await typeIme(cdp, EDIT);
    assert.equal((await publish(page)).status(), 200);
    assert.equal(git(repo, "diff", "--numstat").trim(), "1\t1\tcontent/news/2025/0312-spring-ploughing.md");
    assert.match(git(repo, "diff", "-U0"), /\n\+title: 白桦岭市召开2025年春耕备耕工作会议（修订）\n/);
    assert.deepEqual(errors, [], "no script errors in the editor page");

    // What the editor wrote passes the check and builds; the pages show exactly what was typed.
    const check = run("check.ts", "--content", cms.contentDir);
    assert.equal(check.status, 0, `npm run check:\n${check.stdout}${check.stderr}`);
    const out = path.join(cms.work, "_site");
    const build = run("build.ts", "--content", cms.contentDir, "--out", out);
    assert.equal(build.status, 0, `npm run build:\n${build.stdout}${build.stderr}`);
    for (const [file, title, body] of [
      [added[0], NEWS_TITLE, NEWS_BODY],
      [added[1], POLICY_TITLE, POLICY_BODY],
    ] as const) {
      const id = file.slice("?? content/".length, -".md".length);
      const html = readFileSync(path.join(out, id, "index.html"), "utf8");
      const text = textOf(html);
      assert.ok(html.includes(`<h1>${imeText(title)}</h1>`) || text.includes(imeText(title)), `${id}: title`);
      assert.ok(text.includes(imeText(body)), `${id}: body “${imeText(body)}”`);
    }
  },
);
