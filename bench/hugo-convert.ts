/**
 * Converts a (synthetic) Gongkai platform or site into an equivalent Hugo site, for the Hugo
 * comparison of the platform benchmark: every content file becomes a Hugo page with the same
 * title, date and Markdown body under content/<site>/<folder>/…, every folder gets a paginated
 * list (20 per page, as the portal's lists), and minimal layouts print what Gongkai's pages
 * print at least (title, date, body, links). Taxonomies, feeds and the sitemap are off: what is
 * compared is pages only.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { listContentFiles } from "../src/content/walk.ts";
import { splitFile } from "../src/content/front-matter.ts";

const LAYOUTS: Record<string, string> = {
  "_default/baseof.html": `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }} - {{ .Site.Title }}</title></head>
<body><header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a></header><main>{{ block "main" . }}{{ end }}</main></body></html>
`,
  "_default/single.html": `{{ define "main" }}<article><h1>{{ .Title }}</h1><p>{{ .Date.Format "2006-01-02 15:04" }}</p>{{ .Content }}</article>{{ end }}
`,
  "_default/list.html": `{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range (.Paginate .RegularPagesRecursive 20).Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "2006-01-02" }}</li>{{ end }}</ul>{{ template "_internal/pagination.html" . }}{{ end }}
`,
  "index.html": `{{ define "main" }}<ul>{{ range first 20 .Site.RegularPages.ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
`,
};

const CONFIG = `baseURL = "https://www.example.gov.cn/"
languageCode = "zh-cn"
title = "集约化平台"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
paginate = 20
[markup.goldmark.renderer]
unsafe = false
`;

/** A Gongkai date (YYYY-MM-DD HH:mm, Asia/Shanghai) as Hugo reads it. */
function isoDate(value: unknown): string | undefined {
  const m = typeof value === "string" ? /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}))?/.exec(value) : null;
  return m ? `${m[1]}T${m[2] ?? "00:00"}:00+08:00` : undefined;
}

/** `sites`: key → content folder. Returns the number of pages written. */
export function convertToHugo(
  sites: readonly { key: string; contentDir: string }[],
  hugoDir: string,
): number {
  rmSync(hugoDir, { recursive: true, force: true });
  const made = new Set<string>();
  const write = (rel: string, text: string) => {
    const file = path.join(hugoDir, rel);
    const dir = path.dirname(file);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(file, text);
  };
  write("hugo.toml", CONFIG);
  for (const [rel, text] of Object.entries(LAYOUTS)) write(`layouts/${rel}`, text);
  let pages = 0;
  const sections = new Set<string>();
  for (const site of sites) {
    for (const f of listContentFiles(site.contentDir).files) {
      const { data, body } = splitFile(readFileSync(f.abs, "utf8"));
      const date = isoDate(data.date);
      const rel = `content/${site.key}/${f.rel}`;
      write(
        rel,
        `---\ntitle: ${JSON.stringify(typeof data.title === "string" ? data.title : "")}\n${date ? `date: ${date}\n` : ""}---\n${body}`,
      );
      pages++;
      for (let dir = path.posix.dirname(rel); dir !== "content"; dir = path.posix.dirname(dir))
        sections.add(dir);
    }
  }
  for (const dir of sections)
    write(`${dir}/_index.md`, `---\ntitle: ${JSON.stringify(path.posix.basename(dir))}\n---\n`);
  return pages;
}
