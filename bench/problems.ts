/**
 * `npm run bench:problems`: how long `npm run check` takes to report N problems in one file
 * (unknown front-matter keys, each with its line). Reporting must grow linearly: it took 86 s for
 * 2,000 keys when each problem parsed the front matter again (issue 12). Prints wall and CPU ms
 * per size (the run with the least CPU of three: the machine may be shared) and the CPU growth
 * per doubling (≈2 is linear, ≈4 quadratic).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadSiteConfig } from "../src/config/load.ts";
import { checkSite } from "../src/build/load-state.ts";

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const site = await loadSiteConfig(path.join(ROOT, "site.config.ts"));
const sizes = [500, 1000, 2000, 4000];
const work = mkdtempSync(path.join(os.tmpdir(), "gongkai-bench-problems-"));

function measure(keys: number): { wallMs: number; cpuMs: number; problems: number } {
  const contentDir = path.join(work, String(keys), "content");
  mkdirSync(path.join(contentDir, "news/2025"), { recursive: true });
  const extra = Array.from({ length: keys }, (_, i) => `extra_${i}: 值`).join("\n");
  const department = site.departments[0].name;
  writeFileSync(
    path.join(contentDir, "news/2025/many.md"),
    `---\ntitle: 标题\ndate: 2025-03-12 09:00\ncolumn: ${site.columns[0].name}\nsource: ${department}\ndepartment: ${department}\n${extra}\n---\n正文。\n`,
  );
  let best = { wallMs: Infinity, cpuMs: Infinity, problems: 0 };
  for (let run = 0; run < 3; run++) {
    const wall = performance.now();
    const cpu = process.cpuUsage();
    const problems = checkSite({ site, contentDir, now: Date.UTC(2026, 0, 1) }).problems.length;
    const used = process.cpuUsage(cpu);
    const result = { wallMs: performance.now() - wall, cpuMs: (used.user + used.system) / 1000, problems };
    if (result.cpuMs < best.cpuMs) best = result;
  }
  return best;
}

measure(100); // warm-up: modules, schemas, JIT
let previous: number | undefined;
console.log("unknown keys   problems   wall ms   CPU ms   growth");
for (const keys of sizes) {
  const { wallMs, cpuMs, problems } = measure(keys);
  const growth = previous ? (cpuMs / previous).toFixed(2) : "";
  console.log(
    `${String(keys).padStart(12)} ${String(problems).padStart(10)} ${wallMs.toFixed(0).padStart(9)} ${cpuMs.toFixed(0).padStart(8)}   ${growth}`,
  );
  previous = cpuMs;
}
rmSync(work, { recursive: true, force: true });
