/** Types of walk-list.mjs (plain JavaScript: the content scan's worker runs it). */

export interface ContentFile {
  /** Absolute path. */
  abs: string;
  /** Path under content/ with forward slashes: news/2025/a.md. */
  rel: string;
}

export interface SpecialFile extends ContentFile {
  /** What it is, in Chinese: 符号链接, 设备文件 … */
  kind: string;
}

/** Folders of content/ that hold no content files of their own. */
export declare const NON_CONTENT_FOLDERS: Set<string>;

export interface ContentListing {
  files: ContentFile[];
  strays: ContentFile[];
  specials: SpecialFile[];
}

/** A file of content/media as src/check/media-index.ts lists it: its site path and absolute path. */
export interface MediaFile {
  /** `/media/2025/a.pdf` */
  url: string;
  abs: string;
}

/** Whether a regular file at `rel` (under content/) is one content/media publishes: under media/, nothing hidden. */
export declare const isPublishedMedia: (rel: string) => boolean;

export declare function listContentTree(contentDir: string): ContentListing;
export declare function listContentTree(
  contentDir: string,
  options: { media: true },
): ContentListing & { media: MediaFile[] };
