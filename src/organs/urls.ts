/** URLs of the 机构 pages, the 政府信息公开 hub and every organ's 公开平台 (without the path prefix). */
export const organUrls = {
  /** 机构: every organ, with its 机构职能 page. */
  organs: "/organs/",
  organ: (key: string) => `/organs/${key}/`,
  /** 政府信息公开: the hub in the main navigation. */
  hub: "/open/",
  platform: (key: string) => `/open/${key}/`,
  guide: (key: string) => `/open/${key}/guide/`,
  rules: (key: string) => `/open/${key}/rules/`,
  statutory: (key: string) => `/open/${key}/statutory/`,
  category: (key: string, category: string) => `/open/${key}/statutory/${category}/`,
  catalogue: (key: string) => `/open/${key}/catalogue/`,
  reports: (key: string) => `/open/${key}/reports/`,
  report: (key: string, year: number) => `/open/${key}/reports/${year}/`,
  /** The list of exactly the items one figure of an organ's 年报 counts. */
  audit: (key: string, year: number, row: string) => `/open/${key}/reports/${year}/${row}/`,
  /** The county-level summary of the organs' 年报 figures. */
  summary: (year: number) => `/open/reports/${year}/`,
};
