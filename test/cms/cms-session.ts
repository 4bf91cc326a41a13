/**
 * `npm run cms` on a copy of the sample portal in a fresh Git repository (committed with a date
 * before the sample's honest-dates cut-off, as a migrated site would be), and the editor page
 * driven the way a person uses it: log in to the local backend, fill fields, publish.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { Page, Response } from "playwright-core";
import { ROOT } from "../helpers/sample-portal.ts";

export interface CmsProcess {
  work: string;
  contentDir: string;
  admin: string;
  server: ChildProcess;
  log: () => string;
}

export function git(cwd: string, ...args: string[]): string {
  const run = spawnSync("git", args, {
    cwd,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_AUTHOR_DATE: "2026-11-01T00:00:00+08:00",
      GIT_COMMITTER_DATE: "2026-11-01T00:00:00+08:00",
      GIT_AUTHOR_NAME: "test",
      GIT_AUTHOR_EMAIL: "test@example.gov.cn",
      GIT_COMMITTER_NAME: "test",
      GIT_COMMITTER_EMAIL: "test@example.gov.cn",
    },
  });
  if (run.status !== 0) throw new Error(`git ${args.join(" ")}: ${run.stderr}`);
  return run.stdout;
}

export async function startCms(): Promise<CmsProcess> {
  const work = mkdtempSync(path.join(tmpdir(), "gongkai-cms-"));
  const contentDir = path.join(work, "repo", "content");
  cpSync(path.join(ROOT, "content"), contentDir, { recursive: true });
  const repo = path.dirname(contentDir);
  git(repo, "init", "-q");
  git(repo, "add", "-A");
  git(repo, "commit", "-qm", "sample portal");
  const server = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "src/cli/cms.ts",
      "--content",
      contentDir,
      "--out",
      path.join(work, "_preview"),
      "--port",
      "0",
    ],
    { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
  );
  let log = "";
  server.stdout.setEncoding("utf8").on("data", (chunk: string) => (log += chunk));
  server.stderr.setEncoding("utf8").on("data", (chunk: string) => (log += chunk));
  let admin = "";
  for (const deadline = Date.now() + 180_000; !admin; await sleep(100)) {
    if (server.exitCode !== null) throw new Error(`npm run cms exited:\n${log}`);
    if (Date.now() > deadline) throw new Error(`npm run cms did not start:\n${log}`);
    admin = /内容管理：(\S+?)（/.exec(log)?.[1] ?? "";
  }
  return { work, contentDir, admin, server, log: () => log };
}

/** Opens the editor and logs in to the local backend. */
export async function openEditor(page: Page, admin: string): Promise<void> {
  await page.goto(admin);
  await page.getByRole("button", { name: "登录" }).click();
  await page.getByText("新闻", { exact: true }).first().waitFor();
}

/** The input of a field, by its label (its text before “(可选)”). */
export async function focusField(page: Page, label: string): Promise<void> {
  await page
    .locator("label", { hasText: new RegExp(`^${label}( \\(可选\\))?$`) })
    .first()
    .click();
}

/** The body editor (the Markdown widget), emptied and focused. */
export async function clearBody(page: Page): Promise<void> {
  const body = page.locator('[data-slate-editor="true"]').first();
  for (let attempt = 0; attempt < 5; attempt++) {
    await body.click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.press("Backspace");
    if ((await body.innerText()).trim() === "") return;
    await sleep(200);
  }
  throw new Error(`the body editor could not be emptied: “${await body.innerText()}”`);
}

/** Publishes the open entry and waits for the local backend to have written it. */
export async function publish(page: Page): Promise<Response> {
  const saved = page.waitForResponse(
    (r) => r.url().endsWith("/api/v1") && (r.request().postData() ?? "").includes('"persistEntry"'),
  );
  await page.getByRole("button", { name: "发布", exact: true }).first().click();
  await page.getByText("立即发布", { exact: true }).first().click();
  const invalid = page
    .locator("ul[class*=ControlErrorsList] li")
    .first()
    .waitFor({ timeout: 30_000 })
    .then(async () => {
      const list = await page.locator("ul[class*=ControlErrorsList] li").allInnerTexts();
      throw new Error(`the editor refused to save: ${list.join("；")}`);
    });
  const response = await Promise.race([saved, invalid]);
  invalid.catch(() => undefined);
  // Decap's own confirmation: the entry is no longer “unsaved” (leaving it asks nothing).
  await page.getByText("内容已保存").first().waitFor();
  return response;
}

/** Waits until the editor shows the entry whose first field (its title) is `title`. */
export async function waitForEntry(page: Page, title: string): Promise<void> {
  for (const deadline = Date.now() + 30_000; ; await sleep(100)) {
    const value = await page
      .locator("input")
      .first()
      .inputValue({ timeout: 1000 })
      .catch(() => "");
    if (value === title) return;
    if (Date.now() > deadline) throw new Error(`the editor did not open “${title}” (shows “${value}”)`);
  }
}

/** Opens a page of the editor afresh (a hash change alone is not always followed right after a save). */
export async function openRoute(page: Page, admin: string, route: string): Promise<void> {
  // A real load, not a same-document hash change: leave the editor first.
  await page.goto("about:blank");
  await page.goto(`${admin}#/${route}`);
}
