/** `npm run plan -- --platform platform.config.ts --jobs N`: the CI matrix (src/cli/platform.ts). */
import { runPlatformCommand } from "./platform.ts";
import { runCli } from "./report.ts";

await runCli(() => runPlatformCommand("plan", process.argv.slice(2)));
