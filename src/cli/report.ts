/** Prints problems for editors and turns a failed run into exit code 1 (2 for a wrong command line). */
import { ContentError, formatProblem, summarize, type Problem } from "../content/problems.ts";
import { OutputFolderError } from "../build/output-guard.ts";
import { HelpRequested, UsageError } from "./arguments.ts";
import { describeSystemError } from "./system-error.ts";

export function printProblems(problems: readonly Problem[]): void {
  for (const p of problems) console.error(formatProblem(p));
}

export interface CliRun {
  /** Printed after an error that stopped the command (default: the build's promise). */
  afterError?: string;
  /** What the command was doing, for a system error that names no path ("写入 _site 时"). */
  context?: () => string | undefined;
  /** Exit at once on an error (a command that keeps a server open would otherwise keep running). */
  exitOnError?: boolean;
}

export const BUILD_STOPPED = "构建已停止，已发布的网站目录保持不变。";

/**
 * Runs a CLI main. Every error an operator or editor can cause is printed as Chinese lines without
 * a stack: content problems, a refused output folder, system errors (disk full, read-only, no
 * permission, busy port), a wrong command line (with the usage). Only a bug prints a stack.
 */
export async function runCli(main: () => Promise<void>, run: CliRun = {}): Promise<void> {
  const afterError = run.afterError ?? BUILD_STOPPED;
  try {
    await main();
    return;
  } catch (err) {
    if (err instanceof HelpRequested) {
      console.log(err.usage);
      return;
    }
    if (err instanceof UsageError) {
      console.error(`${err.message}\n\n${err.usage}`);
      process.exitCode = 2;
    } else {
      process.exitCode = 1;
      const system = describeSystemError(err, run.context?.());
      if (err instanceof ContentError) {
        printProblems(err.problems);
        console.error(summarize(err.problems));
        if (afterError) console.error(afterError);
      } else if (err instanceof OutputFolderError) {
        console.error(err.message);
      } else if (system) {
        console.error(system);
        if (afterError) console.error(afterError);
      } else {
        console.error(err);
      }
    }
  }
  if (run.exitOnError) process.exit();
}
