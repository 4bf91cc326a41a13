/**
 * The floor the benchmark compares against: what any generator must at least do per item —
 * read the file, split front matter (gray-matter), render Markdown (markdown-it), write one HTML
 * file into the same folder layout (<out>/<folder>/<name>/index.html). Nothing else.
 *   node --import tsx bench/floor.ts <contentDir> <outDir>
 * Prints one JSON line: { wallMs, cpuMs, files, maxRssKb }.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import MarkdownIt from "markdown-it";

const [contentDir, outDir] = process.argv.slice(2);
if (!contentDir || !outDir) throw new Error("usage: floor.ts <contentDir> <outDir>");

const started = performance.now();
const cpuStart = process.cpuUsage();
rmSync(outDir, { recursive: true, force: true });
const md = new MarkdownIt();
let files = 0;
for (const entry of readdirSync(contentDir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith(".md")) continue;
  const abs = path.join(entry.parentPath, entry.name);
  const rel = path.relative(contentDir, abs).replace(/\.md$/, "");
  // An options object keeps gray-matter from caching every file it has seen.
  const { data, content } = matter(readFileSync(abs, "utf8"), {});
  const dir = path.join(outDir, rel);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, "index.html"),
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${String(data.title)}</title></head><body><main>${md.render(content)}</main></body></html>\n`,
  );
  files++;
}
const wallMs = Math.round(performance.now() - started);
const cpu = process.cpuUsage(cpuStart);
console.log(
  JSON.stringify({
    wallMs,
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    files,
    maxRssKb: process.resourceUsage().maxRSS,
  }),
);
