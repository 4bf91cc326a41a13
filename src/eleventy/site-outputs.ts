/**
 * Every URL one build writes, enumerated from the validated state before anything is rendered:
 * the pages of each page source, the files each after-render step declares, the passthrough
 * copies. The link check, the sitemap, the manifest and the dev server all read this one list,
 * so none of them guesses. Two sources writing one URL is an error naming both (as Eleventy's
 * DuplicatePermalinkOutputError), found here instead of by one silently overwriting the other.
 */

/** One output page: where it goes, what it is made from, how to render it. */
export interface VirtualPage {
  /** Name of the virtual template (`gongkai-details.11ty.js`). */
  template: string;
  /** Site URL or file path as the permalink gives it: `/news/2025/a/`, `/feeds/news.xml`. */
  url: string;
  /** The paginated item (a record, a list page), or undefined for one-off pages. */
  item: unknown;
  render(): Promise<string>;
}

export interface SiteOutput {
  /** Site URL without the path prefix: `/news/2025/a/`, `/open-data/tallies.json`; a folder ends in `/`. */
  url: string;
  /** Who writes it: a page source (`details`), a step (`sitemap.xml`), a passthrough copy (`media`). */
  source: string;
  /** A folder whose content the source writes without naming each file (the search bundle). */
  folder?: true;
  /** Set for pages rendered from a template. */
  page?: VirtualPage;
}

/** Output file of a permalink, as Eleventy writes it: `/a/b/` → `a/b/index.html`. */
export function outputFileOf(url: string): string {
  // decodeURI changes nothing without a `%` and is most of this function's time (~50k calls a build).
  const clean = (url.includes("%") ? decodeURI(url) : url).replace(/^\/+/, "");
  return clean === "" || clean.endsWith("/") ? `${clean}index.html` : clean;
}

/** Key of a site URL or output path, undecoded: `/a/` and `/a/index.html` → `a/index.html`. */
function fileKey(url: string): string {
  let start = 0;
  while (url.charCodeAt(start) === 47) start++;
  const clean = start === 0 ? url : url.slice(start);
  return clean === "" || clean.endsWith("/") ? `${clean}index.html` : clean;
}

const INDEX = "index.html";

/** Up to this many folder outputs, each is compared with every file's key (`insideFolders`). */
const FEW_FOLDERS = 8;

/**
 * What `byFile` holds a file by: its `fileKey` with one leading slash and a folder's `index.html`
 * left off (`/a/` and `a/index.html` → `/a/`). Two URLs have one key exactly when they have one
 * file key, and a URL with one leading slash (nearly every page's) is its own key: no string made
 * per output (~95k at 50k items, each kept with the state as the map's key).
 */
function outputKey(url: string): string {
  let start = 0;
  while (url.charCodeAt(start) === 47) start++;
  const cut = url.length - INDEX.length;
  const end =
    cut >= start && url.endsWith(INDEX) && (cut === start || url.charCodeAt(cut - 1) === 47)
      ? cut
      : url.length;
  return start === 1 && end === url.length ? url : `/${url.slice(start, end)}`;
}

/** The relative path every file inside a folder output starts with: `/pagefind/` → `pagefind/`. */
const folderPrefix = (folder: SiteOutput) => fileKey(folder.url).slice(0, -"index.html".length);

export class DuplicateOutputError extends Error {
  constructor(readonly duplicates: readonly { url: string; sources: readonly [string, string] }[]) {
    super(
      duplicates
        .map(({ url, sources: [first, second] }) =>
          first === second
            ? `网址 ${url} 由“${first}”生成了两次`
            : `网址 ${url} 同时由“${first}”和“${second}”生成`,
        )
        .join("\n") + "\n（两个来源写同一个文件时，后写的会覆盖先写的；请检查站点配置中的 key 是否重复）",
    );
    this.name = "DuplicateOutputError";
  }
}

export class SiteOutputs {
  /** In the order the sources gave them: pages first, then step files, then passthrough copies. */
  readonly all: readonly SiteOutput[];
  /** Pairs of sources that claim one output file; the build stops on them (after content errors). */
  readonly duplicates: { url: string; sources: readonly [string, string] }[] = [];
  /** By `outputKey`. */
  private readonly byFile = new Map<string, SiteOutput>();
  private readonly folders: SiteOutput[] = [];

  constructor(outputs: readonly SiteOutput[]) {
    this.all = outputs;
    for (const output of outputs) {
      if (output.folder) {
        this.folders.push(output);
        continue;
      }
      const key = outputKey(output.url);
      const first = this.byFile.get(key);
      if (first) this.duplicates.push({ url: output.url, sources: [first.source, output.source] });
      else this.byFile.set(key, output);
    }
    if (this.folders.length) this.duplicates.push(...this.insideFolders());
  }

  /**
   * Files inside a folder output, folder by folder, each in file order: found through each file's
   * own folders (a file's key is in a folder exactly when one of its own folders is the folder's
   * prefix), not by comparing every folder with every file (~1 s at 50k items).
   */
  private insideFolders(): { url: string; sources: readonly [string, string] }[] {
    const folderIndices = new Map<string, number[]>();
    this.folders.forEach((folder, i) => {
      const prefix = folderPrefix(folder);
      folderIndices.set(prefix, [...(folderIndices.get(prefix) ?? []), i]);
    });
    const inside: SiteOutput[][] = this.folders.map(() => []);
    // A folder's URL ends with "/" (src/build/outputs.ts); any other prefix is compared with every file.
    for (const [prefix, indices] of folderIndices)
      if (prefix !== "" && !prefix.endsWith("/")) {
        folderIndices.delete(prefix);
        for (const output of this.byFile.values())
          if (fileKey(output.url).startsWith(prefix)) for (const i of indices) inside[i].push(output);
      }
    const atRoot = folderIndices.get("") ?? [];
    folderIndices.delete("");
    // A file key's folders are its output key's, past the leading slash (only `index.html` differs).
    const byKey = new Map([...folderIndices].map(([prefix, indices]) => [`/${prefix}`, indices]));
    // forEach: no [key, output] pair made per output (~95k at 50k items), as a for…of over the map makes.
    if (byKey.size <= FEW_FOLDERS) {
      // A portal has two or three folder outputs (the search bundle, the versioned assets): each
      // compared with every key in place, no folder string cut from a key (~190k at 50k items).
      const prefixes = [...byKey];
      this.byFile.forEach((output, key) => {
        for (const i of atRoot) inside[i].push(output);
        for (const [prefix, indices] of prefixes)
          if (key.startsWith(prefix)) for (const i of indices) inside[i].push(output);
      });
    } else {
      // A file's folders deeper than the deepest folder output are none of them: not looked up.
      let depth = 0;
      for (const prefix of folderIndices.keys()) depth = Math.max(depth, prefix.split("/").length - 1);
      this.byFile.forEach((output, key) => {
        for (const i of atRoot) inside[i].push(output);
        let slash = key.indexOf("/", 1);
        for (let d = 0; d < depth && slash !== -1; d++, slash = key.indexOf("/", slash + 1))
          for (const i of byKey.get(key.slice(0, slash + 1)) ?? []) inside[i].push(output);
      });
    }
    return this.folders.flatMap((folder, i) =>
      inside[i].map((output) => ({ url: output.url, sources: [folder.source, output.source] as const })),
    );
  }

  private ownPages?: readonly VirtualPage[];

  /**
   * The pages rendered from templates, in source order: made once (the render, sitemap.xml and
   * the dev server each asked for it, a pass over ~95k outputs at 50k items each time).
   */
  get pages(): readonly VirtualPage[] {
    if (this.ownPages === undefined) {
      const pages: VirtualPage[] = [];
      for (const output of this.all) if (output.page) pages.push(output.page);
      this.ownPages = pages;
    }
    return this.ownPages;
  }

  /** The output that writes this (decoded) site URL: `/news/`, `/news/index.html`, `/feeds/news.xml`. */
  find(url: string): SiteOutput | undefined {
    return (
      this.byFile.get(outputKey(url)) ?? this.folders.find((f) => fileKey(url).startsWith(folderPrefix(f)))
    );
  }

  /** Does the build write this site URL? */
  has(url: string): boolean {
    return this.find(url) !== undefined;
  }

  /** Is this output file (relative path, `news/index.html`) one the sources declared? */
  declares(file: string): boolean {
    // A file key has no leading slash and does not end in one; anything else is none of them.
    const isKey = file !== "" && file.charCodeAt(0) !== 47 && !file.endsWith("/");
    return (
      (isKey && this.byFile.has(outputKey(file))) ||
      this.folders.some((f) => file.startsWith(folderPrefix(f)))
    );
  }
}
