/**
 * One whole build: settings → validated records → pages (Eleventy, then the streamed detail and
 * list pages) → after-render steps → swap.
 * Everything is written to a sibling folder first; the published folder is replaced only when
 * every phase succeeded, so a failed build leaves the previous output exactly as it was.
 */
import { mkdirSync, renameSync, rmSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Eleventy from "@11ty/eleventy";
import type { Site } from "../config/schema.ts";
import type { BuildState, StateRef } from "../eleventy/state.ts";
import { gongkaiPlugin, type EleventyConfigLike } from "../eleventy/plugin.ts";
import { orderSteps } from "./steps.ts";
import { writeStreamedPages } from "./streamed-pages.ts";
import { createState } from "./load-state.ts";
import type { SiteParts } from "./outputs.ts";
import { defaultParts } from "./defaults.ts";
import type { RecordCache } from "../content/record-cache.ts";

export interface BuildSiteOptions {
  site: Site;
  /** Absolute path of content/. */
  contentDir: string;
  /** The folder to publish into (_site). */
  outDir: string;
  /** The build's clock, epoch ms (default: now). */
  now?: number;
  /** Preview: publish drafts and scheduled items, marked as such. */
  includeDrafts?: boolean;
  /** Dev server: reuse what unchanged files gave last time. */
  cache?: RecordCache;
  /** Page sources and after-render steps (default: the portal's, src/build/defaults.ts). */
  parts?: SiteParts;
}

export interface BuildResult {
  state: BuildState;
  /** Milliseconds per phase. */
  timings: Record<string, number>;
}

/**
 * Eleventy's input folder. Every page is a virtual template and this folder holds only TypeScript
 * modules, which are no template format, so Eleventy finds no templates of its own there.
 */
export const EMPTY_INPUT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "pages");

async function timed<T>(
  timings: Record<string, number>,
  name: string,
  work: () => Promise<T> | T,
): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    timings[name] = Math.round(performance.now() - start);
  }
}

function swapInto(staging: string, outDir: string): void {
  const old = `${outDir}.old-${process.pid}`;
  if (existsSync(outDir)) renameSync(outDir, old);
  renameSync(staging, outDir);
  rmSync(old, { recursive: true, force: true });
}

export async function buildSite(options: BuildSiteOptions): Promise<BuildResult> {
  const timings: Record<string, number> = {};
  const now = options.now ?? Date.now();
  const parts = options.parts ?? defaultParts;
  // Ordered before anything is read: a step naming a missing step fails at once.
  const steps = orderSteps(parts.steps);
  const state = await timed(timings, "load+validate", () =>
    createState(
      {
        site: options.site,
        contentDir: path.resolve(options.contentDir),
        now,
        includeDrafts: options.includeDrafts,
        cache: options.cache,
      },
      parts,
    ),
  );
  const outDir = path.resolve(options.outDir);
  const staging = `${outDir}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(path.dirname(outDir), { recursive: true });
  const ref: StateRef = { current: state };
  try {
    await timed(timings, "render", async () => {
      const eleventy = new Eleventy(EMPTY_INPUT, staging, {
        quietMode: true,
        configPath: false,
        pathPrefix: options.site.pathPrefix,
        config: (config: EleventyConfigLike) => gongkaiPlugin(config, ref, parts.pages),
      });
      await eleventy.write();
    });
    await timed(timings, "render streamed", () => writeStreamedPages(state, parts.pages, staging));
    for (const step of steps) await timed(timings, step.name, () => step.run(state, staging));
    await timed(timings, "publish", () => swapInto(staging, outDir));
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw err;
  }
  return { state, timings };
}
