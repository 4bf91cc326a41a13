/**
 * Errors from the operating system (disk full, read-only disk, no permission, file too large, a
 * busy port …) as one Chinese line naming the path and the cause, instead of a stack trace. Eleventy
 * and other libraries wrap the original error, so the `cause` chain is searched for it.
 */

interface SystemError extends Error {
  code: string;
  errno?: number;
  syscall?: string;
  path?: string;
  dest?: string;
  port?: number;
}

const CAUSES: Record<string, string> = {
  ENOSPC: "磁盘空间已满",
  EDQUOT: "磁盘配额已用完",
  EROFS: "所在磁盘是只读的",
  EACCES: "没有权限",
  EPERM: "操作不被允许（没有权限）",
  EFBIG: "文件超过了系统允许的大小",
  ENOENT: "文件或目录不存在",
  ENOTDIR: "路径中有一段不是目录",
  EISDIR: "这是一个目录，不是文件",
  EEXIST: "已经存在",
  ENOTEMPTY: "目录不是空的",
  EBUSY: "正被其他程序占用",
  EMFILE: "同时打开的文件过多",
  ENFILE: "系统打开的文件过多",
  ENAMETOOLONG: "路径过长",
  ELOOP: "符号链接循环",
  EIO: "磁盘读写出错",
  EXDEV: "不能跨磁盘移动",
  ENOMEM: "内存不足",
  EADDRNOTAVAIL: "本机没有这个地址",
};

const ACTIONS: Record<string, string> = {
  mkdir: "创建目录",
  open: "打开",
  write: "写入",
  read: "读取",
  rename: "移动",
  copyfile: "复制",
  unlink: "删除",
  rmdir: "删除目录",
  rm: "删除",
  scandir: "读取目录",
  stat: "读取",
  lstat: "读取",
  symlink: "创建链接",
  listen: "监听",
};

function isSystemError(err: unknown): err is SystemError {
  return (
    err instanceof Error &&
    typeof (err as SystemError).code === "string" &&
    /^E[A-Z]+$/.test((err as SystemError).code)
  );
}

/** The operating system's error inside `err` (itself or a cause it wraps), if any. */
export function findSystemError(err: unknown): SystemError | undefined {
  const seen = new Set<unknown>();
  for (let at: unknown = err; at instanceof Error && !seen.has(at);) {
    seen.add(at);
    if (isSystemError(at)) return at;
    const next = (at as Error & { originalError?: unknown }).originalError ?? at.cause;
    at = next;
  }
  return undefined;
}

/**
 * One line in Chinese for a system error, or undefined for anything else.
 * `context` names what was being done when the error carries no path (a write through a file handle).
 */
export function describeSystemError(err: unknown, context?: string): string | undefined {
  const sys = findSystemError(err);
  if (!sys) return undefined;
  if (sys.code === "EADDRINUSE")
    return `端口 ${sys.port ?? ""} 已被其他程序占用：请关闭那个程序，或换一个端口，例如 npm start -- --port ${(sys.port ?? 8080) + 1}。`;
  const cause = CAUSES[sys.code] ?? "系统错误";
  const action = ACTIONS[sys.syscall ?? ""] ?? "读写";
  const where = sys.path
    ? `${action} ${sys.dest ? `${sys.path} → ${sys.dest}` : sys.path} 失败`
    : `${context ?? "读写文件时"}${action}失败`;
  return `${where}：${cause}（${sys.code}）。`;
}
