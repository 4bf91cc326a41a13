/**
 * `npm run check -- --platform …`: every site checked as its own build checks it (shared copies
 * included, so a shared item that does not fit a site is reported against its file), the
 * `share:` targets, and links from one site to another: an absolute link into a sibling site must
 * name a page or file that site writes.
 */
import MarkdownIt from "markdown-it";
import { checkSite } from "../build/load-state.ts";
import type { BuildState } from "../eleventy/state.ts";
import type { Problem } from "../problems/problems.ts";
import type { ContentRecord } from "../content/types.ts";
import type { Platform, PlatformSite } from "./config.ts";
import { planShares } from "./shares.ts";
import { placeProblems } from "../problems/placed.ts";
import { footnotes } from "../markdown/footnotes.ts";

const parser = new MarkdownIt({ html: false, linkify: false });
// A footnote definition ([^1]: …) is a note, not a link reference (src/markdown/footnotes.ts).
footnotes(parser);

interface Checked {
  site: PlatformSite;
  state: BuildState;
  records: readonly ContentRecord[];
}

/** Absolute links in a body with their file lines. */
function absoluteLinks(record: ContentRecord): { href: string; line: number; kind: string }[] {
  const found: { href: string; line: number; kind: string }[] = [];
  const walk = (tokens: ReturnType<typeof parser.parse>, line: number) => {
    for (const t of tokens) {
      const at = t.map ? t.map[0] : line;
      if (t.type === "link_open" || t.type === "image") {
        const href = String(t.attrGet(t.type === "image" ? "src" : "href") ?? "");
        if (/^https?:\/\//i.test(href))
          found.push({ href, line: at, kind: t.type === "image" ? "图片" : "链接" });
      }
      if (t.children) walk(t.children, at);
    }
  };
  walk(parser.parse(record.body, {}), 0);
  return found.map((f) => ({ ...f, line: record.bodyLine + f.line }));
}

export function crossSiteLinkProblems(
  checked: readonly Checked[],
  reported = (_key: string) => true,
): Problem[] {
  const problems: Problem[] = [];
  const homes = checked.map((c) => ({ c, prefix: c.site.site.baseUrl + c.site.site.pathPrefix }));
  for (const from of checked) {
    if (!reported(from.site.key)) continue;
    for (const record of from.records) {
      if (record.canonical) continue; // a shared copy: its links are checked where it lives
      for (const link of absoluteLinks(record)) {
        const target = homes
          .filter((h) => h.c !== from && (link.href.startsWith(h.prefix) || `${link.href}/` === h.prefix))
          .sort((a, b) => b.prefix.length - a.prefix.length)[0];
        if (!target) continue;
        const rest = link.href.slice(target.prefix.length).replace(/[?#].*$/, "");
        const url = `/${decodeURI(rest)}`;
        const outputs = target.c.state.outputs;
        if (outputs.has(url) || outputs.has(`${url}/`)) continue;
        problems.push({
          severity: "error",
          file: record.file,
          line: link.line,
          field: "正文",
          message: `${link.kind}“${link.href}”指向站群中的站点“${target.c.site.site.name}”（${target.c.site.key}），但该站点没有这个页面或文件`,
        });
      }
    }
  }
  return problems;
}

export interface PlatformCheck {
  problems: Problem[];
  files: number;
}

/** Checks every site of the platform and what lies between them; `only` narrows what is reported. */
export function checkPlatform(platform: Platform, now: number, only: readonly string[] = []): PlatformCheck {
  const reported = (key: string) => only.length === 0 || only.includes(key);
  const shares = planShares(platform);
  const problems: Problem[] = [...shares.problems];
  const checked: Checked[] = [];
  let files = 0;
  for (const site of platform.sites) {
    const result = checkSite({
      site: site.site,
      contentDir: site.contentDir,
      configPath: site.configPath,
      now,
      extraFiles: shares.into.get(site.key),
    });
    files += result.loaded.all.length;
    if (reported(site.key)) problems.push(...placeProblems(result.problems, site.contentDir));
    const shown = (file: string) =>
      placeProblems([{ severity: "error", file, message: "" }], site.contentDir)[0].file;
    checked.push({
      site,
      state: result.state,
      records: result.loaded.all.map((r) => ({ ...r, file: shown(r.file) })),
    });
  }
  problems.push(...crossSiteLinkProblems(checked, reported));
  return { problems, files };
}
