/**
 * Loads `site.config.ts` and validates it at start-up: a mistake stops the build with a clear
 * message instead of a blank page.
 */
import path from "node:path";
import { siteSchema, type Site, type SiteInput } from "./schema.ts";
import { ContentError, type Problem } from "../problems/problems.ts";
import { homeProblems } from "./home-check.ts";
import { chineseError } from "../problems/zod-messages.ts";
import { formatPath, labelAt } from "../problems/schema-walk.ts";
import { statisticsProblems } from "./statistics-check.ts";
import { comparable } from "../content/text-safety.ts";
import { importConfigModule } from "./import-config.ts";

/** Typed helper for `site.config.ts`: `export default defineSite({ … })`. */
export function defineSite(input: SiteInput): SiteInput {
  return input;
}

function uniqueKeysAndNames(site: Site, file: string): Problem[] {
  const problems: Problem[] = [];
  const lists = [
    "columns",
    "departments",
    "topics",
    "categories",
    "guideTypes",
    "videoKinds",
    "periodicals",
  ] as const;
  for (const list of lists) {
    for (const prop of ["key", "name"] as const) {
      const seen = new Set<string>();
      site[list].forEach((entry, i) => {
        // Invisible format characters (U+200B …) do not make two names different.
        const value = comparable(entry[prop]);
        if (seen.has(value)) {
          problems.push({
            severity: "error",
            file,
            field: `${list}[${i}].${prop}`,
            message: `“${entry[prop]}”重复；同一列表中的 ${prop} 必须唯一`,
          });
        }
        seen.add(value);
      });
    }
  }
  try {
    new RegExp(site.indexNoPattern);
  } catch {
    problems.push({ severity: "error", file, field: "indexNoPattern", message: "不是有效的正则表达式" });
  }
  return problems;
}

/** Validates settings given as an object (fixtures, tests) or read from a file. */
export function validateSite(
  input: unknown,
  file = "site.config.ts",
  overrides: Partial<SiteInput> = {},
): Site {
  const merged = {
    ...(input as object),
    ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)),
  };
  const parsed = siteSchema.safeParse(merged, { error: chineseError, reportInput: true });
  if (!parsed.success) {
    throw new ContentError(
      parsed.error.issues.map((issue) => {
        const label = labelAt(siteSchema, issue.path);
        return {
          severity: "error",
          file,
          field: formatPath(issue.path) + (label ? `（${label}）` : ""),
          message: issue.message,
        };
      }),
    );
  }
  const problems = [
    ...uniqueKeysAndNames(parsed.data, file),
    ...statisticsProblems(parsed.data, file),
    ...homeProblems(parsed.data, file),
  ];
  if (problems.length) throw new ContentError(problems);
  return parsed.data;
}

export async function loadSiteConfig(configPath: string, overrides: Partial<SiteInput> = {}): Promise<Site> {
  const abs = path.resolve(configPath);
  const display = path.relative(process.cwd(), abs).split(path.sep).join("/") || abs;
  let exported: unknown;
  try {
    exported = await importConfigModule(abs);
  } catch (err) {
    throw new ContentError([
      { severity: "error", file: display, message: `无法读取站点配置：${(err as Error).message}` },
    ]);
  }
  return validateSite(exported, display, overrides);
}
