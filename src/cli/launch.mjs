/**
 * The commands' launcher: `node src/cli/launch.mjs <command> [options]` (what `npm run build`,
 * `npm start`, `npm run check` … run) runs src/cli/<command>.ts from its precompiled bundle
 * (src/bundle/module-bundle.mjs) in plain Node, so a command does not start tsx and compile
 * and resolve the build's ~300 modules through it at every start. The bundle is made on the first
 * run after any change to its sources. When it cannot be (GONGKAI_BUNDLE=0, a read-only install,
 * no esbuild) tsx is registered and the command's TypeScript imported as before.
 *
 * Plain JavaScript, since it runs before any TypeScript loader.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { loadTsx, moduleBundle, PROJECT_ROOT } from "../bundle/module-bundle.mjs";

const COMMANDS = ["build", "serve", "check", "inspect", "plan", "merge"];

const command = process.argv[2] ?? "";
if (!COMMANDS.includes(command)) {
  console.error(`未知命令：${command || "（空）"}；可用：${COMMANDS.join("、")}`);
  process.exit(2);
}
// The command reads its options from process.argv.slice(2), as when it is run directly.
process.argv.splice(2, 1);
const entry = path.join("src", "cli", `${command}.ts`);
const bundle = await moduleBundle(`cli-${command}`, entry);
if (bundle) await import(bundle.href);
else {
  await loadTsx();
  await import(pathToFileURL(path.join(PROJECT_ROOT, entry)).href);
}
