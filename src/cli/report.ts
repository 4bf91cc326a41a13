/** Prints problems for editors and turns a failed run into exit code 1. */
import { ContentError, formatProblem, summarize, type Problem } from "../problems/problems.ts";

export function printProblems(problems: readonly Problem[]): void {
  for (const p of problems) console.error(formatProblem(p));
}

/** Runs a CLI main; content errors are printed in Chinese, anything else with its stack. */
export async function runCli(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (err) {
    if (err instanceof ContentError) {
      printProblems(err.problems);
      console.error(summarize(err.problems));
      console.error("构建已停止，已发布的网站目录保持不变。");
    } else {
      console.error(err);
    }
    process.exitCode = 1;
  }
}
