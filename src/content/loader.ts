/**
 * Reads content/ into validated records: every file once, every problem collected, then the
 * checks that span files. Drafts and scheduled items are kept apart from what gets published.
 */
import path from "node:path";
import { contentFolderName } from "./content-folder.ts";
import type { Site } from "../config/schema.ts";
import type { Problem } from "../problems/problems.ts";
import type { ContentRecord } from "./types.ts";
import { listContentFiles, type ContentFile } from "./walk.ts";
import { readContentFile, type FileResult } from "./read-file.ts";
import { crossCheck } from "./cross-checks.ts";
import type { FileStamp, RecordCache } from "./record-cache.ts";
import { checkTypeList, type AnyTypeSpec } from "../content-types/spec.ts";
import { DEFAULT_TYPES } from "../content-types/index.ts";
import { isDraftOrScheduled, publishedRecords } from "./published.ts";

export interface LoadOptions {
  site: Site;
  /** Absolute path of the content folder. */
  contentDir: string;
  /** The build's clock (epoch ms): items dated later are scheduled, not published. */
  now: number;
  /** Preview builds publish drafts and scheduled items too (marked on their pages). */
  includeDrafts?: boolean;
  /** Dev server: reuse what unchanged files gave last time. */
  cache?: RecordCache;
  /** The content types (default: src/content-types/index.ts). */
  types?: readonly AnyTypeSpec[];
  /** Files from outside contentDir read as if they were in it (a platform's shared items). */
  extraFiles?: readonly ExtraFile[];
  /** content/ already listed and its files already read (on several threads: src/build/parallel/). */
  prepared?: PreparedFiles;
  /** Called once every file is read, before the checks that need the pages (render workers start from it). */
  onLoaded?: (loaded: LoadResult) => void;
  /** The site config file (absolute), for problems about its settings (default: site.config.ts beside content/). */
  configPath?: string;
}

/** The files of content/media listed with content/ (src/build/cache/content-scan.ts). */
export interface ListedMedia {
  /** Site paths (`/media/2025/a.pdf`) of its files outside hidden files and folders, sorted. */
  files: string[];
  /** The stat of an SVG among them, taken since it was listed; undefined: stat it now. */
  stat: (url: string) => FileStamp | undefined;
}

/** The listing of content/ and, per file of it, the result of reading it. */
export interface PreparedFiles {
  listing: ReturnType<typeof listContentFiles>;
  /**
   * The result for `listing.files[index]`; undefined: read it now. With a record cache, `stamp` is
   * the file's stamp as the cache saw it (src/content/record-cache.ts): a result read from a file
   * stamped otherwise is not given (the file changed since).
   */
  result(index: number, stamp?: string): FileResult | undefined;
  /** The stat of `listing.files[index]`, taken since it was listed; undefined: stat it now. */
  stat?(index: number): FileStamp | undefined;
  /** content/media as src/check/media-index.ts lists it, from the same walk (undefined: list it now). */
  media?: ListedMedia;
}

/** How messages name a file of content/: content/news/2025/a.md (relative to the project). */
export function displayPathOf(contentDir: string): (abs: string) => string {
  const base = path.dirname(contentDir);
  const prefix = base.endsWith(path.sep) ? base : base + path.sep;
  // Files listed under contentDir: slicing is what path.relative gives, without its cost per file.
  return (abs) =>
    (abs.startsWith(prefix) && !abs.includes(`${path.sep}..${path.sep}`)
      ? abs.slice(prefix.length)
      : path.relative(base, abs)
    )
      .split(path.sep)
      .join("/");
}

/** Reads the files of a listing, in its order (what `prepared` stands for). */
export function readListedFiles(
  site: Site,
  types: readonly AnyTypeSpec[],
  contentDir: string,
  files: readonly ContentFile[],
): FileResult[] {
  const display = displayPathOf(contentDir);
  return files.map((f) => readContentFile(site, types, f.abs, f.rel, display(f.abs)));
}

/** A file another site of a platform shares into this one (src/platform/shares.ts). */
export interface ExtraFile {
  abs: string;
  /** Path as if under content/: news/edu/2026/notice.md. */
  rel: string;
  /** As messages show it. */
  file: string;
  /** Fields set over the file's own (the column the copy lands in). */
  overrides?: Readonly<Record<string, unknown>>;
  /** Absolute URL of the original page (rel=canonical of the copy). */
  canonical: string;
}

export interface LoadResult {
  /** Every valid record, drafts and scheduled ones included. */
  all: ContentRecord[];
  /** What goes on the site. */
  published: ContentRecord[];
  problems: Problem[];
}

export function loadContent(options: LoadOptions): LoadResult {
  const { site, contentDir, now } = options;
  const types = options.types ?? DEFAULT_TYPES;
  checkTypeList(types);
  const display = displayPathOf(contentDir);
  const { prepared } = options;
  const { files, strays, specials } = prepared?.listing ?? listContentFiles(contentDir);
  const folder = contentFolderName(contentDir);
  const problems: Problem[] = [
    ...specials.map((f): Problem => ({
      severity: "error",
      file: display(f.abs),
      message: `是${f.kind}，不是普通文件；${folder}/ 中只能放普通文件（发布时不会跟随链接），请换成文件本身`,
    })),
    ...strays.map((f): Problem => ({
      severity: "error",
      file: display(f.abs),
      message: `内容目录中只能放 .md 文件；图片、PDF 等附件请放在 ${folder}/media/ 中`,
    })),
  ];
  const all: ContentRecord[] = [];
  const { cache } = options;
  if (cache && cache.site !== site) throw new Error("RecordCache belongs to another site config");
  for (let i = 0; i < files.length; i++) {
    const f = files[i];
    // Unnamed: under tsx's keepNames a named closure per file costs a defineProperty.
    const result = cache
      ? cache.get(
          f.abs,
          (stamp) => prepared?.result(i, stamp) ?? readContentFile(site, types, f.abs, f.rel, display(f.abs)),
          prepared?.stat?.(i),
        )
      : (prepared?.result(i) ?? readContentFile(site, types, f.abs, f.rel, display(f.abs)));
    // Nearly every file has none: no spread call per file (50k at 50k items).
    if (result.problems.length > 0) problems.push(...result.problems);
    if (result.record) all.push(result.record);
  }
  cache?.prune();
  for (const x of options.extraFiles ?? []) {
    const result = readContentFile(site, types, x.abs, x.rel, x.file, x.overrides);
    problems.push(...result.problems);
    if (result.record) all.push({ ...result.record, canonical: x.canonical });
  }
  const isPublished = (r: ContentRecord) => options.includeDrafts || !isDraftOrScheduled(r, now);
  problems.push(...crossCheck(site, types, all, isPublished));
  const loaded = { all, published: publishedRecords(all, types, now, options.includeDrafts), problems };
  options.onLoaded?.(loaded);
  return loaded;
}
