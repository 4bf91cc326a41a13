/** URLs of 互动交流 and 留言办理 (without the path prefix): one place, as src/portal/urls.ts for the rest. */
export const LETTER_TYPE_KEYS = {
  咨询: "consult",
  投诉: "complaint",
  建议: "suggestion",
  求助: "help",
} as const;
export const LETTER_STATUS_KEYS = { 已答复: "answered", 办理中: "pending" } as const;

export const interactionUrls = {
  /** The 互动交流 section: channels, letters and (when the site has them) consultations and interviews. */
  index: "/interaction/",
  letters: "/letters/",
  letterType: (type: keyof typeof LETTER_TYPE_KEYS) => `/letters/type/${LETTER_TYPE_KEYS[type]}/`,
  letterStatus: (status: keyof typeof LETTER_STATUS_KEYS) => `/letters/status/${LETTER_STATUS_KEYS[status]}/`,
  /** 意见征集 and 在线访谈 of a year, and a year's 结果反馈. */
  consultations: (year: number) => `/consultations/${year}/`,
  consultationFeedback: (year: number) => `/consultations/feedback/${year}/`,
  interviews: (year: number) => `/interviews/${year}/`,
  /** 留言办理统计: one page per year with its months, and the letters behind every figure. */
  letterStatistics: (year: number) => `/statistics/letters/${year}/`,
  letterAudit: (year: number, cell: string) => `/statistics/letters/${year}/${cell}/`,
  lettersJson: "/open-data/letters.json",
  /** 政府网站工作年度报表 of a year, and the items behind each computed row. */
  websiteReport: (year: number) => `/website-report/${year}/`,
  websiteReportAudit: (year: number, key: string) => `/website-report/${year}/${key}/`,
  websiteReportJson: "/open-data/website-report.json",
};
