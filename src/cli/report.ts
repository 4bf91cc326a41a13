/** Prints problems for editors and turns a failed run into exit code 1 (2 for a wrong command line). */
import { ContentError, formatProblem, summarize, type Problem } from "../problems/problems.ts";
import { OutputFolderError } from "../build/output-guard.ts";
import { abortActivePublications } from "../build/publish.ts";
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
  // A library may reject a promise nobody awaits (Eleventy's passthrough copy on a full disk):
  // report it like any other error, remove this build's staging folder, and stop.
  let reported = false;
  const fatal = (err: unknown) => {
    // After the main error, a stray rejection is its echo (a copy into the removed staging folder).
    if (!reported) reportError(err, run);
    abortActivePublications();
    process.exit(1);
  };
  process.on("uncaughtException", fatal);
  process.on("unhandledRejection", fatal);
  try {
    await main();
    return;
  } catch (err) {
    reported = true;
    reportError(err, run);
  }
  if (run.exitOnError) process.exit();
}

function reportError(err: unknown, run: CliRun): void {
  const afterError = run.afterError ?? BUILD_STOPPED;
  if (err instanceof HelpRequested) {
    console.log(err.usage);
    return;
  }
  if (err instanceof UsageError) {
    console.error(`${err.message}\n\n${err.usage}`);
    process.exitCode = 2;
    return;
  }
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
