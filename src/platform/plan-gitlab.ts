/**
 * The plan as a GitLab CI child pipeline (`npm run plan -- --format gitlab`): GitLab's matrix
 * is static, so the plan job writes the pipeline and a trigger job runs it (docs/platform.md).
 * Values are written as JSON strings, which YAML reads as they are.
 */
import type { PlanJob } from "./plan.ts";
import { PLATFORM_CACHE_DIR } from "./build.ts";

export function gitlabPipeline(
  jobs: readonly PlanJob[],
  config: string,
  now: string | undefined,
  /** The plan's share list (`--shares`): an artifact of the parent pipeline's plan job, which the trigger passes as PARENT_PIPELINE_ID. */
  shares?: string,
): string {
  const q = JSON.stringify;
  const lines = [
    "# Written by `npm run plan -- --format gitlab`; do not edit.",
    "stages: [build, merge]",
    "default:",
    `  image: "node:24-bookworm"`,
    "  before_script:",
    `    - "npm ci --no-audit --no-fund"`,
    ...(now ? ["variables:", `  GONGKAI_NOW: ${q(now)}`] : []),
  ];
  const sharesArg = shares ? ` --shares ${shares}` : "";
  for (const job of jobs)
    lines.push(
      `build-${job.job}:`,
      "  stage: build",
      ...(shares ? ["  needs:", `    - pipeline: "$PARENT_PIPELINE_ID"`, `      job: "plan"`] : []),
      "  script:",
      `    - ${q(`npm run build -- --platform ${config} --site ${job.sites}${sharesArg} --out _parts`)}`,
      // The job's sites' build caches from run to run (docs/platform.md); the spare folders are of
      // no use on another runner and as large as the sites, so they go before the cache is saved.
      "  cache:",
      `    key: ${q(`gongkai-platform-${job.job}`)}`,
      `    paths: [${q(`${PLATFORM_CACHE_DIR}/sites/`)}]`,
      "  after_script:",
      `    - ${q(`rm -rf ${PLATFORM_CACHE_DIR}/sites/*/spare`)}`,
      "  artifacts:",
      `    paths: ["_parts"]`,
      `    expire_in: "1 day"`,
    );
  lines.push(
    "merge:",
    "  stage: merge",
    `  needs: [${jobs.map((j) => q(`build-${j.job}`)).join(", ")}]`,
    "  script:",
    `    - ${q(`npm run merge -- --platform ${config} --parts _parts --out _site`)}`,
    "  artifacts:",
    `    paths: ["_site"]`,
  );
  return `${lines.join("\n")}\n`;
}
