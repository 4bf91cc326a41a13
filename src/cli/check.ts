/**
 * `npm run check`: validates site.config.ts and all of content/ exactly as the build does, writes
 * nothing, and prints every problem at once with a summary. Exit code 1 on errors, 0 with warnings.
 * Takes the build's options (--config, --content, --now, --drafts) so it checks the same build.
 */
import { checkSite } from "../build/load-state.ts";
import { ContentError, summarize } from "../problems/problems.ts";
import { placeProblems } from "../problems/placed.ts";
import { listContentFiles } from "../content/walk.ts";
import { DuplicateOutputError } from "../eleventy/site-outputs.ts";
import { readCliOptions } from "./options.ts";
import { printProblems, runCli } from "./report.ts";
import { runPlatformCommand, wantsPlatform } from "./platform.ts";

await runCli(
  async () => {
    if (wantsPlatform(process.argv)) return runPlatformCommand("check", process.argv.slice(2));
    let options;
    try {
      options = await readCliOptions(process.argv.slice(2), "check");
    } catch (err) {
      if (!(err instanceof ContentError)) throw err;
      // Without valid settings the content cannot be checked: report the settings, not a stopped build.
      printProblems(err.problems);
      console.error(`站点配置有误，未检查内容文件。${summarize(err.problems)}`);
      process.exitCode = 1;
      return;
    }
    const { problems, state } = checkSite(options);
    // Two page sources or steps writing one file: a broken setup, reported like the build reports it.
    if (state.outputs.duplicates.length) throw new DuplicateOutputError(state.outputs.duplicates);
    // Named as seen from the working directory, wherever --content puts the content folder.
    printProblems(placeProblems(problems, options.contentDir));
    const files = listContentFiles(options.contentDir).files.length;
    console.error(`已检查站点配置和 ${files} 个内容文件。${summarize(problems)}`);
    if (problems.some((p) => p.severity === "error")) process.exitCode = 1;
  },
  { afterError: "" },
);
