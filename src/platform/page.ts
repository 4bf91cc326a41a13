/** The shell of the platform's own pages (search across sites, statistics): plain, no site theme. */
import { html, type Html } from "../html/html.ts";
import type { Platform } from "./config.ts";

export function platformPage(
  platform: Platform,
  title: string,
  main: Html,
  scripts: Html | string = "",
): string {
  return `<!doctype html>\n${
    html`<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} - ${platform.name}</title>
<link rel="stylesheet" href="../platform.css">
</head>
<body>
<header><strong>${platform.name}</strong>
<nav><a href="../search/">全站群搜索</a><a href="../statistics/">站群统计</a></nav></header>
<main>
<h1>${title}</h1>
${main}
</main>
${scripts}
</body>
</html>`.value
  }\n`;
}
