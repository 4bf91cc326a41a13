/** `npm run merge -- --platform platform.config.ts --parts _parts --out _site` (src/cli/platform.ts). */
import { runPlatformCommand } from "./platform.ts";
import { runCli } from "./report.ts";

await runCli(() => runPlatformCommand("merge", process.argv.slice(2)));
