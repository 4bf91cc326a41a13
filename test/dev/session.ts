/** A dev session (src/dev/dev-session.ts) on a fixture site, on a random port, and ways to save files. */
import { execFileSync } from "node:child_process";
import { readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { TestContext } from "node:test";
import { createFixture, type Fixture } from "../helpers/fixture.ts";
import { parseLocalDate } from "../../src/content/fields.ts";
import { startDevSession, type DevSession, type DevSessionOptions } from "../../src/dev/dev-session.ts";

export interface Session {
  fixture: Fixture;
  session: DevSession;
  /** What the session printed, in order. */
  lines: string[];
  /** Absolute URL of a site path ("/news/2026/a/"). */
  url: (sitePath: string) => string;
}

export async function startSession(
  t: TestContext,
  files: Record<string, string>,
  options: {
    awaitFirstBuild?: boolean;
    /** More session options, given the fixture (its folders). */
    more?: (fixture: Fixture) => Partial<DevSessionOptions>;
  } = {},
): Promise<Session> {
  const fixture = createFixture(files);
  const lines: string[] = [];
  const session = await startDevSession(
    {
      site: fixture.site,
      contentDir: fixture.contentDir,
      outDir: fixture.outDir,
      now: parseLocalDate("2026-06-30 12:00", fixture.site.timeZone)!.toMillis(),
      port: 0,
      searchDelayMs: 60_000, // the search index is not what these tests look at
      ...options.more?.(fixture),
    },
    { info: (line) => lines.push(line), error: (line) => lines.push(line) },
  );
  t.after(() => session.close());
  if (options.awaitFirstBuild !== false) await session.started;
  return {
    fixture,
    session,
    lines,
    url: (sitePath) => session.server.url + sitePath.replace(/^\//, ""),
  };
}

/** Polls `url` until its body satisfies `ok`; fails with the last body after `timeoutMs`. */
export async function eventually(
  url: string,
  ok: (body: string) => boolean,
  what: string,
  timeoutMs = 30_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let body = "";
  while (Date.now() < deadline) {
    body = await fetch(url)
      .then((r) => r.text())
      .catch(() => "");
    if (ok(body)) return body;
    await sleep(25);
  }
  throw new Error(`${url} never showed ${what} within ${timeoutMs} ms; last body:\n${body.slice(0, 400)}`);
}

/** Waits until the page at `url` contains `text`. */
export const shows = (url: string, text: string) =>
  eventually(url, (body) => body.includes(text), `“${text}”`);

/** Rewrites a file in place: same inode, truncated and written (editors without atomic save). */
export function saveInPlace(file: string, text: string): void {
  writeFileSync(file, text);
}

/** `sed -i`: the edited copy is written beside the file and renamed over it. */
export function sedInPlace(file: string, from: string, to: string): void {
  execFileSync("sed", ["-i", `s/${from}/${to}/`, file]);
}

let saves = 0;
/** An editor's atomic save: write a temporary file, then rename it over the original. */
export function saveAtomically(file: string, text: string): void {
  const temp = path.join(path.dirname(file), `${path.basename(file)}.tmp-${process.pid}-${saves++}`);
  writeFileSync(temp, text);
  renameSync(temp, file);
}

/** `git checkout` / `git pull`: the old file is unlinked and a new one created in its place. */
export function replaceFile(file: string, text: string): void {
  unlinkSync(file);
  writeFileSync(file, text);
}

export const textOfFile = (file: string) => readFileSync(file, "utf8");
