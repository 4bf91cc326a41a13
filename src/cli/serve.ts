/**
 * `npm start`: builds the portal once, serves it on loopback and, on every save under content/,
 * rebuilds only what the save affects and reloads open pages (src/dev/dev-session.ts).
 * Options as for build (src/cli/options.ts), plus --port (default 8080).
 */
import { startDevSession } from "../dev/dev-session.ts";
import { checkOutputFolder } from "../build/publish.ts";
import { readCliOptions } from "./options.ts";
import { runCli } from "./report.ts";

await runCli(
  async () => {
    const options = await readCliOptions(process.argv.slice(2), "start");
    // The dev server writes straight into the output folder: the same folder rules as a build.
    checkOutputFolder(options.outDir, options);
    console.log("正在生成网站……");
    const session = await startDevSession(options);
    try {
      await session.started;
    } catch (err) {
      await session.close();
      throw err;
    }
  },
  { exitOnError: true },
);
