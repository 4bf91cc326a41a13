/**
 * Cross-checks of `home` against the rest of the config, reported like any config mistake: a news
 * block naming a column that does not exist, a custom block without its override.
 */
import type { Site } from "./schema.ts";
import type { Problem } from "../problems/problems.ts";

export function homeProblems(site: Site, file: string): Problem[] {
  const problems: Problem[] = [];
  const keys = site.columns.map((c) => c.key);
  const own = (site.theme.overrides.homeBlocks ?? {}) as Record<string, unknown>;
  (site.home.rows ?? []).forEach((row, r) =>
    row.forEach((block, b) => {
      const field = `home.rows[${r}][${b}]`;
      if (block.type === "news")
        block.columns.forEach((key, i) => {
          if (!keys.includes(key))
            problems.push({
              severity: "error",
              file,
              field: `${field}.columns[${i}]`,
              message: `栏目“${key}”未在 columns 中声明；应为：${keys.join("、")}`,
            });
        });
      if (block.type === "custom" && !own[block.name])
        problems.push({
          severity: "error",
          file,
          field: `${field}.name`,
          message: `自定义区块“${block.name}”需要在 theme.overrides.homeBlocks 中提供同名函数`,
        });
    }),
  );
  return problems;
}
