/**
 * Every URL the portal generates, in one place. URLs come from keys in site config and from
 * file paths, never from Chinese text. They carry no path prefix; `href()` adds it.
 */
import type { Keyed, Site } from "../config/schema.ts";

export const VALIDITY_KEYS = { 有效: "valid", 失效: "expired", 废止: "repealed" } as const;

export const urls = {
  home: "/",
  search: "/search/",
  sitemap: "/sitemap/",
  contact: "/contact/",
  notFound: "/404.html",
  news: "/news/",
  column: (key: string) => `/news/${key}/`,
  policies: "/policies/",
  policyCategory: (key: string) => `/policies/category/${key}/`,
  policyIssuer: (key: string) => `/policies/issuer/${key}/`,
  policyYear: (year: number) => `/policies/year/${year}/`,
  policyValidity: (validity: keyof typeof VALIDITY_KEYS) => `/policies/validity/${VALIDITY_KEYS[validity]}/`,
  interpretations: "/policies/interpretations/",
  guides: "/guides/",
  guideType: (key: string) => `/guides/type/${key}/`,
  guideDepartment: (key: string) => `/guides/department/${key}/`,
  videos: "/videos/",
  videoKind: (key: string) => `/videos/${key}/`,
  periodicals: "/periodicals/",
  periodical: (key: string) => `/periodicals/${key}/`,
  topics: "/topics/",
  topic: (key: string) => `/topics/${key}/`,
  /** Page n of a paginated list whose first page is `base`. */
  page: (base: string, n: number) => (n <= 1 ? base : `${base}page/${n}/`),
  /** A list's archive for one year. */
  year: (base: string, year: number) => `${base}${year}/`,
};

/** The configured entry with this name (the name is what editors wrote; validation guarantees it exists). */
export function byName<T extends Keyed>(list: readonly T[], name: string): T {
  const found = list.find((entry) => entry.name === name);
  if (!found) throw new Error(`not in site config: ${name}`);
  return found;
}

/** Prefixes a site URL for use in a page: "/news/" → "/portal/news/". */
export function hrefFor(site: Site): (url: string) => string {
  const prefix = site.pathPrefix;
  return (url) => (url.startsWith("/") ? prefix + url.slice(1) : url);
}

export function absoluteUrl(site: Site, url: string): string {
  return site.baseUrl + hrefFor(site)(url);
}
