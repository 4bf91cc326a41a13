/**
 * What killed builds leave next to the published folder (src/build/publish.ts): `<out>.staging-<pid>`
 * and `<out>.old-<pid>`, found by name and repaired by the next build.
 */
import { existsSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { isGongkaiOutput, shown } from "./output-guard.ts";

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

interface Leftover {
  path: string;
  kind: "staging" | "old";
  pid: number;
}

function leftoversOf(target: string): Leftover[] {
  const dir = path.dirname(target);
  const prefix = `${path.basename(target)}.`;
  const found: Leftover[] = [];
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    const m = name.startsWith(prefix) ? /^(staging|old)-(\d+)$/.exec(name.slice(prefix.length)) : null;
    if (m) found.push({ path: path.join(dir, name), kind: m[1] as Leftover["kind"], pid: Number(m[2]) });
  }
  return found;
}

/**
 * Repairs what killed builds left: restores the published folder if a build died between its two
 * renames, then removes dead builds' staging folders and old copies. Returns what it did, in Chinese.
 * `publishing`: this process is publishing into `target` right now (its staging folder is no leftover).
 */
export function recoverInterrupted(target: string, publishing: boolean): string[] {
  const done: string[] = [];
  const dead = leftoversOf(target).filter(
    (l) => !(l.pid === process.pid && publishing) && (l.pid === process.pid || !isAlive(l.pid)),
  );
  if (!existsSync(target)) {
    // A live build holds `<out>` missing only for the instant between its two renames, so an old
    // copy moved aside (ctime) a minute ago is orphaned even if its PID now belongs to another process.
    const orphaned = leftoversOf(target).filter(
      (l) =>
        l.kind === "old" &&
        !dead.some((d) => d.path === l.path) &&
        Date.now() - statSync(l.path).ctimeMs > 60_000,
    );
    // The newest old copy is what was published last (only one exists unless builds raced).
    const olds = [...dead, ...orphaned]
      .filter((l) => l.kind === "old" && isGongkaiOutput(l.path))
      .sort((a, b) => statSync(b.path).mtimeMs - statSync(a.path).mtimeMs);
    if (olds.length) {
      renameSync(olds[0].path, target);
      done.push(`已恢复上次中断的发布：${shown(target)} 已还原为上一次完整生成的网站。`);
    }
  }
  for (const l of dead) {
    if (!existsSync(l.path)) continue;
    rmSync(l.path, { recursive: true, force: true });
    done.push(`已删除中断的构建留下的 ${shown(l.path)}。`);
  }
  return done;
}
