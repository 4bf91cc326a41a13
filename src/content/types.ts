/**
 * Validated records. Which types exist, their folders and schemas, is declared once per type in
 * src/content-types/; the record types here are derived from that list.
 */
import type { z } from "zod";
import type { DEFAULT_TYPES } from "../content-types/index.ts";

type Spec = (typeof DEFAULT_TYPES)[number];

/** The built-in content types: news, policy … (the keys of the spec list). */
export type ContentType = Spec["type"];

/** The validated front matter of one type. */
export type FieldsOf<T extends ContentType> = z.output<ReturnType<Extract<Spec, { type: T }>["schema"]>>;

/** What every record has, whatever its type. */
export interface RecordBase {
  /** Path under content/ without `.md`: news/2025/spring-ploughing. */
  id: string;
  /** Project-relative source path, for messages: content/news/2025/spring-ploughing.md. */
  file: string;
  /** Absolute source path, for reading the file again. */
  abs: string;
  /** Site URL without the path prefix: /news/2025/spring-ploughing/. */
  url: string;
  /** Markdown body. */
  body: string;
  /** File line where the body starts (for messages about links in it). */
  bodyLine: number;
  /** Publish time in epoch ms; 0 for pages without a date. */
  publishedAt: number;
  /** Calendar year of publication in the site's zone; undefined for undated pages. */
  year?: number;
  /** Publish time as the site shows it: 2025-03-12 09:30. */
  dateText: string;
  /** Publish day: 2025-03-12. */
  day: string;
  /**
   * Absolute URL of the page this record is a copy of: an item another site of the platform
   * shares (src/platform/shares.ts). Its page here names that URL as rel=canonical.
   */
  canonical?: string;
}

/** One validated content file, as every page, tally, feed and search entry sees it. */
export type RecordOf<T extends ContentType> = RecordBase & { type: T; fields: FieldsOf<T> };

export type ContentRecord = { [T in ContentType]: RecordOf<T> }[ContentType];
