/**
 * Honest dates (伪造发稿日期 is a veto item): in a git checkout, an item dated more than
 * `honestDates.marginDays` before its file first entered the history is an error unless it
 * declares `archive_import` (a reason, e.g. migrated from the old site). Files not committed yet
 * are compared with the build's clock. Renames keep the first date of the original file. The
 * history is read by one `git log` for the whole content folder, so the cost is one process and
 * linear in the number of commits, not one process per file.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import type { Site } from "../config/schema.ts";
import type { Problem } from "../problems/problems.ts";
import { contentFolderName } from "../content/content-folder.ts";
import type { ContentRecord } from "../content/types.ts";
import { lineOfRecordPath } from "../content/line-of-field.ts";

const DAY = 86_400_000;

/**
 * Absolute path → epoch ms of the commit that first added it (following renames); null outside
 * git; "shallow" in a shallow clone (actions/checkout's default depth 1), whose oldest commit
 * seems to add every file and would make every older item look backdated.
 */
export function firstCommitTimes(contentDir: string): Map<string, number> | null | "shallow" {
  // Outside a checkout no process is started (the dev server validates on every edit).
  if (!insideGit(contentDir)) return null;
  const git = (args: string[]) =>
    execFileSync("git", args, {
      cwd: contentDir,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      maxBuffer: 1 << 30,
    });
  let top: string;
  try {
    const [dir, shallow] = git(["rev-parse", "--show-toplevel", "--is-shallow-repository"])
      .trim()
      .split("\n");
    if (shallow === "true") return "shallow";
    top = dir;
  } catch {
    return null;
  }
  let log: string;
  try {
    log = git(["log", "--reverse", "--format=%x00%ct", "--name-status", "-M", "--diff-filter=AR", "--", "."]);
  } catch {
    // A repository without commits yet: everything is uncommitted.
    return new Map();
  }
  const first = new Map<string, number>();
  let time = 0;
  for (const line of log.split("\n")) {
    if (line.startsWith("\u0000")) time = Number(line.slice(1)) * 1000;
    else if (line.startsWith("A\t")) {
      const file = path.join(top, line.slice(2));
      if (!first.has(file)) first.set(file, time);
    } else if (line.startsWith("R")) {
      const [, from, to] = line.split("\t");
      const target = path.join(top, to);
      first.set(target, first.get(path.join(top, from)) ?? time);
    }
  }
  return first;
}

function insideGit(dir: string): boolean {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (existsSync(path.join(d, ".git"))) return true;
    if (path.dirname(d) === d) return false;
  }
}

export function backdatingProblems(
  site: Site,
  records: readonly ContentRecord[],
  contentDir: string,
  now: number,
): Problem[] {
  const { enabled, marginDays, since } = site.honestDates;
  if (!enabled) return [];
  const history = firstCommitTimes(contentDir);
  if (!history) return [];
  if (history === "shallow")
    return [
      {
        severity: "warning",
        file: contentFolderName(contentDir),
        field: "date（发布时间）",
        message:
          "这是浅克隆（git clone --depth），看不到文件的首次提交时间，本次没有检查发稿日期；CI 中请给 actions/checkout 设置 fetch-depth: 0",
      },
    ];
  const zone = site.timeZone;
  const cutover = since ? DateTime.fromISO(since, { zone }).toMillis() : -Infinity;
  const day = (ms: number) => DateTime.fromMillis(ms, { zone }).toFormat("yyyy-MM-dd HH:mm");
  const problems: Problem[] = [];
  for (const record of records) {
    if (record.publishedAt === 0 || (record.fields as { archive_import?: string }).archive_import) continue;
    const committed = history.get(record.abs);
    const existed = committed ?? now;
    if (existed < cutover) continue;
    if (record.publishedAt >= existed - marginDays * DAY) continue;
    const when =
      committed === undefined ? `尚未提交，按当前时间 ${day(now)}` : `文件于 ${day(committed)} 首次提交`;
    problems.push({
      severity: "error",
      file: record.file,
      line: lineOfRecordPath(record, ["date"]),
      field: "date（发布时间）",
      message: `发布时间 ${record.dateText} 早于文件入库时间（${when}）超过 ${marginDays} 天，会被认定为伪造发稿日期；发布时间应为实际发布的时间。如是从旧网站迁移的历史稿件，请填写 archive_import 说明来源`,
    });
  }
  return problems;
}
