/**
 * What a content type declares: everything the rest of the system asks of a type, in one object per
 * type (src/content-types/<type>.ts), the way markdown-it keeps one rule per file. The loader, the
 * portal, the pages, the feeds, the search index, the tallies, `npm run new` and the field docs read
 * the list of specs (src/content-types/index.ts, or the list a build is given) and never name a type.
 * docs/architecture.md walks through adding one.
 */
import type { z } from "zod";
import type { DateTime } from "luxon";
import type { Site } from "../config/schema.ts";
import type { Html } from "../html/html.ts";
import { recordsOf, type Portal } from "../portal/portal.ts";
import type { RecordBase } from "../content/types.ts";
import type { Problem } from "../problems/problems.ts";
import type { RecordDeadline } from "../check/deadlines.ts";
import type { Crumb, LayoutContext } from "../view/context.ts";
import type { ListPageData } from "../view/list-data.ts";
import type {
  SitemapSection,
  FeedLink,
  FeedSource,
  SearchFacet,
  TypePage,
  NavEntry,
  ScaffoldSpec,
} from "./spec-parts.ts";

/** The parts of a spec (spec-parts.ts), for the types that import them from here. */
export type {
  SitemapSection,
  FeedLink,
  FeedSource,
  SearchFacet,
  TypePage,
  SearchEntry,
  NavEntry,
  ScaffoldSpec,
  ScaffoldInput,
} from "./spec-parts.ts";
export { withInputs } from "./spec-parts.ts";

/** Fields every type has (the shared field schemas of src/content/fields.ts). */
export interface BaseFields {
  title: string;
  summary?: string;
  draft: boolean;
  /** Publish time, epoch ms; types without a date leave it out. */
  date?: number;
}

/** A validated record of one type, as its spec's functions see it. */
export type TypedRecord<T extends string, F> = RecordBase & { type: T; fields: F };

/** A record of any type, built-in or not (what pages that list records of any type accept). */
export type AnyRecord = TypedRecord<string, BaseFields>;

export interface TypeSpec<T extends string = string, F extends BaseFields = BaseFields> {
  /** Key of the type: `npm run new <type>`, schemas/<type>.schema.json, `type:` in statistics queries. */
  type: T;
  /** Folder of content/ that holds its files. */
  folder: string;
  /** Chinese name (search filter 类型, field docs, mixed lists): 新闻. */
  label: string;
  /** Front-matter schema (src/content/<type>.ts): validation, JSON Schema and field docs. */
  schema(site: Site): z.ZodType<F>;
  /** Main-navigation section of its pages (`aria-current`); "" for none. */
  section: string;
  /** Entry in the main navigation, and the place of its 网站地图 section and home blocks. */
  nav?: { label: string; url: string; order: number };
  /**
   * Entries it adds to the main navigation besides `nav`, from the content (a plain page marked
   * `nav: 概况`); they get no 网站地图 section or home block of their own.
   */
  navEntries?(portal: Portal): NavEntry[];
  /** The detail page of each record; types without one are shown by other pages (a topic's list). */
  detail?: {
    /** The page's main content (layouts/detail/<type>.ts); `bodyHtml` is the rendered Markdown body. */
    layout(ctx: LayoutContext, record: TypedRecord<T, F>, bodyHtml: string): Html;
    /** Breadcrumbs above the title (the title itself is added). */
    crumbs(ctx: LayoutContext, record: TypedRecord<T, F>): Crumb[];
    /** ContentSource, Keywords and Author meta tags; absent for pages that are no article. */
    article?(record: TypedRecord<T, F>): { source: string; keywords: readonly string[]; author?: string };
    /** The navigation section of this record's page, when not the type's (a page with its own entry). */
    section?(record: TypedRecord<T, F>): string;
    /** The meta description when the record has no summary (default: the start of its text). */
    description?(record: TypedRecord<T, F>): string;
  };
  /**
   * Whether a record gets its detail page (default: every record, when the type has `detail`).
   * A letter not made public has none: it is counted in the statistics, never shown.
   */
  hasPage?(record: TypedRecord<T, F>): boolean;
  /**
   * The record as the build's clock shows it, when a part of it is dated later (a 结果反馈 written
   * ahead of its date): a copy without that part, published when the clock reaches it, as a
   * scheduled item is. Default: the record itself.
   */
  asOf?(record: TypedRecord<T, F>, now: number): TypedRecord<T, F>;
  /** Checks across the type's files, drafts included (`isPublished`: will it be on the site?). */
  checks?(
    site: Site,
    records: readonly TypedRecord<T, F>[],
    isPublished: (r: RecordBase) => boolean,
  ): Problem[];
  /** Every list page of the type (src/pages/paginate.ts splits them). */
  lists?(portal: Portal): ListPageData[];
  /** Pages besides its detail and list pages (src/pages/type-pages.ts renders them). */
  pages?(portal: Portal): TypePage[];
  /** Rows of its lists, when not the plain title-and-date list (a catalogue table). */
  listRows?(ctx: LayoutContext, records: readonly TypedRecord<T, F>[]): Html;
  /** Atom feeds; their list pages announce them with the same URLs. */
  feeds?(portal: Portal): FeedSource<TypedRecord<T, F>>[];
  /** The <category> of a feed entry: its column, category … */
  feedCategory?(record: TypedRecord<T, F>): string | undefined;
  search?: {
    /** Filters beyond 类型, 年份 and 发布机构. */
    facets?: SearchFacet<TypedRecord<T, F>>[];
  };
  /**
   * Counted in the tallies (统计, open data, audit lists) and watched by the freshness check; the
   * colour is its series in the year-over-year chart. Absent: never counted (topics, pages).
   */
  tally?: {
    color: string;
    /** The site-config list a record is also counted by (its key names the cell: columns:city-news). */
    dimension?: { name: TallyDimension; value(record: TypedRecord<T, F>): string };
  };
  /** Its section on 网站地图 (in `nav` order). */
  sitemap?(ctx: LayoutContext): SitemapSection;
  /** Links it adds to another type's 网站地图 section (its `section`): plain pages under 政府信息公开. */
  sitemapLinks?(ctx: LayoutContext): { into: string; links: { label: string; url: string }[] };
  /** Its blocks on the home page (in `nav` order) and the feeds the home page announces. */
  home?: { blocks(ctx: LayoutContext): Html; feeds?: FeedLink[] };
  /**
   * What inspectors would flag about the type as of `clock` (a stale or empty column): warnings; an
   * error where a rule's deadline has passed (a consultation's 结果反馈 past its grace period) or a
   * record names a published page that is not there (an interview's video). `contentFolder`: the
   * content folder as problems name it ("content", or what `--content` names), for a problem about
   * a folder of it rather than a file.
   */
  inspect?(portal: Portal, clock: DateTime, contentFolder: string): Problem[];
  /**
   * Veto deadlines of the type's records that `npm run inspect` predicts (src/check/deadlines.ts):
   * a 政务咨询 letter becoming overdue (unanswered 3 months, see `overdueLetter`), say.
   */
  deadlines?(portal: Portal, clock: DateTime): RecordDeadline[];
  /** Other records whose pages show this one (a 解读 and its document): the dev server re-renders them. */
  shownOn?(portal: Portal, record: TypedRecord<T, F>): RecordBase[];
  scaffold: ScaffoldSpec<TypedRecord<T, F>>;
  /**
   * One file per year (content/<folder>/<year>.md) read by the statistics pages, not an item of
   * the portal: kept out of `portal.records`, in `portal.reports`.
   */
  yearly?: true;
  /** Its dates do not make a year of the portal (a plain page's date is an update, not a publication). */
  undatedYears?: true;
}

/** Site-config lists a record can be tallied by besides its type (see src/tallies/cells.ts). */
export type TallyDimension = "columns" | "videoKinds" | "periodicals" | "guideTypes";

/** Any spec, as the lists of specs hold them (functions take the spec's own records). */
export type AnyTypeSpec = TypeSpec<string, BaseFields>;

/** Two types with one key or one folder would read each other's files: a mistake in the list. */
export function checkTypeList(types: readonly AnyTypeSpec[]): void {
  for (const key of ["type", "folder"] as const) {
    const seen = new Set<string>();
    for (const spec of types) {
      if (seen.has(spec[key])) throw new Error(`content types: two types with the ${key} "${spec[key]}"`);
      seen.add(spec[key]);
    }
  }
}

/** A spec of the list, by type key (the list is small: a scan is fine). */
export function specOf(types: readonly AnyTypeSpec[], type: string): AnyTypeSpec {
  const spec = types.find((t) => t.type === type);
  if (!spec) throw new Error(`unknown content type: ${type}`);
  return spec;
}

/** The types in navigation order (home blocks, 网站地图 sections, the main navigation). */
export function inNavOrder(types: readonly AnyTypeSpec[]): AnyTypeSpec[] {
  return types.filter((t) => t.nav).sort((a, b) => a.nav!.order - b.nav!.order);
}

/** A type's published records, as its spec's functions see them (for types outside the built-in list). */
export function recordsOfSpec<T extends string, F extends BaseFields>(
  portal: Portal,
  spec: TypeSpec<T, F>,
): TypedRecord<T, F>[] {
  return recordsOf(portal, spec.type) as unknown as TypedRecord<T, F>[];
}
