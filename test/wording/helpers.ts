/** Shared by the wording, sign-off and honest-dates tests: a fixture site that declares names, and its problems. */
import type { SiteInput } from "../../src/config/schema.ts";
import { checkSite } from "../../src/build/load-state.ts";
import { formatProblem } from "../../src/problems/problems.ts";
import { parseLocalDate } from "../../src/content/fields.ts";
import type { Fixture } from "../helpers/fixture.ts";

export const DECLARED: Partial<SiteInput> = {
  wording: {
    leaders: [
      { name: "张建华", title: "市长", from: "2021-06-01" },
      { name: "李明远", title: "副市长", from: "2020-01-01", to: "2025-12-31" },
    ],
    organs: [{ name: "测试市发展和改革委员会", short: ["市发改委"] }],
    places: ["测试市", "青松镇"],
    terms: [{ wrong: "测试市大数局", right: "测试市大数据中心", source: "机构编制文件" }],
    allow: ["青松林场"],
  },
};

/** Every problem of the fixture, formatted as `npm run check` prints it. */
export function problemsOf(site: Fixture, now = "2026-06-30 12:00"): string[] {
  const clock = parseLocalDate(now, site.site.timeZone)!.toMillis();
  return checkSite({ site: site.site, contentDir: site.contentDir, now: clock }).problems.map(formatProblem);
}

/** The problems of one file only (the fixture's columns are empty, which inspection warns about). */
export const problemsIn = (site: Fixture, file: string, now?: string) =>
  problemsOf(site, now).filter((p) => p.startsWith(`content/${file}`));
