/**
 * The output folder is Gongkai's alone: a build replaces it whole, so it must never be a folder
 * that holds anything else. A build may replace a folder that is absent, empty, or a previous
 * Gongkai output (recognised by the marker file every build writes into it); it refuses a folder
 * that is or contains the content, the site config, the working directory or a git repository,
 * and any other non-empty folder. `--out content`, `--out .` and `--out notes` are refused before
 * anything is written.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import path from "node:path";

/** Written into every output folder; its presence is what lets a later build replace the folder. */
export const OUTPUT_MARKER = ".gongkai-output";
export const OUTPUT_MARKER_TEXT =
  "This folder is written by Gongkai (npm run build). Every build replaces it whole: keep nothing else here.\n";

/** A refusal, in Chinese, naming the folder; the build stops before writing anything. */
export class OutputFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutputFolderError";
  }
}

export interface GuardContext {
  /** content/ (absolute). */
  contentDir: string;
  /** site.config.ts, when the build was started from the command line. */
  configPath?: string;
  /** Working directory (default process.cwd()). */
  cwd?: string;
}

/** Resolves symlinks where the path exists, so two spellings of one folder compare equal. */
function real(p: string): string {
  const abs = path.resolve(p);
  try {
    return realpathSync(abs);
  } catch {
    // Absent: resolve the nearest existing ancestor and append the rest.
    const parent = path.dirname(abs);
    return parent === abs ? abs : path.join(real(parent), path.basename(abs));
  }
}

/** True when `inner` is `outer` or lies below it. */
export function isWithin(outer: string, inner: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

/** The git work trees (folders holding `.git`) at or above `dir`. */
function repositoriesAbove(dir: string): string[] {
  const found: string[] = [];
  for (let at = dir; ; at = path.dirname(at)) {
    if (existsSync(path.join(at, ".git"))) found.push(at);
    if (path.dirname(at) === at) return found;
  }
}

/** How the folder is shown in messages: relative to the working directory when below it. */
export function shown(p: string, cwd = process.cwd()): string {
  const rel = path.relative(cwd, p);
  if (rel === "") return ".";
  return !rel.startsWith("..") && !path.isAbsolute(rel) ? rel.split(path.sep).join("/") : p;
}

/**
 * Where the build publishes: the folder itself, or, when `outDir` is a symlink to a folder, the
 * folder it points to (the link stays; its target is replaced as a plain folder would be).
 */
export function resolveOutputTarget(outDir: string): string {
  const abs = path.resolve(outDir);
  let stat;
  try {
    stat = lstatSync(abs);
  } catch {
    return real(abs);
  }
  if (stat.isSymbolicLink()) {
    let target: string;
    try {
      target = realpathSync(abs);
    } catch {
      throw new OutputFolderError(
        `输出目录 ${shown(abs)} 是指向不存在位置的符号链接：请先创建它指向的目录，或删除这个链接。`,
      );
    }
    if (!statSync(target).isDirectory())
      throw new OutputFolderError(`输出目录 ${shown(abs)} 是指向文件 ${target} 的符号链接，不是目录。`);
    return target;
  }
  if (!stat.isDirectory())
    throw new OutputFolderError(`输出目录 ${shown(abs)} 是一个文件，不是目录：请用 --out 指定另一个目录。`);
  return real(abs);
}

/**
 * Refuses a target that is or holds what the build reads from. Checked before anything next to the
 * target is touched (even the clean-up of interrupted builds).
 */
export function assertNotProjectFolder(target: string, context: GuardContext, display: string): void {
  const cwd = real(context.cwd ?? process.cwd());
  const content = real(context.contentDir);
  const refuse = (what: string) => {
    throw new OutputFolderError(
      `输出目录 ${display} ${what}；生成网站时会整个替换输出目录，里面的文件将被删除。请用 --out 指定一个单独的目录（默认 _site）。`,
    );
  };
  if (target === cwd) refuse("就是当前工作目录");
  if (isWithin(target, content)) refuse(target === content ? "就是内容目录" : "包含内容目录");
  if (isWithin(content, target)) refuse("位于内容目录之中");
  if (context.configPath && isWithin(target, real(context.configPath))) refuse("包含站点配置文件");
  if (isWithin(target, cwd)) refuse("包含当前工作目录");
  for (const repo of new Set([...repositoriesAbove(cwd), ...repositoriesAbove(content)]))
    if (isWithin(target, repo)) refuse(target === repo ? "是 git 仓库的根目录" : "包含 git 仓库");
  if (existsSync(path.join(target, ".git"))) refuse("是一个 git 仓库");
  if (target.split(path.sep).includes(".git")) refuse("位于 git 仓库的 .git 目录中");
}

/** Outputs written before the marker existed: Gongkai's manifest.json, which no other tool writes. */
function isEarlierOutput(target: string): boolean {
  try {
    const head = readFileSync(path.join(target, "manifest.json"), "utf8").slice(0, 64);
    return head.startsWith('{"files": [\n{"path":') && existsSync(path.join(target, "_headers"));
  } catch {
    return false;
  }
}

/** A folder a Gongkai build wrote (its marker, or an earlier build's manifest). */
export function isGongkaiOutput(dir: string): boolean {
  return existsSync(path.join(dir, OUTPUT_MARKER)) || isEarlierOutput(dir);
}

/** Refuses a non-empty folder that is not a previous Gongkai output. */
export function assertReplaceable(target: string, display: string): void {
  if (!existsSync(target)) return;
  const entries = readdirSync(target);
  if (entries.length === 0 || isGongkaiOutput(target)) return;
  const sample = entries.slice(0, 3).join("、") + (entries.length > 3 ? ` 等 ${entries.length} 项` : "");
  throw new OutputFolderError(
    `输出目录 ${display} 不是空目录，也不是 Gongkai 生成的网站（没有 ${OUTPUT_MARKER} 标记文件），其中有 ${sample}；生成网站会整个替换这个目录，为免误删，构建已停止。请用 --out 指定一个空目录或不存在的目录，或先自行清空它。`,
  );
}
