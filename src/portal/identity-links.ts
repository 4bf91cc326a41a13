/**
 * The plain links every government page carries to national services (domain.md §6), built at
 * build time so no third-party script runs on the page (the CSP stays strict): the "我为政府网站找错"
 * entry with the site's 标识码 and the page's own address, and the 党政机关网站标识 record.
 */
import type { Site } from "../config/schema.ts";
import { absoluteUrl } from "./urls.ts";

const JIUCUO = "https://zfwzgl.www.gov.cn/exposure/jiucuo.html";
const CONAC = "https://bszs.conac.cn/sitename";

/** 找错 for one page: `site_code` is the 标识码, `url` the page's absolute address, encoded. */
export function jiucuoUrl(site: Site, pageUrl: string): string {
  return `${JIUCUO}?site_code=${encodeURIComponent(site.siteIdCode)}&url=${encodeURIComponent(absoluteUrl(site, pageUrl))}`;
}

/** The site's own record behind the 党政机关网站标识; the service's home page when no id is configured. */
export function conacUrl(site: Site): string {
  return site.conacId === undefined
    ? "https://bszs.conac.cn/"
    : `${CONAC}?method=show&id=${encodeURIComponent(site.conacId)}`;
}
