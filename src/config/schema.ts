/**
 * The site's settings (`site.config.ts`), as one zod schema: the type, the start-up validation
 * and the field reference in README all come from here.
 */
import { z } from "zod";
import { IANAZone } from "luxon";
import { statisticsSectionSchema } from "./statistics.ts";
import { themeSchema } from "./theme.ts";
import { homeSchema } from "./home.ts";
import { ACTIVE_TYPES, DEFAULT_MEDIA_TYPES } from "../media/allow-list.ts";
import { honestDatesSchema, reviewSchema, wordingSchema } from "./wording.ts";
import { inspectionSchema } from "./inspection.ts";
import { consultationRulesSchema, interpretationRulesSchema } from "./interaction.ts";
import { calendarSchema } from "./calendar.ts";
import { interactionSchema } from "./channels.ts";
import { cmsSchema } from "./cms.ts";

/** An ASCII key used in URLs: lower-case letters, digits and hyphens. */
const urlKey = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, { error: "应为小写英文字母、数字和连字符组成的键（用于网址）" })
  .refine((key) => !/^\d+$/.test(key), { error: "键不能全是数字（会与年份网址冲突）" });

/** A named thing with an ASCII key for its URL and a Chinese name that editors write. */
const keyed = z.strictObject({
  /** ASCII key, used in URLs (`/news/city-news/`). */
  key: urlKey,
  /** The Chinese name editors write in front matter and readers see (市级新闻). */
  name: z.string().min(1),
});

export const columnSchema = keyed.extend({
  /** 动态 columns go stale after 14 days without news, 通知公告/政策 columns after 6 months (domain §5). */
  kind: z.enum(["动态", "通知公告"]).default("动态"),
  /** ColumnDescription meta tag and the column page's lead. */
  description: z.string().default(""),
  /** ColumnKeywords meta tag. */
  keywords: z.array(z.string()).default([]),
});

export const topicSchema = keyed.extend({
  /** 专题 topics have a page of their own (content/topics/<key>.md); the others are tags tallied per year. */
  group: z.enum(["专题", "重大民生", "热点"]),
});

export const siteSchema = z.strictObject({
  /** Site name (SiteName meta tag, header, titles): 白桦岭市人民政府. */
  name: z.string().min(1),
  /** 主办单位, shown in the footer. */
  sponsor: z.string().min(1),
  /** 技术维护, shown in the footer. */
  maintainer: z.string().min(1),
  /** Postal address (地址). */
  address: z.string().min(1),
  /** Postcode (邮编), six digits. */
  postcode: z.string().regex(/^\d{6}$/, { error: "邮编应为 6 位数字" }),
  /** Public e-mail address. */
  email: z.email({ error: "应为电子邮件地址" }),
  /** 市民服务热线, e.g. 12345. */
  hotline: z.string().min(1),
  /** 政府网站标识码 (SiteIDCode meta tag): 10 characters. */
  siteIdCode: z.string().regex(/^[0-9A-Z]{10}$/, { error: "政府网站标识码应为 10 位数字或大写字母" }),
  /** The site's record at bszs.conac.cn (党政机关网站标识 links to `sitename?method=show&id=<id>`). */
  conacId: z
    .string()
    .regex(/^[0-9A-Za-z]+$/, {
      error: "党政机关网站标识的 id 应为字母和数字（见 bszs.conac.cn 上本站的标识链接）",
    })
    .optional(),
  /** ICP 备案号, e.g. 蒙ICP备2020004182号-2. */
  icp: z.string().min(1),
  /** 公安机关备案号, e.g. 蒙公网安备 15220202000101号. */
  publicSecurityRecord: z.string().min(1),
  /** Public origin without a trailing slash: https://www.example.gov.cn (SiteDomain meta tag, feeds, sitemap). */
  baseUrl: z
    .url({ protocol: /^https?$/, error: "应为以 http:// 或 https:// 开头的网址" })
    .transform((u) => u.replace(/\/+$/, "")),
  /** Sub-path the site is served under ("/" at the root of the domain; "/portal/" under a sub-path). */
  pathPrefix: z
    .string()
    .default("/")
    .transform((p) => `/${p.replace(/^\/+|\/+$/g, "")}/`.replace(/^\/\/$/, "/"))
    .refine((p) => /^\/([a-zA-Z0-9._~-]+\/)*$/.test(p), {
      error: "路径前缀只能包含英文字母、数字和 . _ ~ -",
    }),
  /** IANA time zone for every date (publish dates, years of the tallies). */
  timeZone: z
    .string()
    .default("Asia/Shanghai")
    .refine((zone) => IANAZone.isValidZone(zone), { error: "应为 IANA 时区名，例如 Asia/Shanghai" }),
  /**
   * No date in content may be earlier (YYYY-MM-DD, site zone): a year typo (0025 for 2025) would
   * otherwise make a statistics page per year in between. The default predates every government
   * portal: the web went public in 1991 and China's government sites date from the mid-1990s
   * (政府上网工程 1999), so a publish date before 1990 is a typo. A site that lists older
   * documents (成文日期 of a regulation from the 1980s still in force) sets an earlier date.
   */
  earliestDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "应为 YYYY-MM-DD 形式的日期，例如 1990-01-01", abort: true })
    .refine((day) => new Date(`${day}T00:00:00Z`).toISOString().startsWith(day), { error: "日期不存在" })
    .default("1990-01-01"),
  /**
   * File types (extensions, lower case, no dot) content/media may publish; the default covers
   * images, PDF, OFD, office documents, archives, audio, video and captions. Pages and scripts
   * (html, js, xml, swf …) cannot be allowed: they would run under the site's own origin.
   */
  mediaTypes: z
    .array(
      z
        .string()
        .regex(/^[a-z0-9]+$/, { error: "应为小写的扩展名，不带点，例如 pdf" })
        .refine((ext) => !ACTIVE_TYPES.has(ext), {
          error: (iss) => `“${String(iss.input)}”是网页或脚本类型，会在本站域名下运行，不能允许发布`,
        }),
    )
    .default([...DEFAULT_MEDIA_TYPES]),
  /** Items per list page. */
  pageSize: z.number().int().min(5).max(200).default(20),
  /** News columns (栏目). */
  columns: z.array(columnSchema).min(1),
  /** Departments (发布机构, 发文机关, 实施主体). */
  departments: z.array(keyed).min(1),
  /** Topics: 专题 with pages, and the 重大民生/热点 tags that the statistics count. */
  topics: z.array(topicSchema).default([]),
  /** 主题分类 of the policy catalogue. */
  categories: z.array(keyed).min(1),
  /** 事项类型 of procedure guides (行政许可 / 非许可 / 服务). */
  guideTypes: z.array(keyed).min(1),
  /** Kinds of video item (视频新闻 / 宣传片). */
  videoKinds: z.array(keyed).min(1),
  /** Periodicals (《某某讯》); issues live in content/periodicals/<key>/. */
  periodicals: z.array(keyed).default([]),
  /** Regular expression every 索引号 must match (portals differ: 000014349/2017-00110, 11341702486344515H/202110-00013). */
  indexNoPattern: z.string().default("^[0-9A-Z]{9,18}/\\d{4}-\\d{5}$"),
  /** Sections and rows of the yearly statistics table (docs/tallies.md): tally queries or manual figures. */
  statistics: z.array(statisticsSectionSchema).default([]),
  /**
   * Raw HTML in Markdown bodies. Off: tags show as text. On: HTML is kept but sanitised (no script,
   * no event handlers, no style attributes, no javascript: URLs).
   */
  allowHtml: z.boolean().default(false),
  /** First year shown in the copyright line (版权所有 © 2025—<build year>). */
  copyrightSince: z.number().int().optional(),
  /** Colours, logo, banner, footer lines and replaced layout parts (src/config/theme.ts). */
  theme: themeSchema.default({
    colors: {},
    banner: { tagline: "" },
    footerText: [],
    overrides: {},
  }),
  /** The home page's blocks, 焦点图, 办事服务 audiences and 互动交流 entries (src/config/home.ts). */
  home: homeSchema.default(() => homeSchema.parse({})),
  /**
   * Strict-Transport-Security in `_headers` and the nginx example: by default one year for an https
   * baseUrl (none for http); false turns it off; includeSubDomains/preload only when every
   * subdomain is served over https.
   */
  hsts: z
    .union([
      z.literal(false),
      z.strictObject({
        maxAge: z.number().int().min(0).default(31_536_000),
        includeSubDomains: z.boolean().default(false),
        preload: z.boolean().default(false),
      }),
    ])
    .optional(),
  /** 互动交流: the 咨询建言 channels (at least one) and the reply deadlines of letters (src/config/channels.ts). */
  interaction: interactionSchema,
  /** 错敏词 and 规范表述: declared names, site dictionary, typography (docs/wording.md). */
  wording: wordingSchema,
  /** 三审三校 sign-off required before publication (docs/wording.md). */
  review: reviewSchema,
  /** 伪造发稿日期 check against the git history (docs/wording.md). */
  honestDates: honestDatesSchema,
  /** `npm run inspect`: veto horizon and link fetching (src/config/inspection.ts). */
  inspection: inspectionSchema,
  /** 意见征集: minimum period and the deadline of the 结果反馈 (src/config/interaction.ts). */
  consultations: consultationRulesSchema,
  /** 政策解读: which kinds need one, within how many working days (src/config/interaction.ts). */
  interpretation: interpretationRulesSchema,
  /** Local holidays and working days added to the national calendar (src/calendar/working-days.ts). */
  calendar: calendarSchema,
  /** The web editor: Git host, editorial workflow, whether the build ships admin/ (docs/cms.md). */
  cms: cmsSchema,
});

/** What `site.config.ts` exports (defaults may be left out). */
export type SiteInput = z.input<typeof siteSchema>;
/** The validated settings the build works with. */
export type Site = z.output<typeof siteSchema>;
export type Keyed = z.output<typeof keyed>;
export type Column = z.output<typeof columnSchema>;
export type Topic = z.output<typeof topicSchema>;
