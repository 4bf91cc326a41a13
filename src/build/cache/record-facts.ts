/**
 * What the checks take from a record alone, kept by the record store (records.ts) beside it: the
 * field strings that are placeholders or name media (src/check/notable-strings.ts) and the body's
 * links (src/check/body-parse.ts). An unchanged file keeps its record, so a one-edit build walks
 * the fields and parses the body of the edited file only. Only what a record says is kept, never
 * a verdict that depends on other files (whether a link resolves is decided on every build).
 */
import { notableStringsKnown, type FieldString } from "../../check/notable-strings.ts";
import { bodyLinksKnown, type BodyLinks } from "../../check/body-parse.ts";
import { bodyA11yKnown, type BodyA11y } from "../../check/body-a11y.ts";
import type { KeptWithRecord } from "../../content/kept.ts";
import type { ContentRecord } from "../../content/types.ts";
import { placeholderInBody } from "../../content/placeholders.ts";
import { hasCover, isDraft, isHeadline } from "../../content/kept-flags.ts";
import { reviewByOf } from "../../check/review-by.ts";

/** Plain data (the store serializes it). */
export interface RecordFacts {
  strings?: FieldString[];
  links?: BodyLinks;
  /** Where the body has the placeholder of `npm run new` (−1: nowhere). */
  placeholder?: number;
  /**
   * Its `fields.draft` and `fields.review_by` (null: none): every build asks them of every record
   * (src/content/published.ts, src/check/review-by.ts), and kept, they leave its `fields` unread.
   */
  draft?: boolean;
  reviewBy?: number | null;
  /** Its `fields.headline`: the home page looks through the news for the first that has it. */
  headline?: boolean;
  /** Whether it has a `fields.cover`: the home page's 焦点图 looks through the news for a few. */
  cover?: boolean;
  /** Its body's accessibility warnings (src/check/body-a11y.ts). */
  a11y?: BodyA11y;
}

/** What this process knows of `record` alone (where the body has the placeholder: always). */
export function factsOf(record: ContentRecord): RecordFacts {
  const strings = notableStringsKnown(record);
  const links = bodyLinksKnown(record);
  const reviewBy = reviewByOf(record) ?? null;
  return {
    strings,
    links,
    placeholder: placeholderInBody(record),
    draft: isDraft(record),
    reviewBy,
    headline: isHeadline(record),
    cover: hasCover(record),
    a11y: bodyA11yKnown(record),
  };
}

/**
 * One record's kept values (src/content/kept.ts), from what a store holds for its entry: a value
 * of the wrong shape is left out (the check finds it again).
 */
export function keptValues(digest: unknown, clean: unknown, facts: unknown): KeptWithRecord {
  const kept: KeptWithRecord = {
    digest: typeof digest === "string" ? digest : null,
    clean: typeof clean === "string" ? clean : null,
    strings: undefined,
    links: undefined,
    placeholder: undefined,
    draft: undefined,
    reviewBy: undefined,
    headline: undefined,
    cover: undefined,
    a11y: undefined,
  };
  if (!facts || typeof facts !== "object") return kept;
  const { strings, links, placeholder, draft, reviewBy, headline, cover, a11y } = facts as RecordFacts;
  if (a11y && typeof a11y.allowHtml === "boolean" && Array.isArray(a11y.slips)) kept.a11y = a11y;
  if (Number.isInteger(placeholder)) kept.placeholder = placeholder;
  if (typeof draft === "boolean") kept.draft = draft;
  if (typeof headline === "boolean") kept.headline = headline;
  if (typeof cover === "boolean") kept.cover = cover;
  if (reviewBy === null || Number.isFinite(reviewBy)) kept.reviewBy = reviewBy;
  if (Array.isArray(strings)) kept.strings = strings;
  if (
    links &&
    typeof links.allowHtml === "boolean" &&
    Array.isArray(links.links) &&
    Array.isArray(links.html) &&
    Array.isArray(links.notes)
  )
    kept.links = links;
  return kept;
}
