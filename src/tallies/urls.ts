/** URLs of the statistics, the annual reports and the open data (without the path prefix). */
export const talliesUrls = {
  statistics: "/statistics/",
  statisticsYear: (year: number) => `/statistics/${year}/`,
  /** The list of exactly the items a statistics row counts. */
  audit: (year: number, key: string) => `/statistics/${year}/${key}/`,
  report: (year: number) => `/annual-report/${year}/`,
  openDataJson: "/open-data/tallies.json",
  openDataCsv: (year: number) => `/open-data/tallies-${year}.csv`,
};
