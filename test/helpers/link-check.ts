/**
 * Checks every internal link of a built folder: href/src/poster/srcset in HTML, url() in CSS,
 * href and <loc> in XML (feeds, sitemaps). A link is internal when it is relative, site-absolute,
 * or absolute on the site's own origin; it must land inside the path prefix on a file that exists
 * (a folder URL needs its index.html).
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Site } from "../../src/config/schema.ts";
import { outputFiles, urlOfHtmlFile } from "../../src/build/output-files.ts";

export interface BrokenLink {
  /** Output file the link is in. */
  file: string;
  link: string;
  reason: string;
}

const ENTITIES: Record<string, string> = {
  "&amp;": "&",
  "&quot;": '"',
  "&#39;": "'",
  "&lt;": "<",
  "&gt;": ">",
};
const unescape = (text: string) => text.replace(/&(?:amp|quot|#39|lt|gt);/g, (e) => ENTITIES[e]);

function linksIn(rel: string, text: string): string[] {
  const found: string[] = [];
  const add = (re: RegExp) => {
    for (const m of text.matchAll(re)) found.push(unescape(m[1]));
  };
  if (rel.endsWith(".html")) {
    add(/\s(?:href|src|poster|action|data)="([^"]*)"/g);
    for (const m of text.matchAll(/\ssrcset="([^"]*)"/g))
      found.push(...m[1].split(",").map((c) => unescape(c.trim().split(/\s+/)[0])));
  } else if (rel.endsWith(".css")) {
    add(/url\(\s*["']?([^"')]+)["']?\s*\)/g);
  } else if (rel.endsWith(".xml")) {
    add(/\shref="([^"]*)"/g);
    add(/<loc>([^<]*)<\/loc>/g);
  }
  return found;
}

/** Checks every file of `outDir`; an empty result means no broken link. */
export function checkLinks(outDir: string, site: Site): { checked: number; broken: BrokenLink[] } {
  const origin = new URL(site.baseUrl).origin;
  const broken: BrokenLink[] = [];
  let checked = 0;
  for (const rel of outputFiles(outDir)) {
    if (!/\.(html|css|xml)$/.test(rel)) continue;
    // The URL a browser would have for this file, on the real origin, to resolve relative links.
    const fileUrl = rel.endsWith(".html") ? urlOfHtmlFile(rel) : `/${rel}`;
    const base = origin + site.pathPrefix + fileUrl.slice(1);
    for (const link of linksIn(rel, readFileSync(path.join(outDir, rel), "utf8"))) {
      if (link === "" || /^(mailto|tel|data|javascript):/i.test(link) || link.startsWith("#")) continue;
      let target: URL;
      try {
        target = new URL(link, base);
      } catch {
        broken.push({ file: rel, link, reason: "not a URL" });
        continue;
      }
      if (target.origin !== origin) continue; // another site: not ours to check offline
      checked++;
      const pathname = decodeURIComponent(target.pathname);
      if (!pathname.startsWith(site.pathPrefix)) {
        broken.push({ file: rel, link, reason: `outside the path prefix ${site.pathPrefix}` });
        continue;
      }
      const local = path.join(outDir, pathname.slice(site.pathPrefix.length));
      const file = pathname.endsWith("/") ? path.join(local, "index.html") : local;
      if (!existsSync(file) || (statSync(file).isDirectory() && !existsSync(path.join(file, "index.html")))) {
        broken.push({ file: rel, link, reason: "no such file" });
      }
    }
  }
  return { checked, broken };
}
